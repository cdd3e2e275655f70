import type { CommandContext } from '@vertrouwd/service-kit';

export class ApproveSummary {
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly approvedAt: string,
    readonly context: CommandContext,
  ) {}
}
