import type { Case } from './case.aggregate';
import * as E from './case.errors';
import { UNWANTED_BEHAVIOUR_THEMES, sealedOnly, type Activity, type ConsentScope, type ReferralType } from './case.values';

const MINUTES_PER_DAY = 24 * 60;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The advisor's support work on a case: advice, the reporter's consents, referrals and a formal report,
 * aftercare, and the hours spent. Every step is the assigned advisor's, on a live case.
 */
export class CaseCare {
  constructor(private readonly aggregate: Case) {}

  private get state() {
    return this.aggregate.state;
  }

  giveAdvice(advisorId: string, adviceId: string, sealedAdvice: string, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    sealedOnly(sealedAdvice);
    this.aggregate.record({ type: 'AdviceGiven', caseId: this.aggregate.id, adviceId, advisorId, sealedAdvice, givenAt: at.toISOString() });
  }

  recordConsent(advisorId: string, scope: ConsentScope, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    this.aggregate.record({ type: 'ConsentRecorded', caseId: this.aggregate.id, advisorId, scope, recordedAt: at.toISOString() });
  }

  makeReferral(advisorId: string, referralId: string, referralType: ReferralType, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    this.requireConsent('referral');
    this.aggregate.record({
      type: 'ReferralMade',
      caseId: this.aggregate.id,
      referralId,
      advisorId,
      referralType,
      referredAt: at.toISOString(),
    });
  }

  supportFormalReport(advisorId: string, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    if (this.state.formalReport) throw new E.FormalReportAlreadySupportedError();
    this.requireConsent('formal-report');
    this.aggregate.record({ type: 'FormalReportSupported', caseId: this.aggregate.id, advisorId, supportedAt: at.toISOString() });
  }

  planAftercare(advisorId: string, aftercareId: string, plannedFor: string, sealedPlan: string, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    sealedOnly(sealedPlan);
    this.aggregate.record({
      type: 'AftercarePlanned',
      caseId: this.aggregate.id,
      aftercareId,
      advisorId,
      plannedFor,
      sealedPlan,
      plannedAt: at.toISOString(),
    });
  }

  recordAftercare(advisorId: string, aftercareId: string, sealedNote: string, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    if (!this.state.aftercare.has(aftercareId)) throw new E.AftercareNotPlannedError();
    sealedOnly(sealedNote);
    this.aggregate.record({
      type: 'AftercareRecorded',
      caseId: this.aggregate.id,
      aftercareId,
      advisorId,
      sealedNote,
      recordedAt: at.toISOString(),
    });
  }

  logHours(advisorId: string, workedOn: string, minutes: number, activity: Activity, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    if (!Number.isInteger(minutes) || minutes <= 0 || minutes > MINUTES_PER_DAY) throw new E.HoursNotPositiveError();
    if (workedOn > dayOf(at)) throw new E.HoursInFutureError();
    const { organisationId } = this.state.opened!;
    this.aggregate.record({
      type: 'HoursLogged',
      caseId: this.aggregate.id,
      organisationId,
      advisorId,
      workedOn,
      minutes,
      activity,
      loggedAt: at.toISOString(),
    });
  }

  /** On unwanted behaviour a referral or formal step needs the reporter's recorded consent; integrity themes need none. */
  private requireConsent(scope: ConsentScope): void {
    const unwanted = UNWANTED_BEHAVIOUR_THEMES.includes(this.state.opened!.theme);
    if (unwanted && !this.state.consents.has(scope)) throw new E.ConsentRequiredError();
  }
}
