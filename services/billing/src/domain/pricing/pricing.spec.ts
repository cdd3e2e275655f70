import fc from 'fast-check';
import { daysInclusive, isCalendarDay, nextPeriod, periodContaining, periodOfKey, type PeriodKind } from './calendar';
import { chargeFor, type UsageFact } from './charges';
import { allocate, divideHalfUp, quartersAsHours, vatOn } from './money';
import { bandFor, bandLabel } from './price-list';
import { headcountOn } from './schedule';
import { PRICES } from '../billing.fixtures';

const activity = (on: string, minutes: number): UsageFact => ({ source: 'activity', on, minutes });
const caseWork = (ref: string, on: string, minutes: number): UsageFact => ({ source: 'case', caseRef: ref, on, minutes });

describe('calendar days and periods', () => {
  it('knows leap years at the period edges', () => {
    expect(periodContaining('month', '2028-02-10')).toEqual({ kind: 'month', key: '2028-02', start: '2028-02-01', end: '2028-02-29' });
    expect(periodContaining('month', '2026-02-10').end).toBe('2026-02-28');
    expect(periodContaining('month', '2100-02-01').end).toBe('2100-02-28');
    expect(periodContaining('month', '2000-02-01').end).toBe('2000-02-29');
    const q1 = periodContaining('quarter', '2028-03-31');
    expect(q1).toEqual({ kind: 'quarter', key: '2028-Q1', start: '2028-01-01', end: '2028-03-31' });
    expect(daysInclusive(q1.start, q1.end)).toBe(91);
    expect(daysInclusive('2026-01-01', '2026-03-31')).toBe(90);
    expect(daysInclusive('2028-01-01', '2028-12-31')).toBe(366);
    expect(nextPeriod(periodContaining('quarter', '2026-12-31')).key).toBe('2027-Q1');
    expect(nextPeriod(periodContaining('month', '2026-12-01')).key).toBe('2027-01');
  });

  it('reads period keys and refuses anything else', () => {
    expect(periodOfKey('2026-Q4')?.start).toBe('2026-10-01');
    expect(periodOfKey('2026-02')?.end).toBe('2026-02-28');
    expect(periodOfKey('2026')?.end).toBe('2026-12-31');
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-1', '']) expect(periodOfKey(bad)).toBeUndefined();
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });

  it('tiles every year with periods without gap or overlap (property, against Date arithmetic)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2400 }), fc.constantFrom<PeriodKind>('month', 'quarter', 'year'), (year, kind) => {
        let period = periodContaining(kind, `${year}-01-01`);
        let days = 0;
        while (period.start.startsWith(String(year))) {
          days += daysInclusive(period.start, period.end);
          const next = nextPeriod(period);
          expect(new Date(`${next.start}T00:00:00Z`).getTime() - new Date(`${period.end}T00:00:00Z`).getTime()).toBe(86_400_000);
          period = next;
        }
        const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
        expect(days).toBe(leap ? 366 : 365);
      }),
      { seed: 20261205, numRuns: 300 },
    );
  });
});

describe('money in cents', () => {
  it('rounds half up, on the VAT category total', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(4, 3)).toBe(1);
    expect(vatOn(10_000, '21')).toBe(2_100);
    expect(vatOn(1_050, '21')).toBe(221); // 220.5 → 221
    expect(vatOn(1_049, '21')).toBe(220); // 220.29
    expect(vatOn(999, '9')).toBe(90); // 89.91
    expect(quartersAsHours(5)).toBe('1.25');
    expect(quartersAsHours(8)).toBe('2.00');
    expect(quartersAsHours(3)).toBe('0.75');
  });

  it('splits a yearly fee over periods to the cent (property: the parts add up and differ by at most a cent)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom(1, 4, 12), (total, parts) => {
        const split = Array.from({ length: parts }, (_, i) => allocate(total, parts, i));
        expect(split.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('a period charge', () => {
  const q4 = periodContaining('quarter', '2026-10-01');
  const base = { period: q4, subscription: { startsOn: '2025-01-01' }, prices: PRICES, usage: [], deferredCaseMinutes: 0, k: 5 };

  it('takes the band by headcount on the period start, and names it', () => {
    expect(bandLabel(PRICES.bands, bandFor(PRICES.bands, 12))).toBe('1–24');
    expect(bandLabel(PRICES.bands, bandFor(PRICES.bands, 25))).toBe('25–49');
    expect(bandLabel(PRICES.bands, bandFor(PRICES.bands, 300))).toBe('250–499');
    expect(bandLabel(PRICES.bands, bandFor(PRICES.bands, 5000))).toBe('500+');
    expect(bandFor(PRICES.bands, 0).minHeadcount).toBe(1);
  });

  it('charges a quarter of the yearly fee for a full quarter', () => {
    const charge = chargeFor({ ...base, headcount: 300 });
    expect(charge).toMatchObject({ feeCents: 120_000, coveredDays: 92, periodDays: 92, allowanceMinutes: 480, extraQuarters: 0 });
  });

  it('prorates a subscription that starts within the period by day, in a leap year too', () => {
    const fromNov = chargeFor({ ...base, headcount: 300, subscription: { startsOn: '2026-11-01' } });
    expect(fromNov.coveredDays).toBe(61);
    expect(fromNov.feeCents).toBe(divideHalfUp(120_000 * 61, 92)); // 79,565.2 → 79,565
    expect(fromNov.covered).toEqual({ start: '2026-11-01', end: '2026-12-31' });
    const leapQ1 = periodContaining('quarter', '2028-01-01');
    const fromFeb29 = chargeFor({ ...base, period: leapQ1, headcount: 300, subscription: { startsOn: '2028-02-29' } });
    expect(fromFeb29).toMatchObject({ coveredDays: 32, periodDays: 91, feeCents: divideHalfUp(120_000 * 32, 91) });
    const endsMidway = chargeFor({ ...base, headcount: 300, subscription: { startsOn: '2025-01-01', endsOn: '2026-10-31' } });
    expect(endsMidway).toMatchObject({ coveredDays: 31, covered: { start: '2026-10-01', end: '2026-10-31' } });
  });

  it('bills activities beyond the allowance in started quarter hours', () => {
    const charge = chargeFor({ ...base, headcount: 300, usage: [activity('2026-10-05', 480), activity('2026-11-05', 61)] });
    expect(charge).toMatchObject({ countedMinutes: 541, allowanceMinutes: 480, extraQuarters: 5, extraCents: divideHalfUp(5 * 12_500, 4) });
  });

  it('never bills hours on the collective arrangement', () => {
    const charge = chargeFor({ ...base, headcount: 12, usage: [activity('2026-10-05', 6000)] });
    expect(charge).toMatchObject({ extraQuarters: 0, extraCents: 0, feeCents: 11_250 });
  });

  it('counts case work only in a period with k cases, and then releases the pool', () => {
    const four = [1, 2, 3, 4].map((n) => caseWork(`c${n}`, '2026-10-10', 600));
    const held = chargeFor({ ...base, headcount: 300, usage: four, deferredCaseMinutes: 100 });
    expect(held).toMatchObject({ countedMinutes: 0, extraQuarters: 0, deferredCaseMinutesAfter: 2_500 });
    const five = [...four, caseWork('c5', '2026-12-01', 60)];
    const released = chargeFor({ ...base, headcount: 300, usage: five, deferredCaseMinutes: 100 });
    expect(released).toMatchObject({ countedMinutes: 2_560, deferredCaseMinutesAfter: 0, extraQuarters: Math.ceil((2_560 - 480) / 15) });
    const sameCaseTwice = chargeFor({ ...base, headcount: 300, usage: [...four, caseWork('c4', '2026-11-01', 60)] });
    expect(sameCaseTwice.countedMinutes).toBe(0);
  });
});

describe('the headcount a period is billed on', () => {
  // Matching publishes a change scheduled ahead as soon as it is made: it is history here, not the headcount of today.
  const history = [
    { from: '2026-01-01', headcount: 40 },
    { from: '2027-06-01', headcount: 60 },
  ];

  it('is the one in force on the day asked about, a scheduled change only from its day', () => {
    expect(headcountOn(history, '2026-12-01')).toBe(40);
    expect(headcountOn(history, '2027-05-31')).toBe(40);
    expect(headcountOn(history, '2027-06-01')).toBe(60);
  });

  it('takes a correction dated before a scheduled change, whatever order they arrived in', () => {
    const corrected = [...history, { from: '2026-12-01', headcount: 45 }];
    expect(headcountOn(corrected, '2027-01-01')).toBe(45);
    expect(headcountOn(corrected, '2027-07-01')).toBe(60);
  });
});
