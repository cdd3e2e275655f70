import fc from 'fast-check';
import { HEADER as header, PRICES } from '../billing.fixtures';
import { daysInclusive, dayOf, dayNumber, type PeriodKind } from '../pricing/calendar';
import { distinctCases, type UsageFact } from '../pricing/charges';
import { scheduleCharges } from '../pricing/schedule';
import type { PriceListVersion } from '../pricing/price-list';
import { buildInvoice } from './invoice-builder';

// The confidentiality rule as a property (ADR 0031): for every organisation and every period with fewer than k
// cases, the invoice is the same, field by field, whether the organisation had no case at all or the cases drawn.

const day = (from: string, to: string) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(dayOf);
const minutes = fc.integer({ min: 5, max: 600 });
const activityFact = fc.record({ source: fc.constant<'activity'>('activity'), on: day('2025-01-01', '2027-12-31'), minutes });
const caseHistory = fc.tuple(fc.uuid(), fc.array(fc.tuple(day('2025-01-01', '2027-12-31'), minutes), { minLength: 1, maxLength: 6 }));

const world = fc.record({
  headcount: fc.integer({ min: 1, max: 700 }),
  startsOn: day('2025-01-01', '2027-06-30'),
  kind: fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
  k: fc.integer({ min: 5, max: 8 }),
  activities: fc.array(activityFact, { maxLength: 30 }),
  cases: fc.array(caseHistory, { maxLength: 14 }),
});

describe('an invoice never reveals a case (property over random organisations, periods and case histories)', () => {
  it('is the same in a period with fewer than k cases as in the world without any case', () => {
    let compared = 0;
    let released = 0;
    fc.assert(
      fc.property(world, ({ headcount, startsOn, kind, k, activities, cases }) => {
        const prices: PriceListVersion[] = [{ ...PRICES, effectiveFrom: '2025-01-01', period: kind }];
        const caseFacts: UsageFact[] = cases.flatMap(([ref, work]) =>
          work.map(([on, m]) => ({ source: 'case' as const, caseRef: ref, on, minutes: m })),
        );
        const common = {
          subscription: { startsOn },
          priceLists: prices,
          headcounts: [{ from: '2024-01-01', headcount }],
          k,
          through: '2027-12-31',
        };
        const without = scheduleCharges({ ...common, usage: activities });
        const withCases = scheduleCharges({ ...common, usage: [...activities, ...caseFacts] });
        expect(withCases.map((c) => c.period.key)).toEqual(without.map((c) => c.period.key));
        for (const [index, charge] of withCases.entries()) {
          const inPeriod = caseFacts.filter((f) => f.on >= charge.period.start && f.on <= charge.period.end);
          const plain = buildInvoice(header, without[index], prices[0]);
          const actual = buildInvoice(header, charge, prices[0]);
          if (distinctCases(inPeriod) < k) {
            compared += 1;
            expect(actual).toEqual(plain);
          } else if (charge.extraQuarters !== without[index].extraQuarters) released += 1;
          const text = JSON.stringify(actual);
          for (const [ref] of cases) expect(text).not.toContain(ref);
        }
      }),
      { seed: 424242, numRuns: 400 },
    );
    // The property must have had something to bite on: many small periods, and some periods with k cases.
    expect(compared).toBeGreaterThan(1_000);
    expect(released).toBeGreaterThan(0);
  });

  it('prorates the fee by day exactly as an independent rational computation does', () => {
    fc.assert(
      fc.property(
        day('2024-01-01', '2030-12-31'),
        fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
        fc.integer({ min: 1, max: 700 }),
        (startsOn, kind, headcount) => {
          const prices = [{ ...PRICES, effectiveFrom: '2024-01-01', period: kind }];
          const [first] = scheduleCharges({
            subscription: { startsOn },
            priceLists: prices,
            headcounts: [{ from: '2020-01-01', headcount }],
            usage: [],
            k: 5,
            through: '2031-12-31',
          });
          // Independent: days by Date objects, the yearly fee's share of this period by the index of its first month.
          const end = new Date(`${first.period.end}T12:00:00Z`);
          const days = Math.round((end.getTime() - new Date(`${startsOn}T12:00:00Z`).getTime()) / 86_400_000) + 1;
          const all = Math.round((end.getTime() - new Date(`${first.period.start}T12:00:00Z`).getTime()) / 86_400_000) + 1;
          const parts = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
          const index = Math.floor((Number(first.period.start.slice(5, 7)) - 1) / (12 / parts));
          const yearly = first.band.yearlyFeeCents;
          const share = Math.floor(yearly / parts) + (index < yearly % parts ? 1 : 0);
          // half up: fee = floor((share * days) / all + 1/2), in integers
          const expected = Math.floor((2 * share * days + all) / (2 * all));
          expect(first.coveredDays).toBe(days);
          expect(daysInclusive(first.period.start, first.period.end)).toBe(all);
          expect(first.feeCents).toBe(expected);
        },
      ),
      { seed: 99, numRuns: 1_000 },
    );
  });
});
