import type { CommandContext } from '@vertrouwd/service-kit';

/** The advisor tells the reporter what was done with their report (the Wbk's feedback). */
export class GiveFeedback {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly feedbackId: string,
    readonly feedback: string,
    readonly context: CommandContext,
  ) {}
}
