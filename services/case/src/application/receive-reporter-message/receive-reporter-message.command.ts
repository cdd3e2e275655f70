import type { CommandContext } from '@vertrouwd/service-kit';

export class ReceiveReporterMessage {
  constructor(
    readonly caseId: string,
    readonly messageId: string,
    readonly sealedBody: string,
    readonly sentAt: string,
    readonly context: CommandContext,
  ) {}
}
