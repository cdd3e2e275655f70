import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { ReceiveReporterMessage } from './receive-reporter-message.command';

@CommandHandler(ReceiveReporterMessage)
export class ReceiveReporterMessageHandler implements ICommandHandler<ReceiveReporterMessage, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: ReceiveReporterMessage): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.receiveReporterMessage(cmd.messageId, cmd.sealedBody, cmd.sentAt));
  }
}
