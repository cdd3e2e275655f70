import type { CaseConsultation } from '../../api/case-colleagues.server';
import type { CaseEntry, CaseView } from '../../api/case.server';

// What the case page shows of the work with colleagues, gathered from the case's history as its advisor reads it:
// the identity reveals asked and decided, the reporter's identity when a reveal names this advisor, and the
// handover offered and not yet answered. The consultations' texts come from their own list (their own keys).

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export interface Reveal {
  revealId: string;
  viewerId: string;
  reason: string | undefined;
  requestedAt: string;
  state: 'asked' | 'approved' | 'refused';
  decidedBy?: 'reporter' | 'intake-agreement';
  decidedAt?: string;
}

/** A consultation of the case: asked and answered as the history says, its texts once the consultations list has them. */
export interface ConsultationShown {
  consultationId: string;
  colleagueId: string;
  requestedAt: string;
  answeredAt: string | null;
  /** The texts: undefined while the service's list does not have them yet (it follows the events a moment later). */
  texts: { question: string | undefined; answer: string | undefined } | undefined;
}

export interface ColleagueWork {
  reveals: Reveal[];
  /** The reporter's identity: shown only when the case service opened it for this advisor (an approved reveal). */
  identity: { shown: string | undefined; given: boolean };
  /** The handover waiting for the colleague's answer, if any. */
  handover: { toAdvisorId: string; offeredAt: string } | undefined;
  /** The handovers that took place: who handed the case over, when, and their reason (for the advisor who has it now). */
  transfers: { fromAdvisorId: string; reason: string | undefined; at: string }[];
  /** The last handover the colleague declined (said until a new one is offered). */
  declined: { toAdvisorId: string; declinedAt: string } | undefined;
}

const of = (history: CaseEntry[], type: string) => history.filter((e) => e.type === type);

/** The identity as the case service gives it: a name (or the reporter's own text), or a marker that is not shown. */
function identityOf(history: CaseEntry[]): ColleagueWork['identity'] {
  const sealed = of(history, 'CaseOpened')[0]?.data.sealedIdentity;
  if (typeof sealed === 'string') return { shown: sealed, given: true };
  if (sealed && typeof sealed === 'object' && typeof (sealed as { name?: unknown }).name === 'string') {
    return { shown: (sealed as { name: string }).name, given: true };
  }
  return { shown: undefined, given: sealed !== undefined };
}

export function colleagueWorkOf(view: CaseView): ColleagueWork {
  const { history } = view;
  const decided = new Map(of(history, 'IdentityRevealDecided').map((e) => [str(e.data.revealId), e]));
  const reveals = of(history, 'IdentityRevealRequested').map((e): Reveal => {
    const revealId = str(e.data.revealId);
    const decision = decided.get(revealId);
    const reason = e.data.sealedReason;
    return {
      revealId,
      viewerId: str(e.data.viewerId),
      reason: typeof reason === 'string' ? reason : undefined,
      requestedAt: str(e.data.requestedAt) || e.recordedAt,
      state: decision ? (decision.data.decision === 'approved' ? 'approved' : 'refused') : 'asked',
      ...(decision
        ? {
            decidedBy: decision.data.decidedBy === 'intake-agreement' ? ('intake-agreement' as const) : ('reporter' as const),
            decidedAt: str(decision.data.decidedAt) || decision.recordedAt,
          }
        : {}),
    };
  });
  // The last handover step decides: an offer is open until it is accepted, declined or overridden by an assignment.
  const last = history
    .filter((e) => ['CaseHandoverOffered', 'CaseHandoverDeclined', 'CaseTransferred', 'AdvisorAssigned'].includes(e.type))
    .at(-1);
  return {
    reveals,
    identity: identityOf(history),
    transfers: of(history, 'CaseTransferred').map((e) => ({
      fromAdvisorId: str(e.data.fromAdvisorId),
      reason: typeof e.data.sealedReason === 'string' ? e.data.sealedReason : undefined,
      at: str(e.data.transferredAt) || e.recordedAt,
    })),
    handover:
      last?.type === 'CaseHandoverOffered'
        ? { toAdvisorId: str(last.data.toAdvisorId), offeredAt: str(last.data.offeredAt) || last.recordedAt }
        : undefined,
    declined:
      last?.type === 'CaseHandoverDeclined'
        ? { toAdvisorId: str(last.data.toAdvisorId), declinedAt: str(last.data.declinedAt) || last.recordedAt }
        : undefined,
  };
}

/**
 * The case's consultations from its history (at once after a step) with their texts from the consultations list (a
 * read model, a moment later): a question just asked is shown as asked, its text as on its way.
 */
export function consultationsOf(view: CaseView, listed: CaseConsultation[]): ConsultationShown[] {
  const texts = new Map(listed.map((c) => [c.consultationId, c]));
  const answered = new Map(of(view.history, 'PeerConsultationAnswered').map((e) => [str(e.data.consultationId), e]));
  const opened = (value: CaseConsultation['question'] | null) => (typeof value === 'string' ? value : undefined);
  return of(view.history, 'PeerConsultationRequested').map((e) => {
    const consultationId = str(e.data.consultationId);
    const answer = answered.get(consultationId);
    const listedOne = texts.get(consultationId);
    const answeredAt = answer ? str(answer.data.answeredAt) || answer.recordedAt : null;
    return {
      consultationId,
      colleagueId: str(e.data.colleagueId),
      requestedAt: str(e.data.requestedAt) || e.recordedAt,
      answeredAt,
      // Not yet listed, or listed before its answer: the texts follow.
      texts:
        listedOne && (answeredAt === null || listedOne.answeredAt !== null)
          ? { question: opened(listedOne.question), answer: opened(listedOne.answer) }
          : undefined,
    };
  });
}
