import type { CommandContext } from '../case-work';

export class CorrectSummary {
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly sealedCorrection: string,
    readonly correctedAt: string,
    readonly context: CommandContext,
  ) {}
}
