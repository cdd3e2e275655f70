import type { CommandContext } from '@vertrouwd/service-kit';
import type { MatchRequest } from '../../domain/match/match-rules';

/** A new report: choose its counsellor (round 1). */
export class MatchCase {
  constructor(
    readonly report: Omit<MatchRequest, 'declinedIds' | 'organisationRegions' | 'organisationLanguages' | 'windowFrom' | 'windowUntil'> & {
      receivedAt: string;
    },
    readonly context: CommandContext,
  ) {}
}

/** The matched counsellor declined for a conflict they declared: record it, and match again without them. */
export class DeclineMatch {
  constructor(
    readonly caseId: string,
    readonly counsellorId: string,
    readonly conflictWith: 'organisation' | 'people-in-case',
    readonly context: CommandContext,
  ) {}
}
