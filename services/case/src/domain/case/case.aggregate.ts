import { EventSourcedAggregate } from '@vertrouwd/event-sourcing';
import * as E from './case.errors';
import type { CaseEvent, CaseOpened, ConversationRecorded } from './case.events';
import { CaseState } from './case.state';
import {
  sealedOnly,
  type Activity,
  type ConsentScope,
  type Deadline,
  type ErasureRequester,
  type Outcome,
  type ReferralType,
} from './case.values';
import { CaseCare } from './case-care';
import { CaseCorrespondence } from './case-correspondence';

export type OpenCase = Omit<CaseOpened, 'type' | 'openedAt'>;
export type NewConversation = Pick<ConversationRecorded, 'conversationId' | 'heldOn' | 'minutes' | 'mode' | 'sealedSummary'>;

/**
 * A reporter's case, from opening to erasure. Commands check the rules, then `apply` events; the state
 * changes only in `CaseState.evolve`, so replay and live behaviour are one code path. The lifecycle lives
 * here; the exchanges with the reporter in `CaseCorrespondence`, the advisor's support work in `CaseCare`.
 */
export class Case extends EventSourcedAggregate<CaseEvent> {
  readonly state = new CaseState();
  private readonly correspondence = new CaseCorrespondence(this);
  private readonly care = new CaseCare(this);

  get id(): string {
    return this.state.opened?.caseId ?? '';
  }

  // Every event goes to the one evolve function (instead of an on<Type> method per event).
  protected override getEventHandler(): never {
    return ((event: CaseEvent) => this.state.evolve(event)) as never;
  }

  /** Applies an event; public for the parts of the aggregate split into their own files. */
  record(event: CaseEvent): void {
    this.apply(event);
  }

  open(report: OpenCase, at: Date): void {
    if (this.state.opened) throw new E.CaseAlreadyOpenedError();
    sealedOnly(report.sealedAccount, report.sealedContact, report.sealedIdentity);
    this.apply({ type: 'CaseOpened', ...report, openedAt: at.toISOString() });
  }

  /** The coordinator's assignment, also the manual override; assigning the current advisor again changes nothing. */
  assign(advisorId: string, assignedBy: string, at: Date): void {
    this.requireLive();
    if (this.state.advisorId === advisorId) return;
    this.apply({ type: 'AdvisorAssigned', caseId: this.id, advisorId, assignedBy, assignedAt: at.toISOString() });
  }

  acknowledge(advisorId: string, at: Date): void {
    this.requireAdvisor(advisorId);
    if (this.state.acknowledgedAt) throw new E.CaseAlreadyAcknowledgedError();
    this.apply({ type: 'CaseAcknowledged', caseId: this.id, advisorId, acknowledgedAt: at.toISOString() });
  }

  // ---- the exchanges with the reporter (case-correspondence.ts) ----
  recordConversation(advisorId: string, conversation: NewConversation, at: Date): void {
    this.correspondence.record(advisorId, conversation, at);
  }
  shareSummary(advisorId: string, summaryId: string, at: Date): void {
    this.correspondence.share(advisorId, summaryId, at);
  }
  approveSummary(summaryId: string, at: Date): void {
    this.correspondence.approve(summaryId, at);
  }
  correctSummary(summaryId: string, sealedCorrection: string, at: Date): void {
    this.correspondence.correct(summaryId, sealedCorrection, at);
  }
  sendMessage(advisorId: string, messageId: string, sealedBody: string, at: Date): void {
    this.correspondence.send(advisorId, messageId, sealedBody, at);
  }
  receiveReporterMessage(messageId: string, sealedBody: string, sentAt: string): void {
    this.correspondence.receive(messageId, sealedBody, sentAt);
  }

  // ---- the advisor's support work (case-care.ts) ----
  giveAdvice(advisorId: string, adviceId: string, sealedAdvice: string, at: Date): void {
    this.care.giveAdvice(advisorId, adviceId, sealedAdvice, at);
  }
  recordConsent(advisorId: string, scope: ConsentScope, at: Date): void {
    this.care.recordConsent(advisorId, scope, at);
  }
  makeReferral(advisorId: string, referralId: string, type: ReferralType, at: Date): void {
    this.care.makeReferral(advisorId, referralId, type, at);
  }
  supportFormalReport(advisorId: string, at: Date): void {
    this.care.supportFormalReport(advisorId, at);
  }
  planAftercare(advisorId: string, id: string, plannedFor: string, sealedPlan: string, at: Date): void {
    this.care.planAftercare(advisorId, id, plannedFor, sealedPlan, at);
  }
  recordAftercare(advisorId: string, id: string, sealedNote: string, at: Date): void {
    this.care.recordAftercare(advisorId, id, sealedNote, at);
  }
  logHours(advisorId: string, workedOn: string, minutes: number, activity: Activity, at: Date): void {
    this.care.logHours(advisorId, workedOn, minutes, activity, at);
  }

  /** Hands the case to another advisor; the history stays as it is, the new advisor acts from now on. */
  transfer(advisorId: string, toAdvisorId: string, sealedReason: string, at: Date): void {
    this.requireAdvisor(advisorId);
    if (toAdvisorId === advisorId) throw new E.TransferToSameAdvisorError();
    sealedOnly(sealedReason);
    this.apply({
      type: 'CaseTransferred',
      caseId: this.id,
      fromAdvisorId: advisorId,
      toAdvisorId,
      sealedReason,
      transferredAt: at.toISOString(),
    });
  }

  close(advisorId: string, outcome: Outcome, at: Date): void {
    this.requireAdvisor(advisorId);
    this.apply({ type: 'CaseClosed', caseId: this.id, advisorId, outcome, closedAt: at.toISOString() });
  }

  reopen(advisorId: string, at: Date): void {
    this.requireAssigned(advisorId); // before the status: another advisor must not learn it is open or erased
    this.requireOpened();
    if (this.state.status !== 'closed') throw new E.CaseNotClosedError();
    this.apply({ type: 'CaseReopened', caseId: this.id, advisorId, reopenedAt: at.toISOString() });
  }

  /** The reporter withdrew (through intake); a case already closed stays as it is. */
  withdraw(at: Date): void {
    this.requireOpened();
    if (this.state.status === 'closed') return;
    this.apply({ type: 'ReportWithdrawn', caseId: this.id, withdrawnAt: at.toISOString() });
  }

  /** Crypto-shredding happened (or is about to): from now on the case refuses everything. */
  erase(requester: ErasureRequester, at: Date): void {
    if (requester.kind === 'advisor') this.requireAssigned(requester.advisorId);
    this.requireOpened();
    if (requester.kind === 'retention' && this.state.status !== 'closed') throw new E.CaseNotClosedError();
    const reason = requester.kind === 'retention' ? 'retention' : 'request';
    this.apply({ type: 'CaseErased', caseId: this.id, reason, erasedAt: at.toISOString() });
  }

  /**
   * Records a missed legal deadline once; false when it was recorded before, or when the case is closed or
   * erased (the watch may act on a read model that has not seen the closure yet).
   */
  markDeadlineMissed(deadline: Deadline, dueAt: string, at: Date): boolean {
    if (!this.state.opened) throw new E.CaseNotOpenedError();
    if (this.state.status === 'closed' || this.state.status === 'erased') return false;
    if (this.state.missedDeadlines.has(deadline)) return false;
    const advisorId = this.state.advisorId;
    this.apply({
      type: 'DeadlineMissed',
      caseId: this.id,
      deadline,
      dueAt,
      ...(advisorId ? { advisorId } : {}),
      detectedAt: at.toISOString(),
    });
    return true;
  }

  // ---- rules shared by the commands (also used by the parts in other files) ----

  requireOpened(): void {
    if (this.state.status === 'erased') throw new E.CaseErasedError();
    if (!this.state.opened) throw new E.CaseNotOpenedError();
  }

  requireLive(): void {
    this.requireOpened();
    if (this.state.status === 'closed') throw new E.CaseClosedError();
  }

  /** Only the assigned advisor acts on content; checked before the status, which anyone else must not learn. */
  requireAdvisor(advisorId: string): void {
    this.requireAssigned(advisorId);
    this.requireLive();
  }

  private requireAssigned(advisorId: string): void {
    if (!this.state.opened) throw new E.CaseNotOpenedError();
    if (!this.state.advisorId || this.state.advisorId !== advisorId) throw new E.NotAssignedAdvisorError();
  }
}
