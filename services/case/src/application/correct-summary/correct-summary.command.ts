import type { CommandContext } from '@vertrouwd/service-kit';

export class CorrectSummary {
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly sealedCorrection: string,
    readonly correctedAt: string,
    readonly context: CommandContext,
    /** The version corrected; absent in answers from before versions: version 1. */
    readonly version?: number,
  ) {}
}
