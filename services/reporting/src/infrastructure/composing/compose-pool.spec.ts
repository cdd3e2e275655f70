import { eventually, seededRandom } from '@vertrouwd/testing';
import * as vocabulary from '@vertrouwd/contracts';
import { AlreadyDisclosedError } from '@vertrouwd/disclosure';
import { composeReport, type ComposeRequest } from '../../application/reports/compose-report';
import { yearFigures } from '../../application/reports/figures';
import { ledgerOver } from '../../application/reports/ledger-over-sites';
import type { ReportingFact } from '../../domain/facts/facts';
import { journalOf } from '../../testing/sample-journal';
import { ComposePool } from './compose-pool';

// Workers start through the TypeScript register under Jest: seconds each on a loaded machine.
jest.setTimeout(120_000);

const requestFor = (headcount: number, seed: number, withLedgerEntries: boolean): ComposeRequest => {
  const record: ReportingFact = {
    type: 'OrganisationRecorded',
    agencyId: 'agency',
    headcount,
    headcountFrom: '2024-01-01',
    sbiCode: '86',
    wbkObliged: true,
    pendingBillObliged: true,
    counsellorAppointed: true,
    active: true,
    sites: ['utrecht', 'gelderland'],
  };
  const facts = [record, ...(journalOf(seededRandom(seed), vocabulary, headcount, 2.5, [2024, 2025]) as unknown as ReportingFact[])];
  return {
    facts,
    k: 5,
    ledger: [],
    content: {
      organisationId: `organisation-${seed}`,
      year: 2025,
      publication: 1,
      publishedOn: '2026-01-15',
      factsVersion: facts.length - 1,
      narrative: { signals: '', advice: '' },
      agencyReportsPer100: '2.50',
    },
    withLedgerEntries,
  };
};

describe('the compose pool', () => {
  const requests = [12, 80, 500, 1_400].map((headcount, i) => requestFor(headcount, 40 + i, i % 2 === 0));

  it('computes on worker threads the same reports, byte for byte, as on the calling thread', async () => {
    const pool = new ComposePool(2);
    try {
      const pooled = await Promise.all(requests.map((request) => pool.compose(request)));
      expect(pool.composed).toEqual({ onWorkers: 4, here: 0 });
      for (const [i, request] of requests.entries()) expect(JSON.stringify(pooled[i])).toBe(JSON.stringify(await composeReport(request)));
    } finally {
      await pool.close();
    }
  });

  it('throws a refusal from a worker as the same kind of error', async () => {
    const pool = new ComposePool(2);
    try {
      const request = requestFor(500, 44, false);
      const published = await composeReport({ ...request, withLedgerEntries: true });
      // The ledger says a cell of this year was shown with its fewer than k cases: nothing can take that back.
      const figures = yearFigures(request.facts, 2025);
      const count = new Map(figures.finestCounts.ids.map((id, i) => [id, figures.finestCounts.counts[i]]));
      const primary = published.ledgerEntries!.findIndex((entry) => entry.reason === 'primary');
      const shownBelow = published.ledgerEntries!.map((entry, i) => {
        if (i !== primary) return entry;
        const value = ledgerOver(figures, [entry])[0].cells.reduce((sum, id) => sum + count.get(id)!, 0);
        return { ...entry, value, reason: null };
      });
      const refused = pool.compose({ ...request, ledger: shownBelow });
      await expect(refused).rejects.toBeInstanceOf(AlreadyDisclosedError);
      await expect(composeReport({ ...request, ledger: shownBelow })).rejects.toBeInstanceOf(AlreadyDisclosedError);
    } finally {
      await pool.close();
    }
  });

  it('stops a worker that has been idle, and starts one again for the next report', async () => {
    const pool = new ComposePool(2, 300);
    try {
      await Promise.all(requests.slice(0, 2).map((request) => pool.compose(request)));
      // The worker that answered last is still running; the other may already have been idle for 300 ms (a loaded
      // machine can take that long between the two answers).
      expect(pool.running).toBeGreaterThanOrEqual(1);
      await eventually(() => expect(pool.running).toBe(0), { timeoutMs: 10_000, intervalMs: 50 });
      const again = await pool.compose(requests[2]);
      expect(JSON.stringify(again)).toBe(JSON.stringify(await composeReport(requests[2])));
      expect(pool.composed).toEqual({ onWorkers: 3, here: 0 });
    } finally {
      await pool.close();
    }
  });

  it('computes on the calling thread with one core', async () => {
    const pool = new ComposePool(1);
    await pool.compose(requests[0]);
    expect(pool.composed).toEqual({ onWorkers: 0, here: 1 });
  });
});
