import type { ReportingFact } from '../facts/facts';
import { complianceOf, employerView, regimeOfTheme } from './compliance';

const org = '6c803c6b-3ad7-46df-b7a6-6635d64c97df';
const agencyId = '46a843af-5ca5-490d-8839-a84730e4ca31';

const organisation = (
  headcount: number,
  counsellors: { primary?: boolean; internal?: number } = {},
  headcountFrom = '2025-01-01',
  version?: number,
): ReportingFact => ({
  type: 'OrganisationRecorded',
  agencyId,
  headcount,
  headcountFrom,
  ...(version === undefined ? {} : { version }),
  sbiCode: '1071',
  wbkObliged: headcount >= 50,
  pendingBillObliged: headcount >= 10,
  counsellorAppointed: counsellors.primary ?? false,
  substituteAppointed: false,
  internalCounsellors: counsellors.internal ?? 0,
  active: true,
});
const agreement = (version: number, startsOn: string, endsOn: string | null = null): ReportingFact => ({
  type: 'AgreementRecorded',
  version,
  startsOn,
  endsOn,
  changedAt: '2025-01-01T10:00:00Z',
});
const reported = (ref: string, theme: 'bullying' | 'corruption' = 'bullying', on = '2025-03-01'): ReportingFact => ({
  type: 'CaseReported',
  caseRef: ref,
  on,
  theme,
  relation: 'colleague',
  anonymity: 'anonymous',
});
const acknowledged = (ref: string): ReportingFact => ({ type: 'CaseAcknowledged', caseRef: ref, on: '2025-03-03' });
const feedback = (ref: string): ReportingFact => ({ type: 'FeedbackGiven', caseRef: ref, on: '2025-05-03' });
const missed = (ref: string, deadline: 'acknowledgement' | 'feedback', regime: 'wbk' | 'service-standard' | 'unknown'): ReportingFact => ({
  type: 'DeadlineMissed',
  caseRef: ref,
  deadline,
  regime,
  on: '2025-03-09',
});

const inOrder = [agreement(1, '2025-01-01')];
const view = (facts: ReportingFact[], referenceDay = '2025-12-31') => complianceOf(org, facts, 2025, referenceDay);

describe('the compliance view of an organisation', () => {
  describe('given a headcount change dated ahead', () => {
    // 40 from 2025-01-01; a change to 60 from 2026-06-01, published in 2025 (the directory schedules it).
    const facts = [organisation(40, {}, '2025-01-01', 1), organisation(60, {}, '2026-06-01', 2), ...inOrder];

    it('judges the year by the headcount in force on its reference day, not by the latest published one', () => {
      const c = view(facts, '2025-12-07');
      expect(c.headcount).toBe(40);
      expect(c.duties.wbk.applies).toBe(false);
      expect(c.duties.pendingBill.applies).toBe(true);
    });

    it('applies the scheduled headcount from its day on, without a new fact', () => {
      expect(complianceOf(org, facts, 2026, '2026-05-31').headcount).toBe(40);
      const c = complianceOf(org, facts, 2026, '2026-06-01');
      expect(c.headcount).toBe(60);
      expect(c.duties.wbk.applies).toBe(true);
    });

    it('takes a correction before the scheduled change, and a later version for the same day', () => {
      const corrected = [...facts, organisation(45, {}, '2025-12-01', 3), organisation(48, {}, '2025-12-01', 4)];
      expect(view(corrected, '2025-12-07').headcount).toBe(48);
      expect(view([...corrected, organisation(45, {}, '2025-12-01', 3)], '2025-12-07').headcount).toBe(48);
      expect(complianceOf(org, corrected, 2026, '2026-06-01').headcount).toBe(60);
    });

    it('takes the earliest headcount before the first day known', () => {
      expect(complianceOf(org, facts, 2024, '2024-12-31').headcount).toBe(40);
    });
  });

  describe('given no counsellor appointed and a written agreement in force', () => {
    it.each([
      [9, false, false, 'compliant', []],
      [10, false, true, 'attention', ['no-counsellor']],
      [49, false, true, 'attention', ['no-counsellor']],
      [50, true, true, 'attention', ['no-counsellor']],
    ] as const)('with %i employees: Wbk duty %s, pending-bill duty %s → %s %j', (headcount, wbk, bill, state, reasons) => {
      const c = view([organisation(headcount), ...inOrder]);
      expect(c.duties.wbk).toEqual({ applies: wbk, reportingProcedureRequired: wbk, threshold: 50 });
      expect(c.duties.pendingBill).toEqual({ applies: bill, counsellorRequired: bill, threshold: 10 });
      expect(c.state).toBe(state);
      expect(c.reasons).toEqual(reasons);
    });
  });

  it('counts a primary or an internal counsellor as appointed', () => {
    expect(view([organisation(60, { primary: true }), ...inOrder])).toMatchObject({ state: 'compliant', counsellor: { appointed: true } });
    expect(view([organisation(60, { internal: 2 }), ...inOrder])).toMatchObject({
      state: 'compliant',
      counsellor: { appointed: true, primary: false, internal: 2 },
    });
  });

  it('judges the agreement on the reference day, the highest version winning', () => {
    const facts = (...more: ReportingFact[]) => [organisation(60, { primary: true }), ...more];
    expect(view(facts()).reasons).toEqual(['no-agreement']);
    expect(view(facts(agreement(1, '2026-01-01'))).reasons).toEqual(['no-agreement']);
    expect(view(facts(agreement(1, '2025-12-31'))).reasons).toEqual([]);
    expect(view(facts(agreement(1, '2024-01-01'), agreement(2, '2024-01-01', '2025-12-30'))).reasons).toEqual(['no-agreement']);
    expect(view(facts(agreement(2, '2024-01-01', '2025-12-31'), agreement(1, '2024-01-01'))).agreement).toEqual({
      inForce: true,
      startsOn: '2024-01-01',
      endsOn: '2025-12-31',
    });
    expect(view(facts(agreement(1, '2024-01-01', '2025-06-30')), '2025-06-30').agreement.inForce).toBe(true);
    expect(view(facts(agreement(1, '2024-01-01', '2025-06-30')), '2025-07-01').agreement.inForce).toBe(false);
  });

  it('counts the year’s cases’ deadlines per regime: met, missed, open; a recorded miss names the regime', () => {
    const c = view([
      organisation(60, { primary: true }),
      ...inOrder,
      reported('a'),
      acknowledged('a'),
      feedback('a'),
      reported('b', 'corruption'),
      missed('b', 'acknowledgement', 'wbk'),
      acknowledged('b'),
      reported('c'),
      missed('c', 'feedback', 'wbk'), // a formal report moved it to the Wbk
      acknowledged('c'),
      reported('d', 'bullying', '2024-12-31'), // another year
      missed('d', 'acknowledgement', 'service-standard'),
    ]);
    expect(c.deadlines).toEqual({
      wbk: { acknowledgement: { met: 1, missed: 1, open: 0 }, feedback: { met: 0, missed: 1, open: 1 } },
      'service-standard': { acknowledgement: { met: 1, missed: 0, open: 0 }, feedback: { met: 1, missed: 0, open: 0 } },
    });
    expect(c.reasons).toEqual(['deadlines-missed']);
    expect(regimeOfTheme('not-sure')).toBe('service-standard');
    expect(regimeOfTheme('public-interest-wrongdoing')).toBe('wbk');
  });

  describe('as the employer contact sees it', () => {
    const cases = (n: number, missedOne: boolean) =>
      Array.from({ length: n }, (_, i) => [
        reported(`r${i}`),
        ...(missedOne && i === 0 ? [missed(`r${i}`, 'acknowledgement', 'service-standard')] : [acknowledged(`r${i}`)]),
      ]).flat();

    it('shows no count, and a share met only from k decided deadlines on (k − 1 suppressed, zero included)', () => {
      const below = employerView(view([organisation(60, { primary: true }), ...inOrder, ...cases(4, true)]), 5);
      expect(below.deadlines['service-standard'].acknowledgement).toEqual({ metPercent: null, suppressed: 'fewer-than-k' });
      expect(below.deadlines.wbk.acknowledgement).toEqual({ metPercent: null, suppressed: 'fewer-than-k' });
      // The miss among fewer than k stays with the agency: the employer's state follows what it is shown.
      expect(below).toMatchObject({ state: 'compliant', reasons: [], k: 5 });
      expect(JSON.stringify(below)).not.toMatch(/"(met|missed|open)":/);
      const at = employerView(view([organisation(60, { primary: true }), ...inOrder, ...cases(5, true)]), 5);
      expect(at.deadlines['service-standard'].acknowledgement).toEqual({ metPercent: 80, suppressed: null });
      expect(at).toMatchObject({ state: 'attention', reasons: ['deadlines-missed'] });
    });

    it('shows 100 % only when none was missed (rounded down)', () => {
      const many = employerView(view([organisation(60, { primary: true }), ...inOrder, ...cases(201, true)]), 5);
      expect(many.deadlines['service-standard'].acknowledgement.metPercent).toBe(99);
      const none = employerView(view([organisation(60, { primary: true }), ...inOrder, ...cases(5, false)]), 5);
      expect(none.deadlines['service-standard'].acknowledgement.metPercent).toBe(100);
    });
  });
});
