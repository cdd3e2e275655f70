import { Aggregate, notFound, type Evolution } from '@vertrouwd/domain';
import type { CaseMatchEvent } from './case-match.events';
import type { Decision, MatchRequest } from './match-rules';

export class CaseMatchNotFoundError extends notFound('CaseMatchNotFoundError', 'No matching of this case in your agency') {}

export interface CaseMatchState {
  caseId: string;
  agencyId: string | undefined;
  request: MatchRequest | undefined;
  round: number;
  counsellorId: string | undefined;
  declinedIds: readonly string[];
}

const evolution: Evolution<CaseMatchState, CaseMatchEvent> = {
  CounsellorMatched: (s, e) => ({
    ...s,
    caseId: e.caseId,
    agencyId: e.agencyId,
    request: e.request,
    round: e.round,
    counsellorId: e.counsellorId,
  }),
  NoCounsellorAvailable: (s, e) => ({
    ...s,
    caseId: e.caseId,
    agencyId: e.agencyId,
    request: e.request,
    round: e.round,
    counsellorId: undefined,
  }),
  MatchDeclined: (s, e) => ({
    ...s,
    declinedIds: [...s.declinedIds, e.counsellorId],
    counsellorId: s.counsellorId === e.counsellorId ? undefined : s.counsellorId,
  }),
};

/** The matching of one case (stream `match-<caseId>`): one decision per round, a new round after each decline. */
export class CaseMatch extends Aggregate<CaseMatchEvent, CaseMatchState> {
  constructor() {
    super({ caseId: '', agencyId: undefined, request: undefined, round: 0, counsellorId: undefined, declinedIds: [] }, evolution);
  }

  get id(): string {
    return this.state.caseId;
  }

  /** Records a decision of `decide` as the next round: a match, or nobody available. */
  decide(request: MatchRequest, decision: Decision, at: Date): void {
    const round = this.state.round + 1;
    const base = { caseId: request.caseId, agencyId: request.agencyId, organisationId: request.organisationId, round, request, decision };
    if (decision.chosen) {
      this.apply({
        type: 'CounsellorMatched',
        ...base,
        counsellorId: decision.chosen.counsellorId,
        tier: decision.chosen.tier,
        matchedAt: at.toISOString(),
      });
    } else {
      this.apply({ type: 'NoCounsellorAvailable', ...base, reason: reasonOf(request, decision), decidedAt: at.toISOString() });
    }
  }

  /**
   * A counsellor declines for a conflict: recorded once; true when a new round is due. The case service publishes a
   * decline only of the advisor who held the case, by matching's choice or by the coordinator's assignment or a
   * transfer; either way the case now waits for someone, so every first decline starts a new round.
   */
  decline(counsellorId: string, conflictWith: 'organisation' | 'people-in-case', at: Date): boolean {
    if (!this.state.request) throw new CaseMatchNotFoundError();
    if (this.state.declinedIds.includes(counsellorId)) return false;
    this.apply({
      type: 'MatchDeclined',
      caseId: this.id,
      counsellorId,
      round: this.state.round,
      conflictWith,
      declinedAt: at.toISOString(),
    });
    return true;
  }

  /** The request for the next round: the first, without everyone who declined. */
  nextRequest(): MatchRequest {
    if (!this.state.request) throw new CaseMatchNotFoundError();
    return { ...this.state.request, declinedIds: [...this.state.declinedIds] };
  }
}

function reasonOf(request: MatchRequest, decision: Decision): 'no-counsellors' | 'all-excluded' | 'chosen-unavailable' {
  if (decision.considered === 0) return 'no-counsellors';
  return request.preferredCounsellorId ? 'chosen-unavailable' : 'all-excluded';
}
