import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { ApproveSummary } from './approve-summary.command';

@CommandHandler(ApproveSummary)
export class ApproveSummaryHandler implements ICommandHandler<ApproveSummary, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: ApproveSummary): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.approveSummary(cmd.summaryId, new Date(cmd.approvedAt), cmd.version));
  }
}
