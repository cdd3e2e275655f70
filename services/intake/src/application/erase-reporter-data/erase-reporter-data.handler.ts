import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { ReportChanges } from '../report-changes';
import { EraseReporterData } from './erase-reporter-data.command';

/**
 * Shreds the reporter's own key, then records it: if the record fails, the data is already gone and a retry
 * shreds again (idempotent) and records it then. The case goes on: the account is under the case key.
 */
@CommandHandler(EraseReporterData)
export class EraseReporterDataHandler implements ICommandHandler<EraseReporterData, void> {
  constructor(
    private readonly changes: ReportChanges,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  execute(command: EraseReporterData): Promise<void> {
    return this.changes.change(
      command.caseId,
      command.correlationId,
      (report) => report.eraseReporterData(new Date()),
      async (report) => void (await this.platform.privacy.vault.shredSubject('reporter', report.state.facts!.reporterRef)),
    );
  }
}
