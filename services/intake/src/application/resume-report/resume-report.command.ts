import type { CommandContext } from '@vertrouwd/service-kit';

/** The reporter takes back their withdrawal: the case goes on with its counsellor. */
export class ResumeReport {
  constructor(
    readonly caseId: string,
    readonly context: CommandContext,
  ) {}
}
