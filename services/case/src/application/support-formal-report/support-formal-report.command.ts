import type { CommandContext } from '../case-work';

export class SupportFormalReport {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly context: CommandContext,
  ) {}
}
