import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { ResumeReport } from './resume-report.command';

@CommandHandler(ResumeReport)
export class ResumeReportHandler implements ICommandHandler<ResumeReport, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: ResumeReport): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.resume(cmd.resumedAt));
  }
}
