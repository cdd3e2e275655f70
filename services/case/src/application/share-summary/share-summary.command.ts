import type { CommandContext } from '@vertrouwd/service-kit';

export class ShareSummary {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly summaryId: string,
    readonly context: CommandContext,
  ) {}
}
