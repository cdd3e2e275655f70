import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { ReportWork } from '../report-work';
import { EraseReporterData } from './erase-reporter-data.command';

/**
 * Shreds the reporter's own key once the report has decided it may, then records it: if the record fails, the data
 * is already gone and a retry shreds again (idempotent) and records it then. The case goes on: the account is under
 * the case key.
 */
@CommandHandler(EraseReporterData)
export class EraseReporterDataHandler implements ICommandHandler<EraseReporterData, void> {
  constructor(
    private readonly work: ReportWork,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  execute(command: EraseReporterData): Promise<void> {
    return this.work.run(command.caseId, command.context, async (report) => {
      report.eraseReporterData(new Date());
      await this.platform.privacy.vault.shredSubject('reporter', report.state.facts!.reporterRef);
    });
  }
}
