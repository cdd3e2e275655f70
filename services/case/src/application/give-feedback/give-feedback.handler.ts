import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { GiveFeedback } from './give-feedback.command';

@CommandHandler(GiveFeedback)
export class GiveFeedbackHandler implements ICommandHandler<GiveFeedback, void> {
  constructor(private readonly work: CaseWork) {}

  /** The feedback is sealed under the case's key before the aggregate sees it, and only for the assigned advisor. */
  execute(cmd: GiveFeedback): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId);
      const sealedFeedback = await this.work.seal(cmd.caseId, cmd.feedback);
      c.giveFeedback(cmd.advisorId, { feedbackId: cmd.feedbackId, sealedFeedback }, new Date());
    });
  }
}
