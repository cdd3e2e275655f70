import type { Decision, MatchRequest, Tier } from './match-rules';

// Domain events of the matching of one case (stream `match-<caseId>`): metadata only, never anything the reporter
// wrote. The request holds what the reporter asked for (gender, kind, language, a counsellor by id) and the decision
// its explanation: candidates, the rules that left each out, the scores of the rest.

export interface CounsellorMatched {
  type: 'CounsellorMatched';
  caseId: string;
  agencyId: string;
  organisationId: string;
  round: number;
  counsellorId: string;
  tier: Tier;
  request: MatchRequest;
  decision: Decision;
  matchedAt: string;
}
export interface NoCounsellorAvailable {
  type: 'NoCounsellorAvailable';
  caseId: string;
  agencyId: string;
  organisationId: string;
  round: number;
  reason: 'no-counsellors' | 'all-excluded' | 'chosen-unavailable';
  request: MatchRequest;
  decision: Decision;
  decidedAt: string;
}
/** The matched counsellor declined the case for a conflict of interest they declared: the case is matched again without them. */
export interface MatchDeclined {
  type: 'MatchDeclined';
  caseId: string;
  counsellorId: string;
  round: number;
  conflictWith: 'organisation' | 'people-in-case';
  declinedAt: string;
}

export type CaseMatchEvent = CounsellorMatched | NoCounsellorAvailable | MatchDeclined;
