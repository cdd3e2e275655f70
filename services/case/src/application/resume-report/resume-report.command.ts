import type { CommandContext } from '@vertrouwd/service-kit';

/** The reporter resumed their withdrawn report (through intake). */
export class ResumeReport {
  constructor(
    readonly caseId: string,
    readonly resumedAt: string,
    readonly context: CommandContext,
  ) {}
}
