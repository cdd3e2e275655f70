import type { CommandContext } from '../case-work';

export class WithdrawReport {
  constructor(
    readonly caseId: string,
    readonly withdrawnAt: string,
    readonly context: CommandContext,
  ) {}
}
