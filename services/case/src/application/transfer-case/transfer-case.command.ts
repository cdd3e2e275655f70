import type { CommandContext } from '@vertrouwd/service-kit';

export class TransferCase {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly toAdvisorId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
