import { amsterdamDay } from '@vertrouwd/domain';
import * as E from './case.errors';
import type { AdviceGiven, AftercarePlanned, AftercareRecorded, FormalReportSupported, HoursLogged, ReferralMade } from './case.events';
import { requireAdvisor } from './case.rules';
import type { CaseState } from './case.state';
import { basisFor } from './case-consent';
import { sealedOnly, type Activity, type ReferralType } from './case.values';

// The advisor's support work on a case, as decisions: advice, referrals and a formal report (each allowed by the
// reporter's consent or a legal duty, case-consent.ts), aftercare, and the hours spent. Every step is the
// assigned advisor's, on a live case.

const MINUTES_PER_DAY = 24 * 60;

export function giveAdvice(state: CaseState, advisorId: string, adviceId: string, sealedAdvice: string, at: Date): AdviceGiven {
  const { caseId } = requireAdvisor(state, advisorId);
  sealedOnly(sealedAdvice);
  return { type: 'AdviceGiven', caseId, adviceId, advisorId, sealedAdvice, givenAt: at.toISOString() };
}

export function makeReferral(state: CaseState, advisorId: string, referralId: string, referralType: ReferralType, at: Date): ReferralMade {
  const { caseId } = requireAdvisor(state, advisorId);
  const basis = basisFor(state, { scope: 'referral', referralType });
  return { type: 'ReferralMade', caseId, referralId, advisorId, referralType, referredAt: at.toISOString(), ...basis };
}

export function supportFormalReport(state: CaseState, advisorId: string, at: Date): FormalReportSupported {
  const { caseId } = requireAdvisor(state, advisorId);
  if (state.formalReport) throw new E.FormalReportAlreadySupportedError();
  const basis = basisFor(state, { scope: 'formal-report' });
  return { type: 'FormalReportSupported', caseId, advisorId, supportedAt: at.toISOString(), ...basis };
}

export function planAftercare(
  state: CaseState,
  advisorId: string,
  aftercareId: string,
  plannedFor: string,
  sealedPlan: string,
  at: Date,
): AftercarePlanned {
  const { caseId } = requireAdvisor(state, advisorId);
  sealedOnly(sealedPlan);
  return { type: 'AftercarePlanned', caseId, aftercareId, advisorId, plannedFor, sealedPlan, plannedAt: at.toISOString() };
}

export function recordAftercare(state: CaseState, advisorId: string, aftercareId: string, sealedNote: string, at: Date): AftercareRecorded {
  const { caseId } = requireAdvisor(state, advisorId);
  if (!state.aftercare.has(aftercareId)) throw new E.AftercareNotPlannedError();
  sealedOnly(sealedNote);
  return { type: 'AftercareRecorded', caseId, aftercareId, advisorId, sealedNote, recordedAt: at.toISOString() };
}

export function logHours(
  state: CaseState,
  advisorId: string,
  workedOn: string,
  minutes: number,
  activity: Activity,
  at: Date,
): HoursLogged {
  const { caseId, organisationId } = requireAdvisor(state, advisorId);
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > MINUTES_PER_DAY) throw new E.HoursNotPositiveError();
  if (workedOn > amsterdamDay(at)) throw new E.HoursInFutureError();
  return { type: 'HoursLogged', caseId, organisationId, advisorId, workedOn, minutes, activity, loggedAt: at.toISOString() };
}
