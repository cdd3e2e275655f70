import type { CommandContext } from '@vertrouwd/service-kit';

/** The reporter approves a shared summary, or corrects it (`correction` given). */
export class AnswerSummary {
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly correction: string | undefined,
    readonly context: CommandContext,
  ) {}
}
