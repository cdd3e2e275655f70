import fc from 'fast-check';
import { HEADER, PRICES } from '../../domain/billing.fixtures';
import { buildInvoice } from '../../domain/invoices/invoice-builder';
import { dayNumber, dayOf, type PeriodKind } from '../../domain/pricing/calendar';
import { distinctCases, type UsageFact } from '../../domain/pricing/charges';
import type { PriceListVersion } from '../../domain/pricing/price-list';
import { scheduleCharges } from '../../domain/pricing/schedule';
import { renderInvoicePdf } from './invoice-pdf';
import { renderUbl } from './ubl';

// The confidentiality rule down to the bytes (ADR 0031): for a period with fewer than k cases, the UBL and the PDF
// are byte for byte those of the world in which the organisation had no case at all. Fewer runs than the domain's
// property (rendering costs milliseconds), the same generator shape.

const day = (from: string, to: string) => fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(dayOf);
const minutes = fc.integer({ min: 5, max: 600 });
const world = fc.record({
  headcount: fc.integer({ min: 1, max: 700 }),
  startsOn: day('2025-01-01', '2026-12-31'),
  kind: fc.constantFrom<PeriodKind>('month', 'quarter', 'year'),
  activities: fc.array(fc.record({ source: fc.constant<'activity'>('activity'), on: day('2025-01-01', '2027-12-31'), minutes }), {
    maxLength: 20,
  }),
  cases: fc.array(fc.tuple(fc.uuid(), fc.array(fc.tuple(day('2025-01-01', '2027-12-31'), minutes), { minLength: 1, maxLength: 4 })), {
    minLength: 1,
    maxLength: 6,
  }),
});

describe('the exports of an invoice never reveal a case (property)', () => {
  it('renders the same UBL and PDF bytes in a period with fewer than k cases as without any case', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(world, async ({ headcount, startsOn, kind, activities, cases }) => {
        const prices: PriceListVersion[] = [{ ...PRICES, effectiveFrom: '2025-01-01', period: kind }];
        const caseFacts: UsageFact[] = cases.flatMap(([ref, work]) =>
          work.map(([on, m]) => ({ source: 'case' as const, caseRef: ref, on, minutes: m })),
        );
        const common = {
          subscription: { startsOn },
          priceLists: prices,
          headcounts: [{ from: '2024-01-01', headcount }],
          k: 5,
          through: '2027-12-31',
        };
        const without = scheduleCharges({ ...common, usage: activities });
        const withCases = scheduleCharges({ ...common, usage: [...activities, ...caseFacts] });
        // The periods where case work happened but stayed below k: where a leak would show.
        const touched = withCases
          .map((charge, index) => ({
            charge,
            index,
            cases: distinctCases(caseFacts.filter((f) => f.on >= charge.period.start && f.on <= charge.period.end)),
          }))
          .filter(({ cases: n }) => n > 0 && n < 5)
          .slice(0, 2);
        for (const { charge, index } of touched) {
          const a = buildInvoice(HEADER, charge, prices[0]);
          const b = buildInvoice(HEADER, without[index], prices[0]);
          const [ublA, ublB] = [renderUbl(a), renderUbl(b)];
          expect(ublA).toBe(ublB);
          expect((await renderInvoicePdf(a, ublA)).equals(await renderInvoicePdf(b, ublB))).toBe(true);
          compared += 1;
        }
      }),
      { seed: 5150, numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(40);
  }, 120_000);
});
