import type { CommandContext } from '../case-work';

export class ReopenCase {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly context: CommandContext,
  ) {}
}
