import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReportChanges } from '../report-changes';
import { WithdrawReport } from './withdraw-report.command';

@CommandHandler(WithdrawReport)
export class WithdrawReportHandler implements ICommandHandler<WithdrawReport, void> {
  constructor(private readonly changes: ReportChanges) {}

  execute(command: WithdrawReport): Promise<void> {
    return this.changes.change(command.caseId, command.correlationId, (report) => report.withdraw(new Date()));
  }
}
