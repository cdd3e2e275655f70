import type { CommandContext } from '@vertrouwd/service-kit';
import type { Outcome } from '../../domain/case/case.values';

export class CloseCase {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly outcome: Outcome,
    readonly context: CommandContext,
    /** Feedback to the reporter given with the closure: sealed, then recorded before the case closes. */
    readonly feedback?: { feedbackId: string; text: string },
  ) {}
}
