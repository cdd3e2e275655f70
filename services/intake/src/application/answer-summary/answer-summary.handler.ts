import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { DATABASE_POOL, SEALER } from '@vertrouwd/runtime';
import { ReportChanges } from '../report-changes';
import { AnswerSummary } from './answer-summary.command';

/** Art. 18 of directive 2019/1937: the reporter checks, and may correct, the record of a conversation. */
@CommandHandler(AnswerSummary)
export class AnswerSummaryHandler implements ICommandHandler<AnswerSummary, void> {
  constructor(
    private readonly changes: ReportChanges,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(DATABASE_POOL) private readonly pool: Pool,
  ) {}

  async execute(command: AnswerSummary): Promise<void> {
    // Only a summary shared on this very case: a summary id of another case is not there.
    const { rowCount } = await this.pool.query('select 1 from shared_summaries where summary_id = $1 and case_id = $2', [
      command.summaryId,
      command.caseId,
    ]);
    if (!rowCount) throw new NotFoundException('No such summary on this case');
    const at = new Date();
    if (command.correction === undefined) {
      await this.changes.change(command.caseId, command.correlationId, (report) => report.approveSummary(command.summaryId, at));
      return;
    }
    const sealed = await this.sealer.seal(command.correction, caseKey(command.caseId));
    await this.changes.change(command.caseId, command.correlationId, (report) => report.correctSummary(command.summaryId, sealed, at));
  }
}
