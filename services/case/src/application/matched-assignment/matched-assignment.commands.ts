import type { CommandContext } from '@vertrouwd/service-kit';

/** Matching chose a counsellor for the case (round 1, or a later round after a decline). */
export class AssignMatchedAdvisor {
  constructor(
    readonly caseId: string,
    readonly agencyId: string,
    readonly advisorId: string,
    readonly round: number,
    readonly context: CommandContext,
  ) {}
}

/** Matching found nobody: the agency's coordinators hear of it at once. */
export class AlertUnmatchedCase {
  constructor(
    readonly caseId: string,
    readonly agencyId: string,
    readonly context: CommandContext,
  ) {}
}

/** The assigned advisor declines the case for a conflict of interest they declare. */
export class DeclineAssignment {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly conflictWith: 'organisation' | 'people-in-case',
    readonly context: CommandContext,
  ) {}
}
