import { EventSourcedAggregate } from '@vertrouwd/event-sourcing';
import * as E from './case.errors';
import type { CaseEvent, CaseOpened, ConversationRecorded } from './case.events';
import { CaseState } from './case.state';
import {
  UNWANTED_BEHAVIOUR_THEMES, isSealedText, type Activity, type ConsentScope, type Deadline, type ErasureRequester, type Outcome, type ReferralType,
} from './case.values';
import { CaseCorrespondence } from './case-correspondence';

export type OpenCase = Omit<CaseOpened, 'type' | 'openedAt'>;
export type NewConversation = Pick<ConversationRecorded, 'conversationId' | 'heldOn' | 'minutes' | 'mode' | 'sealedSummary'>;

const MINUTES_PER_DAY = 24 * 60;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * A reporter's case, from opening to erasure. Commands check the rules, then `apply` events; the state
 * changes only in `CaseState.evolve`, so replay and live behaviour are one code path.
 */
export class Case extends EventSourcedAggregate<CaseEvent> {
  readonly state = new CaseState();
  private readonly correspondence = new CaseCorrespondence(this);

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

  giveAdvice(advisorId: string, adviceId: string, sealedAdvice: string, at: Date): void {
    this.requireAdvisor(advisorId);
    sealedOnly(sealedAdvice);
    this.apply({ type: 'AdviceGiven', caseId: this.id, adviceId, advisorId, sealedAdvice, givenAt: at.toISOString() });
  }

  recordConsent(advisorId: string, scope: ConsentScope, at: Date): void {
    this.requireAdvisor(advisorId);
    this.apply({ type: 'ConsentRecorded', caseId: this.id, advisorId, scope, recordedAt: at.toISOString() });
  }

  makeReferral(advisorId: string, referralId: string, referralType: ReferralType, at: Date): void {
    this.requireAdvisor(advisorId);
    this.requireConsent('referral');
    this.apply({ type: 'ReferralMade', caseId: this.id, referralId, advisorId, referralType, referredAt: at.toISOString() });
  }

  supportFormalReport(advisorId: string, at: Date): void {
    this.requireAdvisor(advisorId);
    if (this.state.formalReport) throw new E.FormalReportAlreadySupportedError();
    this.requireConsent('formal-report');
    this.apply({ type: 'FormalReportSupported', caseId: this.id, advisorId, supportedAt: at.toISOString() });
  }

  planAftercare(advisorId: string, aftercareId: string, plannedFor: string, sealedPlan: string, at: Date): void {
    this.requireAdvisor(advisorId);
    sealedOnly(sealedPlan);
    this.apply({ type: 'AftercarePlanned', caseId: this.id, aftercareId, advisorId, plannedFor, sealedPlan, plannedAt: at.toISOString() });
  }

  recordAftercare(advisorId: string, aftercareId: string, sealedNote: string, at: Date): void {
    this.requireAdvisor(advisorId);
    if (!this.state.aftercare.has(aftercareId)) throw new E.AftercareNotPlannedError();
    sealedOnly(sealedNote);
    this.apply({ type: 'AftercareRecorded', caseId: this.id, aftercareId, advisorId, sealedNote, recordedAt: at.toISOString() });
  }

  logHours(advisorId: string, workedOn: string, minutes: number, activity: Activity, at: Date): void {
    this.requireAdvisor(advisorId);
    if (!Number.isInteger(minutes) || minutes <= 0 || minutes > MINUTES_PER_DAY) throw new E.HoursNotPositiveError();
    if (workedOn > dayOf(at)) throw new E.HoursInFutureError();
    const { organisationId } = this.state.opened!;
    this.apply({ type: 'HoursLogged', caseId: this.id, organisationId, advisorId, workedOn, minutes, activity, loggedAt: at.toISOString() });
  }

  /** Hands the case to another advisor; the history stays as it is, the new advisor acts from now on. */
  transfer(advisorId: string, toAdvisorId: string, sealedReason: string, at: Date): void {
    this.requireAdvisor(advisorId);
    if (toAdvisorId === advisorId) throw new E.TransferToSameAdvisorError();
    sealedOnly(sealedReason);
    this.apply({ type: 'CaseTransferred', caseId: this.id, fromAdvisorId: advisorId, toAdvisorId, sealedReason, transferredAt: at.toISOString() });
  }

  close(advisorId: string, outcome: Outcome, at: Date): void {
    this.requireAdvisor(advisorId);
    this.apply({ type: 'CaseClosed', caseId: this.id, advisorId, outcome, closedAt: at.toISOString() });
  }

  reopen(advisorId: string, at: Date): void {
    this.requireOpened();
    if (this.state.status !== 'closed') throw new E.CaseNotClosedError();
    if (this.state.advisorId !== advisorId) throw new E.NotAssignedAdvisorError();
    this.apply({ type: 'CaseReopened', caseId: this.id, advisorId, reopenedAt: at.toISOString() });
  }

  /** The reporter withdrew (through intake); a case already closed stays as it is. */
  withdraw(at: Date): void {
    this.requireOpened();
    if (this.state.status === 'closed') return;
    this.apply({ type: 'ReportWithdrawn', caseId: this.id, withdrawnAt: at.toISOString() });
  }

  sendMessage(advisorId: string, messageId: string, sealedBody: string, at: Date): void {
    this.correspondence.send(advisorId, messageId, sealedBody, at);
  }

  receiveReporterMessage(messageId: string, sealedBody: string, sentAt: string): void {
    this.correspondence.receive(messageId, sealedBody, sentAt);
  }

  /** Crypto-shredding happened (or is about to): from now on the case refuses everything. */
  erase(requester: ErasureRequester, at: Date): void {
    this.requireOpened();
    if (requester.kind === 'advisor' && requester.advisorId !== this.state.advisorId) throw new E.NotAssignedAdvisorError();
    if (requester.kind === 'retention' && this.state.status !== 'closed') throw new E.CaseNotClosedError();
    const reason = requester.kind === 'retention' ? 'retention' : 'request';
    this.apply({ type: 'CaseErased', caseId: this.id, reason, erasedAt: at.toISOString() });
  }

  /** Records a missed legal deadline once; false when it was recorded before. */
  markDeadlineMissed(deadline: Deadline, dueAt: string, at: Date): boolean {
    this.requireOpened();
    if (this.state.missedDeadlines.has(deadline)) return false;
    const advisorId = this.state.advisorId;
    this.apply({ type: 'DeadlineMissed', caseId: this.id, deadline, dueAt, ...(advisorId ? { advisorId } : {}), detectedAt: at.toISOString() });
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

  /** Only the assigned advisor acts on content. */
  requireAdvisor(advisorId: string): void {
    // Assignment first: anyone else must not learn whether the case is closed or erased.
    if (!this.state.opened) throw new E.CaseNotOpenedError();
    if (!this.state.advisorId || this.state.advisorId !== advisorId) throw new E.NotAssignedAdvisorError();
    this.requireLive();
  }

  private requireConsent(scope: ConsentScope): void {
    const unwanted = UNWANTED_BEHAVIOUR_THEMES.includes(this.state.opened!.theme);
    if (unwanted && !this.state.consents.has(scope)) throw new E.ConsentRequiredError();
  }
}

export function sealedOnly(...values: (string | undefined)[]): void {
  if (values.some((value) => value !== undefined && !isSealedText(value))) throw new E.NotSealedError();
}
