import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { CloseCase } from './close-case.command';

@CommandHandler(CloseCase)
export class CloseCaseHandler implements ICommandHandler<CloseCase, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: CloseCase): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId);
      const feedback = cmd.feedback && {
        feedbackId: cmd.feedback.feedbackId,
        sealedFeedback: await this.work.seal(cmd.caseId, cmd.feedback.text),
      };
      c.close(cmd.advisorId, cmd.outcome, new Date(), feedback);
    });
  }
}
