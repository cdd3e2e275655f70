import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { ReportWork } from '../report-work';
import { SendReporterMessage } from './send-message.command';

@CommandHandler(SendReporterMessage)
export class SendReporterMessageHandler implements ICommandHandler<SendReporterMessage, { messageId: string }> {
  constructor(
    private readonly work: ReportWork,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  async execute(command: SendReporterMessage): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    const sealedBody = await this.sealer.seal(command.body, caseKey(command.caseId));
    await this.work.run(command.caseId, command.context, (report) => report.sendMessage(messageId, sealedBody, new Date()));
    return { messageId };
  }
}
