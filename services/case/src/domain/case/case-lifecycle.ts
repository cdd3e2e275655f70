import * as E from './case.errors';
import type {
  AdvisorAssigned,
  CaseAcknowledged,
  CaseClosed,
  CaseErased,
  CaseOpened,
  CaseReopened,
  CaseTransferred,
  DeadlineMissed,
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

/** The coordinator's assignment, also the manual override; assigning the current advisor again changes nothing. */
export function assign(state: CaseState, advisorId: string, assignedBy: string, at: Date): AdvisorAssigned | undefined {
  const { caseId } = requireLive(state);
  if (state.advisorId === advisorId) return undefined;
  return { type: 'AdvisorAssigned', caseId, advisorId, assignedBy, assignedAt: at.toISOString() };
}

export function acknowledge(state: CaseState, advisorId: string, at: Date): CaseAcknowledged {
  const { caseId } = requireAdvisor(state, advisorId);
  if (state.acknowledgedAt) throw new E.CaseAlreadyAcknowledgedError();
  return { type: 'CaseAcknowledged', caseId, advisorId, acknowledgedAt: at.toISOString() };
}

/** Hands the case to another advisor; the history stays as it is, the new advisor acts from now on. */
export function transfer(state: CaseState, advisorId: string, toAdvisorId: string, sealedReason: string, at: Date): CaseTransferred {
  const { caseId } = requireAdvisor(state, advisorId);
  if (toAdvisorId === advisorId) throw new E.TransferToSameAdvisorError();
  sealedOnly(sealedReason);
  return { type: 'CaseTransferred', caseId, fromAdvisorId: advisorId, toAdvisorId, sealedReason, transferredAt: at.toISOString() };
}

export function close(state: CaseState, advisorId: string, outcome: Outcome, at: Date): CaseClosed {
  const { caseId } = requireAdvisor(state, advisorId);
  return { type: 'CaseClosed', caseId, advisorId, outcome, closedAt: at.toISOString() };
}

export function reopen(state: CaseState, advisorId: string, at: Date): CaseReopened {
  requireAssigned(state, advisorId); // before the status: another advisor must not learn it is open or erased
  const { caseId } = requireOpened(state);
  if (state.status !== 'closed') throw new E.CaseNotClosedError();
  return { type: 'CaseReopened', caseId, advisorId, reopenedAt: at.toISOString() };
}

/** The reporter withdrew (through intake); a case already closed stays as it is. */
export function withdraw(state: CaseState, at: Date): ReportWithdrawn | undefined {
  const { caseId } = requireOpened(state);
  if (state.status === 'closed') return undefined;
  return { type: 'ReportWithdrawn', caseId, withdrawnAt: at.toISOString() };
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
  const due =
    deadline === 'acknowledgement'
      ? acknowledgementDue(new Date(state.opened.receivedAt))
      : feedbackDueOf(state.opened, state.acknowledgedAt);
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

function feedbackDueOf(opened: CaseOpened, acknowledgedAt: string | undefined): Date {
  return feedbackDue(new Date(opened.receivedAt), acknowledgedAt ? new Date(acknowledgedAt) : undefined);
}
