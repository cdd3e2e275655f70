import type { CommandContext } from '@vertrouwd/service-kit';

export class SendReporterMessage {
  constructor(
    readonly caseId: string,
    readonly body: string,
    readonly context: CommandContext,
  ) {}
}
