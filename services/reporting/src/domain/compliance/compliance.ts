import type { ReportingFact, Theme } from '../facts/facts';

/**
 * The compliance view of one client organisation for one year (ADR 0035), from its facts alone:
 *
 * - **the headcount** in force on the reference day: the latest one dated on or before it (each publication of the
 *   directory carries one dated headcount, possibly scheduled ahead; a later version for the same day replaces it),
 *   before the first day known the earliest;
 * - **the Wbk duty**: 50 or more employees → an internal reporting procedure with a confidential adviser is required;
 * - **the pending bill**: 10 or more → a confidential counsellor would be required (passed the lower house in 2023);
 * - **a counsellor appointed**: a primary external counsellor, or at least one internal counsellor;
 * - **a written agreement in force**: the organisation's subscription with its agency, on the reference day (today
 *   for the current year, the year's last day for a past one);
 * - **deadlines by regime**: of the cases reported in the year, acknowledgement and feedback met, missed or open,
 *   per regime (wbk: the law; service-standard: the agency's own standard).
 *
 * The state is `compliant` or `attention` with reason codes.
 */
export const WBK_THRESHOLD = 50;
export const PENDING_BILL_THRESHOLD = 10;

export const COMPLIANCE_REASONS = ['no-counsellor', 'no-agreement', 'deadlines-missed'] as const;
export type ComplianceReason = (typeof COMPLIANCE_REASONS)[number];

export const COMPLIANCE_REGIMES = ['wbk', 'service-standard'] as const;
export type ComplianceRegime = (typeof COMPLIANCE_REGIMES)[number];
export const COMPLIANCE_DEADLINES = ['acknowledgement', 'feedback'] as const;
export type ComplianceDeadline = (typeof COMPLIANCE_DEADLINES)[number];

export interface DeadlineCounts {
  met: number;
  missed: number;
  open: number;
}

export interface Compliance {
  organisationId: string;
  year: number;
  /** The day the appointment and the agreement are judged on. */
  referenceDay: string;
  headcount: number | null;
  duties: {
    wbk: { applies: boolean; reportingProcedureRequired: boolean; threshold: number };
    pendingBill: { applies: boolean; counsellorRequired: boolean; threshold: number };
  };
  counsellor: { appointed: boolean; primary: boolean; substitute: boolean; internal: number };
  agreement: { inForce: boolean; startsOn: string | null; endsOn: string | null };
  /** True counts per regime and deadline: for the agency only; the employer sees rates (see `employerView`). */
  deadlines: Record<ComplianceRegime, Record<ComplianceDeadline, DeadlineCounts>>;
  state: 'compliant' | 'attention';
  reasons: ComplianceReason[];
}

/** The themes of unwanted-behaviour consultations and "not sure": the agency's service standard; every other theme: the Wbk. */
const SERVICE_STANDARD_THEMES: readonly Theme[] = [
  'intimidation',
  'bullying',
  'aggression-and-violence',
  'discrimination',
  'sexual-harassment',
  'not-sure',
];

/** The regime a case's deadlines run under by its theme (the case service decides; a missed deadline says which). */
export function regimeOfTheme(theme: Theme): ComplianceRegime {
  return SERVICE_STANDARD_THEMES.includes(theme) ? 'service-standard' : 'wbk';
}

const emptyCounts = (): Record<ComplianceDeadline, DeadlineCounts> => ({
  acknowledgement: { met: 0, missed: 0, open: 0 },
  feedback: { met: 0, missed: 0, open: 0 },
});

/** The duties of an organisation of `headcount` employees. */
export function dutiesOf(headcount: number | null): Compliance['duties'] {
  const wbk = headcount !== null && headcount >= WBK_THRESHOLD;
  const bill = headcount !== null && headcount >= PENDING_BILL_THRESHOLD;
  return {
    wbk: { applies: wbk, reportingProcedureRequired: wbk, threshold: WBK_THRESHOLD },
    pendingBill: { applies: bill, counsellorRequired: bill, threshold: PENDING_BILL_THRESHOLD },
  };
}

/** The headcount in force on `day`: the latest dated on or before it, else the earliest known; null when none is. */
function headcountOn(headcounts: ReadonlyMap<string, { headcount: number }>, day: string): number | null {
  const days = [...headcounts.keys()].sort();
  const inForce = days.filter((d) => d <= day).pop() ?? days[0];
  return inForce === undefined ? null : headcounts.get(inForce)!.headcount;
}

/**
 * The compliance of an organisation in `year`, judged on `referenceDay`, from its facts. A case's regime is the one
 * its last missed deadline was recorded under (the case service knows of formal reports), else its theme's; a
 * deadline is met when its step was journaled and no miss was, missed when a miss was, open otherwise.
 */
export function complianceOf(organisationId: string, facts: readonly ReportingFact[], year: number, referenceDay: string): Compliance {
  let organisation: Extract<ReportingFact, { type: 'OrganisationRecorded' }> | undefined;
  let agreement: Extract<ReportingFact, { type: 'AgreementRecorded' }> | undefined;
  const headcounts = new Map<string, { headcount: number; version: number }>();
  const cases = new Map<
    string,
    { theme: Theme; regime?: ComplianceRegime; acknowledged: boolean; feedback: boolean; missed: Set<ComplianceDeadline> }
  >();
  for (const fact of facts) {
    if (fact.type === 'OrganisationRecorded') {
      organisation = fact;
      const known = headcounts.get(fact.headcountFrom);
      if (!known || (fact.version ?? 0) >= known.version)
        headcounts.set(fact.headcountFrom, { headcount: fact.headcount, version: fact.version ?? 0 });
    } else if (fact.type === 'AgreementRecorded') {
      if (!agreement || fact.version > agreement.version) agreement = fact;
    } else if (fact.type === 'CaseReported') {
      if (Number(fact.on.slice(0, 4)) === year)
        cases.set(fact.caseRef, { theme: fact.theme, acknowledged: false, feedback: false, missed: new Set() });
    } else if (fact.type === 'CaseAcknowledged') {
      const c = cases.get(fact.caseRef);
      if (c) c.acknowledged = true;
    } else if (fact.type === 'FeedbackGiven') {
      const c = cases.get(fact.caseRef);
      if (c) c.feedback = true;
    } else if (fact.type === 'DeadlineMissed') {
      const c = cases.get(fact.caseRef);
      if (c) {
        c.missed.add(fact.deadline);
        if (fact.regime !== 'unknown') c.regime = fact.regime;
      }
    }
  }
  const deadlines = { wbk: emptyCounts(), 'service-standard': emptyCounts() };
  for (const c of cases.values()) {
    const counts = deadlines[c.regime ?? regimeOfTheme(c.theme)];
    for (const deadline of COMPLIANCE_DEADLINES) {
      const done = deadline === 'acknowledgement' ? c.acknowledged : c.feedback;
      if (c.missed.has(deadline)) counts[deadline].missed += 1;
      else if (done) counts[deadline].met += 1;
      else counts[deadline].open += 1;
    }
  }
  const headcount = headcountOn(headcounts, referenceDay);
  const duties = dutiesOf(headcount);
  const internal = organisation?.internalCounsellors ?? 0;
  const counsellor = {
    appointed: (organisation?.counsellorAppointed ?? false) || internal > 0,
    primary: organisation?.counsellorAppointed ?? false,
    substitute: organisation?.substituteAppointed ?? false,
    internal,
  };
  const inForce =
    agreement !== undefined && agreement.startsOn <= referenceDay && (agreement.endsOn === null || agreement.endsOn >= referenceDay);
  const reasons: ComplianceReason[] = [];
  if (!counsellor.appointed && (duties.wbk.applies || duties.pendingBill.applies)) reasons.push('no-counsellor');
  if (!inForce) reasons.push('no-agreement');
  if (COMPLIANCE_REGIMES.some((r) => COMPLIANCE_DEADLINES.some((d) => deadlines[r][d].missed > 0))) reasons.push('deadlines-missed');
  return {
    organisationId,
    year,
    referenceDay,
    headcount,
    duties,
    counsellor,
    agreement: { inForce, startsOn: agreement?.startsOn ?? null, endsOn: agreement?.endsOn ?? null },
    deadlines,
    state: reasons.length === 0 ? 'compliant' : 'attention',
    reasons,
  };
}

/** What the employer contact sees of deadlines: per regime and deadline, the share met, only when its base is ≥ k. */
export interface EmployerDeadline {
  /** Whole per cent of the decided deadlines (met + missed) that were met, rounded down (100 only when none missed). */
  metPercent: number | null;
  /** `null` when shown; `fewer-than-k` when fewer than k deadlines were decided (zero included). */
  suppressed: 'fewer-than-k' | null;
}

export interface EmployerCompliance extends Omit<Compliance, 'deadlines' | 'reasons' | 'state'> {
  k: number;
  deadlines: Record<ComplianceRegime, Record<ComplianceDeadline, EmployerDeadline>>;
  state: 'compliant' | 'attention';
  reasons: ComplianceReason[];
}

/**
 * The employer's view: no counts at all. Per regime and deadline the share met, shown only when at least k deadlines
 * were decided; the state and reasons follow from what is shown, so `deadlines-missed` appears only when a shown
 * share is below 100 % (a miss among fewer than k cases stays with the agency, which sees the counts).
 */
export function employerView(c: Compliance, k: number): EmployerCompliance {
  const deadlines = {} as EmployerCompliance['deadlines'];
  let shownMiss = false;
  for (const regime of COMPLIANCE_REGIMES) {
    deadlines[regime] = {} as Record<ComplianceDeadline, EmployerDeadline>;
    for (const deadline of COMPLIANCE_DEADLINES) {
      const { met, missed } = c.deadlines[regime][deadline];
      const base = met + missed;
      if (base < k) deadlines[regime][deadline] = { metPercent: null, suppressed: 'fewer-than-k' };
      else {
        deadlines[regime][deadline] = { metPercent: Math.floor((met * 100) / base), suppressed: null };
        if (missed > 0) shownMiss = true;
      }
    }
  }
  const reasons = c.reasons.filter((r) => r !== 'deadlines-missed' || shownMiss);
  const { deadlines: _counts, reasons: _reasons, state: _state, ...rest } = c;
  return { ...rest, k, deadlines, state: reasons.length === 0 ? 'compliant' : 'attention', reasons };
}
