import * as E from './case.errors';
import type {
  AdvisorAssigned,
  AssignmentDeclined,
  CaseAcknowledged,
  CaseClosed,
  CaseErased,
  CaseOpened,
  CaseReopened,
  CaseHandoverDeclined,
  CaseHandoverOffered,
  CaseTransferred,
  DeadlineMissed,
  ReportResumed,
  ReportWithdrawn,
} from './case.events';
import { requireAdvisor, requireAssigned, requireLive, requireOpened } from './case.rules';
import type { CaseState } from './case.state';
import { sealedOnly, type Deadline, type ErasureRequester, type Outcome } from './case.values';
import { acknowledgementDue, feedbackDue, regimeOf } from './legal-clock';

// The lifecycle of a case, from opening to erasure, as decisions: (state, command) → the event to apply, or
// undefined where nothing needs to happen (a redelivery, say). They read the state and change nothing.

export type OpenCase = Omit<CaseOpened, 'type' | 'openedAt'>;

export function open(state: CaseState, report: OpenCase, at: Date): CaseOpened {
  if (state.opened) throw new E.CaseAlreadyOpenedError();
  sealedOnly(report.sealedAccount, report.sealedContact, report.sealedIdentity);
  return { type: 'CaseOpened', ...report, openedAt: at.toISOString() };
}

/**
 * The coordinator's assignment, also the manual override (it ends an open handover offer); assigning the current
 * advisor again changes nothing. The caller checked that the advisor can act on the case.
 */
export function assign(state: CaseState, advisorId: string, assignedBy: string, at: Date): AdvisorAssigned | undefined {
  if (!isAdvisorId(advisorId)) throw new E.AdvisorCannotActError();
  const { caseId } = requireLive(state);
  if (state.advisorId === advisorId) return undefined;
  return { type: 'AdvisorAssigned', caseId, advisorId, assignedBy, assignedAt: at.toISOString() };
}

/**
 * Matching's choice for a new case, or for a case a counsellor declined: taken only while nobody acts on the case,
 * so the coordinator's manual assignment stays the override and a late decision changes nothing.
 */
export function assignMatched(state: CaseState, advisorId: string, at: Date): AdvisorAssigned | undefined {
  if (!state.opened || state.advisorId || state.status !== 'waiting-for-assignment') return undefined;
  return assign(state, advisorId, 'system:matching', at);
}

/** The assigned advisor declines for a conflict of interest they declare; the case waits for someone else. */
export function declineAssignment(
  state: CaseState,
  advisorId: string,
  conflictWith: 'organisation' | 'people-in-case',
  at: Date,
): AssignmentDeclined {
  const { caseId, agencyId, organisationId } = requireAdvisor(state, advisorId);
  return { type: 'AssignmentDeclined', caseId, agencyId, organisationId, advisorId, conflictWith, declinedAt: at.toISOString() };
}

export function acknowledge(state: CaseState, advisorId: string, at: Date): CaseAcknowledged {
  const { caseId } = requireAdvisor(state, advisorId);
  if (state.acknowledgedAt) throw new E.CaseAlreadyAcknowledgedError();
  return { type: 'CaseAcknowledged', caseId, advisorId, acknowledgedAt: at.toISOString() };
}

/**
 * Offers the case to a colleague who can act on it (the caller checked the directory). The case stays with the
 * offering advisor until the colleague accepts: a case is never left with nobody who can act on it.
 */
export function offerHandover(
  state: CaseState,
  advisorId: string,
  toAdvisorId: string,
  sealedReason: string,
  at: Date,
): CaseHandoverOffered {
  const { caseId } = requireAdvisor(state, advisorId);
  if (toAdvisorId === advisorId) throw new E.TransferToSameAdvisorError();
  if (!isAdvisorId(toAdvisorId)) throw new E.AdvisorCannotActError();
  if (state.handover) throw new E.HandoverPendingError();
  sealedOnly(sealedReason);
  return { type: 'CaseHandoverOffered', caseId, fromAdvisorId: advisorId, toAdvisorId, sealedReason, offeredAt: at.toISOString() };
}

/** The colleague the handover was offered to accepts it: from now on they act; the history stays as it is. */
export function acceptHandover(state: CaseState, advisorId: string, at: Date): CaseTransferred {
  const handover = offeredTo(state, advisorId);
  const { caseId } = requireLive(state);
  const fromAdvisorId = state.advisorId ?? '';
  return {
    type: 'CaseTransferred',
    caseId,
    fromAdvisorId,
    toAdvisorId: advisorId,
    sealedReason: handover.sealedReason,
    transferredAt: at.toISOString(),
  };
}

export function declineHandover(state: CaseState, advisorId: string, at: Date): CaseHandoverDeclined {
  offeredTo(state, advisorId);
  const { caseId } = requireOpened(state);
  return { type: 'CaseHandoverDeclined', caseId, toAdvisorId: advisorId, declinedAt: at.toISOString() };
}

/** The open offer to this advisor; anyone else learns nothing of the case (the same 404 as for a case not theirs). */
function offeredTo(state: CaseState, advisorId: string) {
  if (!state.opened) throw new E.CaseNotOpenedError();
  if (state.handover?.toAdvisorId !== advisorId) throw new E.NotAssignedAdvisorError();
  return state.handover;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An advisor id names somebody: a UUID, never the nil UUID. */
export const isAdvisorId = (id: string): boolean => UUID.test(id) && id !== NIL_UUID;

export function close(state: CaseState, advisorId: string, outcome: Outcome, at: Date): CaseClosed {
  const { caseId } = requireAdvisor(state, advisorId);
  return { type: 'CaseClosed', caseId, advisorId, outcome, closedAt: at.toISOString() };
}

export function reopen(state: CaseState, advisorId: string, at: Date): CaseReopened {
  requireAssigned(state, advisorId); // before the status: another advisor must not learn it is open or erased
  const { caseId } = requireOpened(state);
  if (state.status !== 'closed') throw new E.CaseNotClosedError();
  if (state.outcome === 'withdrawn') throw new E.CaseWithdrawnError(); // the reporter's choice: only they resume it
  return { type: 'CaseReopened', caseId, advisorId, reopenedAt: at.toISOString() };
}

/** The reporter withdrew (through intake); a case already closed stays as it is. */
export function withdraw(state: CaseState, at: Date): ReportWithdrawn | undefined {
  const { caseId } = requireOpened(state);
  if (state.status === 'closed') return undefined;
  return { type: 'ReportWithdrawn', caseId, withdrawnAt: at.toISOString() };
}

/** The reporter resumed their withdrawn report (through intake); anything else (a redelivery, say) changes nothing. */
export function resume(state: CaseState, at: string): ReportResumed | undefined {
  const { caseId } = requireOpened(state);
  if (state.outcome !== 'withdrawn') return undefined;
  return { type: 'ReportResumed', caseId, resumedAt: at };
}

/** Crypto-shredding happened (or is about to): from now on the case refuses everything. */
export function erase(state: CaseState, requester: ErasureRequester, at: Date): CaseErased {
  if (requester.kind === 'advisor') requireAssigned(state, requester.advisorId);
  const { caseId } = requireOpened(state);
  if (requester.kind === 'retention' && state.status !== 'closed') throw new E.CaseNotClosedError();
  const reason = requester.kind === 'retention' ? 'retention' : 'request';
  return { type: 'CaseErased', caseId, reason, erasedAt: at.toISOString() };
}

/**
 * A missed deadline, once, with the regime it belongs to. The case has the last word over the watch's read model:
 * nothing when it was recorded before, when the step came in time, when the due time has not passed, or when the
 * clocks stopped (the reporter withdrew, the case was erased). A closed case still owes its reporter feedback:
 * closing does not stop a clock, only feedback meets it.
 */
export function markDeadlineMissed(state: CaseState, deadline: Deadline, at: Date): DeadlineMissed | undefined {
  if (!state.opened) throw new E.CaseNotOpenedError();
  if (state.status === 'erased' || state.outcome === 'withdrawn' || state.missedDeadlines.has(deadline)) return undefined;
  const clocksFrom = new Date(state.clocksFrom ?? state.opened.receivedAt);
  const due = deadline === 'acknowledgement' ? acknowledgementDue(clocksFrom) : feedbackDueOf(clocksFrom, state.acknowledgedAt);
  const doneAt = deadline === 'acknowledgement' ? state.acknowledgedAt : state.feedbackGivenAt;
  if (at <= due || (doneAt !== undefined && new Date(doneAt) <= due)) return undefined;
  const { advisorId } = state;
  return {
    type: 'DeadlineMissed',
    caseId: state.opened.caseId,
    deadline,
    dueAt: due.toISOString(),
    regime: regimeOf(state.opened.theme, state.formalReport),
    ...(advisorId ? { advisorId } : {}),
    detectedAt: at.toISOString(),
  };
}

function feedbackDueOf(clocksFrom: Date, acknowledgedAt: string | undefined): Date {
  return feedbackDue(clocksFrom, acknowledgedAt ? new Date(acknowledgedAt) : undefined);
}
