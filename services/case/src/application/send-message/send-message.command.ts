import type { CommandContext } from '@vertrouwd/service-kit';

export class SendMessage {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly messageId: string,
    readonly body: string,
    readonly context: CommandContext,
  ) {}
}
