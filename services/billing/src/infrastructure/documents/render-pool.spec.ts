import { HEADER, PRICES } from '../../domain/billing.fixtures';
import { buildInvoice } from '../../domain/invoices/invoice-builder';
import { periodContaining } from '../../domain/pricing/calendar';
import { chargeFor } from '../../domain/pricing/charges';
import { renderInvoicePdf } from './invoice-pdf';
import { RenderPool } from './render-pool';
import { renderUbl } from './ubl';

describe('the render pool', () => {
  const documents = [12, 30, 300, 700].map((headcount, i) =>
    buildInvoice(
      { ...HEADER, number: `2026-00000${i + 1}` },
      chargeFor({
        period: periodContaining('quarter', '2026-07-01'),
        subscription: { startsOn: '2026-01-01' },
        headcount,
        prices: PRICES,
        usage: [{ source: 'activity', on: '2026-08-01', minutes: 900 }],
        deferredCaseMinutes: 0,
        k: 5,
      }),
      PRICES,
    ),
  );

  it('renders on worker threads the same bytes as on the calling thread', async () => {
    const pool = new RenderPool(2);
    try {
      const pooled = await Promise.all(documents.map((d) => pool.render(d)));
      expect(pool.rendered).toEqual({ onWorkers: 4, here: 0 });
      for (const [i, document] of documents.entries()) {
        const ubl = renderUbl(document);
        expect(pooled[i]?.ubl).toBe(ubl);
        expect(pooled[i]?.pdf.equals(await renderInvoicePdf(document, ubl))).toBe(true);
      }
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('renders on the calling thread with one core', async () => {
    const pool = new RenderPool(1);
    await pool.render(documents[0]);
    expect(pool.rendered).toEqual({ onWorkers: 0, here: 1 });
  });
});
