import type { CommandContext } from '../case-work';

export class ReceiveReporterMessage {
  constructor(
    readonly caseId: string,
    readonly messageId: string,
    readonly sealedBody: string,
    readonly sentAt: string,
    readonly context: CommandContext,
  ) {}
}
