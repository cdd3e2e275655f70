import type { CommandContext } from '@vertrouwd/service-kit';

export class ReopenCase {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly context: CommandContext,
  ) {}
}
