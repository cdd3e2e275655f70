import type { CommandContext } from '../case-work';

export class TransferCase {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly toAdvisorId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}
