import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReportWork } from '../report-work';
import { WithdrawReport } from './withdraw-report.command';

@CommandHandler(WithdrawReport)
export class WithdrawReportHandler implements ICommandHandler<WithdrawReport, void> {
  constructor(private readonly work: ReportWork) {}

  execute(command: WithdrawReport): Promise<void> {
    return this.work.run(command.caseId, command.context, (report) => report.withdraw(new Date()));
  }
}
