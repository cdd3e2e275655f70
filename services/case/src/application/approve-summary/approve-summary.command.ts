import type { CommandContext } from '../case-work';

export class ApproveSummary {
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly approvedAt: string,
    readonly context: CommandContext,
  ) {}
}
