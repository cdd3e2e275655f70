import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { ReviseSummary } from './revise-summary.command';

@CommandHandler(ReviseSummary)
export class ReviseSummaryHandler implements ICommandHandler<ReviseSummary, void> {
  constructor(private readonly work: CaseWork) {}

  async execute(cmd: ReviseSummary): Promise<void> {
    await this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // before sealing: nobody else gets the case's key used for them
      const sealed = await this.work.seal(cmd.caseId, cmd.text);
      c.reviseSummary(cmd.advisorId, cmd.summaryId, sealed, new Date());
    });
  }
}
