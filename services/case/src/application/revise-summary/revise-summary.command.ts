import type { CommandContext } from '@vertrouwd/service-kit';

/** The advisor shares a revised text of a summary already shared: the next version, for the reporter to answer. */
export class ReviseSummary {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly summaryId: string,
    readonly text: string,
    readonly context: CommandContext,
  ) {}
}
