import type { CommandContext } from '@vertrouwd/service-kit';

/**
 * The reporter approves a version of a shared summary, or corrects it (`correction` given). `version` absent:
 * the latest version shared.
 */
export class AnswerSummary {
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly correction: string | undefined,
    readonly context: CommandContext,
    readonly version?: number,
  ) {}
}
