import * as E from './case.errors';
import type { IdentityRevealDecided, IdentityRevealRequested, PeerConsultationAnswered, PeerConsultationRequested } from './case.events';
import { requireAdvisor, requireLive } from './case.rules';
import type { CaseState } from './case.state';
import { sealedOnly } from './case.values';

// What stays confidential inside the agency, as decisions: the reporter's identity is revealed per viewer under dual
// control (the advisor asks with a reason, the reporter or their agreement at intake decides), and a colleague's
// second opinion is asked on a de-identified question, never on the case. The callers checked that the viewer or
// colleague is an advisor of the agency who can act.

export interface NewReveal {
  revealId: string;
  viewerId: string;
  sealedReason: string;
}

/**
 * Asks to reveal the reporter's identity to one viewer. Where the reporter chose at intake to be known to the
 * counsellor and the viewer is the assigned advisor, that agreement decides at once, as its own event; anyone
 * else waits for the reporter. A report without an identity has nothing to reveal.
 */
export function requestReveal(
  state: CaseState,
  advisorId: string,
  reveal: NewReveal,
  at: Date,
): [IdentityRevealRequested] | [IdentityRevealRequested, IdentityRevealDecided] {
  const opened = requireAdvisor(state, advisorId);
  if (!opened.sealedIdentity) throw new E.NoIdentityToRevealError();
  sealedOnly(reveal.sealedReason);
  const requestedAt = at.toISOString();
  const requested: IdentityRevealRequested = { type: 'IdentityRevealRequested', caseId: opened.caseId, advisorId, ...reveal, requestedAt };
  const agreed = opened.anonymity === 'known-to-advisor' && reveal.viewerId === advisorId;
  if (!agreed) return [requested];
  const decided: IdentityRevealDecided = {
    type: 'IdentityRevealDecided',
    caseId: opened.caseId,
    revealId: reveal.revealId,
    decision: 'approved',
    decidedBy: 'intake-agreement',
    decidedAt: requestedAt,
  };
  return [requested, decided];
}

/** The reporter's answer (through intake, at least once): a pending request is decided once; a repeat changes nothing. */
export function answerReveal(
  state: CaseState,
  revealId: string,
  decision: 'approved' | 'refused',
  at: string,
): IdentityRevealDecided | undefined {
  const { caseId } = requireLive(state);
  const reveal = state.reveals.get(revealId);
  if (!reveal) throw new E.RevealNotFoundError();
  if (reveal.decision !== 'pending') return undefined;
  return { type: 'IdentityRevealDecided', caseId, revealId, decision, decidedBy: 'reporter', decidedAt: at };
}

/** Whether `viewerId` may see the reporter's identity: only under an approved reveal naming them. */
export function mayReveal(state: CaseState, viewerId: string): boolean {
  return [...state.reveals.values()].some((r) => r.viewerId === viewerId && r.decision === 'approved');
}

export function requestConsultation(
  state: CaseState,
  advisorId: string,
  consultationId: string,
  colleagueId: string,
  sealedQuestion: string,
  at: Date,
): PeerConsultationRequested {
  const { caseId } = requireAdvisor(state, advisorId);
  if (colleagueId === advisorId) throw new E.ConsultationOfSelfError();
  sealedOnly(sealedQuestion);
  return {
    type: 'PeerConsultationRequested',
    caseId,
    consultationId,
    advisorId,
    colleagueId,
    sealedQuestion,
    requestedAt: at.toISOString(),
  };
}

/** Only the colleague asked answers, once; to anyone else the consultation does not exist. */
export function answerConsultation(
  state: CaseState,
  colleagueId: string,
  consultationId: string,
  sealedAnswer: string,
  at: Date,
): PeerConsultationAnswered {
  const consultation = state.consultations.get(consultationId);
  if (!state.opened || consultation?.colleagueId !== colleagueId) throw new E.ConsultationNotFoundError();
  if (state.status === 'erased') throw new E.ConsultationNotFoundError();
  if (consultation.answered) throw new E.ConsultationAlreadyAnsweredError();
  sealedOnly(sealedAnswer);
  return {
    type: 'PeerConsultationAnswered',
    caseId: state.opened.caseId,
    consultationId,
    colleagueId,
    sealedAnswer,
    answeredAt: at.toISOString(),
  };
}
