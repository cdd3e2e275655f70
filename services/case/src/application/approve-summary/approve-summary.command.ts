import type { CommandContext } from '@vertrouwd/service-kit';

export class ApproveSummary {
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly approvedAt: string,
    readonly context: CommandContext,
    /** The version approved; absent in answers from before versions: version 1. */
    readonly version?: number,
  ) {}
}
