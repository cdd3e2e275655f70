import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { RecordConversation } from './record-conversation.command';

@CommandHandler(RecordConversation)
export class RecordConversationHandler implements ICommandHandler<RecordConversation, void> {
  constructor(private readonly work: CaseWork) {}

  /** The free text is sealed under the case's key before the aggregate sees it. */
  execute(cmd: RecordConversation): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // refuse before sealing: nothing is written for someone who may not act
      const sealedSummary = await this.work.seal(cmd.caseId, cmd.summary);
      c.recordConversation(
        cmd.advisorId,
        { conversationId: cmd.conversationId, heldOn: cmd.heldOn, minutes: cmd.minutes, mode: cmd.mode, sealedSummary },
        new Date(),
      );
    });
  }
}
