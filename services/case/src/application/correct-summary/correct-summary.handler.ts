import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { CorrectSummary } from './correct-summary.command';

@CommandHandler(CorrectSummary)
export class CorrectSummaryHandler implements ICommandHandler<CorrectSummary, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: CorrectSummary): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) =>
      c.correctSummary(cmd.summaryId, cmd.sealedCorrection, new Date(cmd.correctedAt), cmd.version),
    );
  }
}
