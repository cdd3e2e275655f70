import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { ReportChanges } from '../report-changes';
import { SendReporterMessage } from './send-message.command';

@CommandHandler(SendReporterMessage)
export class SendReporterMessageHandler implements ICommandHandler<SendReporterMessage, { messageId: string }> {
  constructor(
    private readonly changes: ReportChanges,
    @Inject(SEALER) private readonly sealer: Sealer,
  ) {}

  async execute(command: SendReporterMessage): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    const sealedBody = await this.sealer.seal(command.body, caseKey(command.caseId));
    await this.changes.change(command.caseId, command.correlationId, (report) => report.sendMessage(messageId, sealedBody, new Date()));
    return { messageId };
  }
}
