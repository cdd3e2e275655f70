import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { WithdrawReport } from './withdraw-report.command';

@CommandHandler(WithdrawReport)
export class WithdrawReportHandler implements ICommandHandler<WithdrawReport, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: WithdrawReport): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.withdraw(new Date(cmd.withdrawnAt)));
  }
}
