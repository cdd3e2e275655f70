import { Aggregate } from '@vertrouwd/domain';
import type { CaseEvent } from './case.events';
import { requireAdvisor } from './case.rules';
import { caseEvolution, initialCaseState, type CaseState } from './case.state';
import type { Activity, Deadline, ErasureRequester, Outcome, ReferralType } from './case.values';
import * as care from './case-care';
import * as confidentiality from './case-confidentiality';
import * as consent from './case-consent';
import * as correspondence from './case-correspondence';
import * as lifecycle from './case-lifecycle';

export type { NewConversation } from './case-correspondence';
export type { NewConsent, NewLegalDuty } from './case-consent';
export type { OpenCase } from './case-lifecycle';

/**
 * A reporter's case, from opening to erasure. Each command asks a pure decision over the state what happens
 * (the lifecycle in case-lifecycle.ts, the exchanges with the reporter in case-correspondence.ts, the advisor's
 * support work in case-care.ts), which checks the rules, then applies the event it returns. The state changes
 * only in `caseEvolution` (case.state.ts), so replay and live behaviour are one code path.
 */
export class Case extends Aggregate<CaseEvent, CaseState> {
  constructor() {
    super(initialCaseState, caseEvolution);
  }

  get id(): string {
    return this.state.opened?.caseId ?? '';
  }

  /** Refuses anyone but the assigned advisor of a live case, deciding nothing (e.g. before text is sealed). */
  requireAdvisor(advisorId: string): void {
    requireAdvisor(this.state, advisorId);
  }

  // ---- the lifecycle (case-lifecycle.ts) ----
  open(report: lifecycle.OpenCase, at: Date): void {
    this.apply(lifecycle.open(this.state, report, at));
  }
  assign(advisorId: string, assignedBy: string, at: Date): void {
    this.applyIfAny(lifecycle.assign(this.state, advisorId, assignedBy, at));
  }
  assignMatched(advisorId: string, at: Date): void {
    this.applyIfAny(lifecycle.assignMatched(this.state, advisorId, at));
  }
  declineAssignment(advisorId: string, conflictWith: 'organisation' | 'people-in-case', at: Date): void {
    this.apply(lifecycle.declineAssignment(this.state, advisorId, conflictWith, at));
  }
  acknowledge(advisorId: string, at: Date): void {
    this.apply(lifecycle.acknowledge(this.state, advisorId, at));
  }
  offerHandover(advisorId: string, toAdvisorId: string, sealedReason: string, at: Date): void {
    this.apply(lifecycle.offerHandover(this.state, advisorId, toAdvisorId, sealedReason, at));
  }
  acceptHandover(advisorId: string, at: Date): void {
    this.apply(lifecycle.acceptHandover(this.state, advisorId, at));
  }
  declineHandover(advisorId: string, at: Date): void {
    this.apply(lifecycle.declineHandover(this.state, advisorId, at));
  }
  /** The reporter resumed their withdrawn report; a redelivery (or a report not withdrawn) changes nothing. */
  resume(at: string): void {
    this.applyIfAny(lifecycle.resume(this.state, at));
  }
  /** Closes the case; with `feedback` (sealed), the reporter is told what was done first, which meets the feedback deadline. */
  close(advisorId: string, outcome: Outcome, at: Date, feedback?: correspondence.NewFeedback): void {
    if (feedback) this.giveFeedback(advisorId, feedback, at);
    this.apply(lifecycle.close(this.state, advisorId, outcome, at));
  }
  reopen(advisorId: string, at: Date): void {
    this.apply(lifecycle.reopen(this.state, advisorId, at));
  }
  withdraw(at: Date): void {
    this.applyIfAny(lifecycle.withdraw(this.state, at));
  }
  erase(requester: ErasureRequester, at: Date): void {
    this.apply(lifecycle.erase(this.state, requester, at));
  }
  /** True when the missed deadline was recorded now; false when it was before, was met, or its clock stopped. */
  markDeadlineMissed(deadline: Deadline, at: Date): boolean {
    return this.applyIfAny(lifecycle.markDeadlineMissed(this.state, deadline, at));
  }

  // ---- the exchanges with the reporter (case-correspondence.ts) ----
  recordConversation(advisorId: string, conversation: correspondence.NewConversation, at: Date): void {
    this.apply(correspondence.recordConversation(this.state, advisorId, conversation, at));
  }
  shareSummary(advisorId: string, summaryId: string, at: Date): void {
    this.apply(correspondence.shareSummary(this.state, advisorId, summaryId, at));
  }
  reviseSummary(advisorId: string, summaryId: string, sealedSummary: string, at: Date): void {
    this.apply(correspondence.reviseSummary(this.state, advisorId, summaryId, sealedSummary, at));
  }
  /** `version` absent: version 1 (the reporter's answers from before versions). */
  approveSummary(summaryId: string, at: Date, version?: number): void {
    this.applyIfAny(correspondence.approveSummary(this.state, summaryId, at, version));
  }
  correctSummary(summaryId: string, sealedCorrection: string, at: Date, version?: number): void {
    this.applyIfAny(correspondence.correctSummary(this.state, summaryId, sealedCorrection, at, version));
  }
  sendMessage(advisorId: string, messageId: string, sealedBody: string, at: Date): void {
    this.apply(correspondence.sendMessage(this.state, advisorId, messageId, sealedBody, at));
  }
  giveFeedback(advisorId: string, feedback: correspondence.NewFeedback, at: Date): void {
    this.apply(correspondence.giveFeedback(this.state, advisorId, feedback, at));
  }
  receiveReporterMessage(messageId: string, sealedBody: string, sentAt: string): void {
    this.applyIfAny(correspondence.receiveReporterMessage(this.state, messageId, sealedBody, sentAt));
  }

  // ---- what stays confidential inside the agency (case-confidentiality.ts) ----
  requestReveal(advisorId: string, reveal: confidentiality.NewReveal, at: Date): void {
    for (const event of confidentiality.requestReveal(this.state, advisorId, reveal, at)) this.apply(event);
  }
  answerReveal(revealId: string, decision: 'approved' | 'refused', at: string): void {
    this.applyIfAny(confidentiality.answerReveal(this.state, revealId, decision, at));
  }
  /** Whether this advisor may see the reporter's identity: only under an approved reveal naming them. */
  mayReveal(viewerId: string): boolean {
    return confidentiality.mayReveal(this.state, viewerId);
  }
  requestConsultation(advisorId: string, consultationId: string, colleagueId: string, sealedQuestion: string, at: Date): void {
    this.apply(confidentiality.requestConsultation(this.state, advisorId, consultationId, colleagueId, sealedQuestion, at));
  }
  answerConsultation(colleagueId: string, consultationId: string, sealedAnswer: string, at: Date): void {
    this.apply(confidentiality.answerConsultation(this.state, colleagueId, consultationId, sealedAnswer, at));
  }

  // ---- the advisor's support work (case-care.ts) ----
  giveAdvice(advisorId: string, adviceId: string, sealedAdvice: string, at: Date): void {
    this.apply(care.giveAdvice(this.state, advisorId, adviceId, sealedAdvice, at));
  }
  makeReferral(advisorId: string, referralId: string, type: ReferralType, at: Date): void {
    this.apply(care.makeReferral(this.state, advisorId, referralId, type, at));
  }
  supportFormalReport(advisorId: string, at: Date): void {
    this.apply(care.supportFormalReport(this.state, advisorId, at));
  }
  planAftercare(advisorId: string, aftercareId: string, plannedFor: string, sealedPlan: string, at: Date): void {
    this.apply(care.planAftercare(this.state, advisorId, aftercareId, plannedFor, sealedPlan, at));
  }
  recordAftercare(advisorId: string, aftercareId: string, sealedNote: string, at: Date): void {
    this.apply(care.recordAftercare(this.state, advisorId, aftercareId, sealedNote, at));
  }
  logHours(advisorId: string, workedOn: string, minutes: number, activity: Activity, at: Date): void {
    this.apply(care.logHours(this.state, advisorId, workedOn, minutes, activity, at));
  }

  // ---- the reporter's consents and legal duties (case-consent.ts) ----
  giveConsent(given: consent.NewConsent, at: Date): void {
    this.applyIfAny(consent.giveConsent(this.state, given, at));
  }
  recordConsent(advisorId: string, recorded: consent.NewConsent & { conversationId: string }, at: Date): void {
    this.apply(consent.recordConsent(this.state, advisorId, recorded, at));
  }
  confirmConsent(consentId: string, at: Date): void {
    this.applyIfAny(consent.confirmConsent(this.state, consentId, at));
  }
  withdrawConsent(consentId: string, at: Date): void {
    this.applyIfAny(consent.withdrawConsent(this.state, consentId, at));
  }
  invokeLegalDuty(advisorId: string, duty: consent.NewLegalDuty, at: Date): void {
    this.apply(consent.invokeLegalDuty(this.state, advisorId, duty, at));
  }

  /** Applies what a decision returned; false when it decided that nothing happens (a repeat, say). */
  private applyIfAny(event: CaseEvent | undefined): boolean {
    if (event) this.apply(event);
    return event !== undefined;
  }
}
