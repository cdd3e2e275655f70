import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReportWork } from '../report-work';
import { ResumeReport } from './resume-report.command';

@CommandHandler(ResumeReport)
export class ResumeReportHandler implements ICommandHandler<ResumeReport, void> {
  constructor(private readonly work: ReportWork) {}

  execute(command: ResumeReport): Promise<void> {
    return this.work.run(command.caseId, command.context, (report) => report.resume(new Date()));
  }
}
