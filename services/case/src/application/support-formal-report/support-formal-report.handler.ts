import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { SupportFormalReport } from './support-formal-report.command';

@CommandHandler(SupportFormalReport)
export class SupportFormalReportHandler implements ICommandHandler<SupportFormalReport, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: SupportFormalReport): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.supportFormalReport(cmd.advisorId, new Date()));
  }
}
