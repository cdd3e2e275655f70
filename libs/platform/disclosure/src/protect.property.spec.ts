import fc from 'fast-check';
import { attack } from './attack/attack';
import { annualReport, caseHistory, finestCellsOf, lateCases } from './fixtures/case-history';
import { checkAgainstLedger } from './ledger/check-against-ledger';
import type { LedgerEntry } from './model';
import { protect } from './protect';

const signature = (entry: LedgerEntry) => JSON.stringify(entry.cells);

// Each run protects three publications and attacks them all: a few seconds of CPU for the whole property, but the
// machine's other work can stretch it past Jest's default 60 s. No timing is asserted.
jest.setTimeout(240_000);

/**
 * One organisation's publications over two years: last year's annual report; this year's (board and works council,
 * a site table, the trend against last year); this year's again after late cases came in, as a revision that keeps
 * the late cases per theme hidden (they are the difference between the two versions).
 */
async function publishEverything(history: Parameters<typeof finestCellsOf>[0]) {
  const finestCells = finestCellsOf(history);
  const steps = [
    { publication: 'annual-2025', tables: annualReport(history, 2025, [1], false) },
    { publication: 'annual-2026', tables: annualReport(history, 2026, [1], true) },
    { publication: 'annual-2026-revised', tables: annualReport(history, 2026, [1, 2], true), protectedCells: lateCases(history) },
  ];
  const ledgers: LedgerEntry[][] = [];
  let ledger: LedgerEntry[] = [];
  for (const step of steps) {
    const { ledgerEntries } = await protect({ finestCells, ledger, ...step });
    expect(checkAgainstLedger(ledger, ledgerEntries)).toEqual([]);
    ledger = [...ledger, ...ledgerEntries];
    ledgers.push(ledgerEntries as LedgerEntry[]);
  }
  return { finestCells, ledger, ledgers };
}

describe('protect, over random case histories of one organisation', () => {
  it('leaves the attacker no blank it can pin within k, across everything published', async () => {
    await fc.assert(
      fc.asyncProperty(caseHistory, async (history) => {
        const { ledger } = await publishEverything(history);
        const report = await attack(ledger);
        expect(report.shownBelowThreshold).toEqual([]);
        expect(report.disclosures).toEqual([]);
      }),
      { seed: 4242, numRuns: 25 },
    );
  });

  it('shows true sums only, and never shows again what it blanked before', async () => {
    await fc.assert(
      fc.asyncProperty(caseHistory, async (history) => {
        const { finestCells, ledgers } = await publishEverything(history);
        const count = new Map(finestCells.map((c) => [c.id, c.count]));
        const blankBefore = new Set<string>();
        for (const entries of ledgers) {
          for (const entry of entries) {
            if (entry.value !== null) expect(entry.value).toBe(entry.cells.reduce((sum, id) => sum + count.get(id)!, 0));
            if (blankBefore.has(signature(entry))) expect(entry.value).toBeNull();
          }
          for (const entry of entries) if (entry.value === null) blankBefore.add(signature(entry));
        }
      }),
      { seed: 2026, numRuns: 15 },
    );
  });
});

describe('protect, whatever the order of its input', () => {
  it('blanks the same cells for the same reasons', async () => {
    await fc.assert(
      fc.asyncProperty(caseHistory, fc.nat(), async (history, rotation) => {
        const finestCells = finestCellsOf(history);
        const tables = annualReport(history, 2025, [1], false);
        const rotate = <T>(items: readonly T[]) => [...items.slice(rotation % items.length), ...items.slice(0, rotation % items.length)];
        const forward = await protect({ finestCells, tables, publication: 'p' });
        const shuffled = await protect({
          finestCells: rotate(finestCells).reverse(),
          tables: rotate(tables).map((table) => ({ ...table, cells: rotate(table.cells).reverse() })),
          publication: 'p',
        });
        const pattern = (result: typeof forward) =>
          Object.fromEntries(result.tables.flatMap((t) => t.cells.map((c) => [`${t.id}:${c.key}`, [c.value, c.reason]])));
        expect(pattern(shuffled)).toEqual(pattern(forward));
      }),
      { seed: 77, numRuns: 10 },
    );
  });
});
