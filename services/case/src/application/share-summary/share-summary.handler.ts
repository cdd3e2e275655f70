import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { ShareSummary } from './share-summary.command';

@CommandHandler(ShareSummary)
export class ShareSummaryHandler implements ICommandHandler<ShareSummary, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: ShareSummary): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.shareSummary(cmd.advisorId, cmd.summaryId, new Date()));
  }
}
