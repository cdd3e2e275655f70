import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { SummaryNotOnCaseError, SummaryVersionOutdatedError } from '../intake.errors';
import { INTAKE_READ_MODEL, type IntakeReadModel } from '../ports/intake-read-model.port';
import { ReportWork } from '../report-work';
import { AnswerSummary } from './answer-summary.command';

/** Art. 18 of directive 2019/1937: the reporter checks, and may correct, the record of a conversation. */
@CommandHandler(AnswerSummary)
export class AnswerSummaryHandler implements ICommandHandler<AnswerSummary, void> {
  constructor(
    private readonly work: ReportWork,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
  ) {}

  async execute(command: AnswerSummary): Promise<void> {
    // Only a summary shared on this very case: a summary id of another case is not there.
    const latest = await this.readModel.latestSummaryVersion(command.caseId, command.summaryId);
    if (latest === undefined) throw new SummaryNotOnCaseError();
    // Only the latest version is answered: after a revision, an answer to an earlier one is refused.
    const version = command.version ?? latest;
    if (version > latest) throw new SummaryNotOnCaseError();
    if (version < latest) throw new SummaryVersionOutdatedError();
    const at = new Date();
    if (command.correction === undefined) {
      await this.work.run(command.caseId, command.context, (report) => report.approveSummary(command.summaryId, at, version));
      return;
    }
    const sealed = await this.sealer.seal(command.correction, caseKey(command.caseId));
    await this.work.run(command.caseId, command.context, (report) => report.correctSummary(command.summaryId, sealed, at, version));
  }
}
