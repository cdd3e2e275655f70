import type { CommandContext } from '../case-work';

export class ShareSummary {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly summaryId: string,
    readonly context: CommandContext,
  ) {}
}
