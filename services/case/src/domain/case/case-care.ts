import * as E from './case.errors';
import type {
  AdviceGiven,
  AftercarePlanned,
  AftercareRecorded,
  CaseOpened,
  ConsentRecorded,
  FormalReportSupported,
  HoursLogged,
  ReferralMade,
} from './case.events';
import { requireAdvisor } from './case.rules';
import type { CaseState } from './case.state';
import { UNWANTED_BEHAVIOUR_THEMES, sealedOnly, type Activity, type ConsentScope, type ReferralType } from './case.values';

// The advisor's support work on a case, as decisions: advice, the reporter's consents, referrals and a formal
// report, aftercare, and the hours spent. Every step is the assigned advisor's, on a live case.

const MINUTES_PER_DAY = 24 * 60;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export function giveAdvice(state: CaseState, advisorId: string, adviceId: string, sealedAdvice: string, at: Date): AdviceGiven {
  const { caseId } = requireAdvisor(state, advisorId);
  sealedOnly(sealedAdvice);
  return { type: 'AdviceGiven', caseId, adviceId, advisorId, sealedAdvice, givenAt: at.toISOString() };
}

export function recordConsent(state: CaseState, advisorId: string, scope: ConsentScope, at: Date): ConsentRecorded {
  const { caseId } = requireAdvisor(state, advisorId);
  return { type: 'ConsentRecorded', caseId, advisorId, scope, recordedAt: at.toISOString() };
}

export function makeReferral(state: CaseState, advisorId: string, referralId: string, referralType: ReferralType, at: Date): ReferralMade {
  const opened = requireAdvisor(state, advisorId);
  requireConsent(state, opened, 'referral');
  return { type: 'ReferralMade', caseId: opened.caseId, referralId, advisorId, referralType, referredAt: at.toISOString() };
}

export function supportFormalReport(state: CaseState, advisorId: string, at: Date): FormalReportSupported {
  const opened = requireAdvisor(state, advisorId);
  if (state.formalReport) throw new E.FormalReportAlreadySupportedError();
  requireConsent(state, opened, 'formal-report');
  return { type: 'FormalReportSupported', caseId: opened.caseId, advisorId, supportedAt: at.toISOString() };
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
  if (workedOn > dayOf(at)) throw new E.HoursInFutureError();
  return { type: 'HoursLogged', caseId, organisationId, advisorId, workedOn, minutes, activity, loggedAt: at.toISOString() };
}

/** On unwanted behaviour a referral or formal step needs the reporter's recorded consent; integrity themes need none. */
function requireConsent(state: CaseState, opened: CaseOpened, scope: ConsentScope): void {
  const unwanted = UNWANTED_BEHAVIOUR_THEMES.includes(opened.theme);
  if (unwanted && !state.consents.has(scope)) throw new E.ConsentRequiredError();
}
