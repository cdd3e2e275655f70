import type { CommandContext } from '../case-work';

export class AcknowledgeCase {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly context: CommandContext,
  ) {}
}
