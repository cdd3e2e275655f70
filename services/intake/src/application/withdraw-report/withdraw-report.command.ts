import type { CommandContext } from '@vertrouwd/service-kit';

export class WithdrawReport {
  constructor(
    readonly caseId: string,
    readonly context: CommandContext,
  ) {}
}
