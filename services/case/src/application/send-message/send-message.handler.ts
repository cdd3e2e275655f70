import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { SendMessage } from './send-message.command';

@CommandHandler(SendMessage)
export class SendMessageHandler implements ICommandHandler<SendMessage, void> {
  constructor(private readonly work: CaseWork) {}

  /** The free text is sealed under the case's key before the aggregate sees it. */
  execute(cmd: SendMessage): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // refuse before sealing: nothing is written for someone who may not act
      const sealedBody = await this.work.seal(cmd.caseId, cmd.body);
      c.sendMessage(cmd.advisorId, cmd.messageId, sealedBody, new Date());
    });
  }
}
