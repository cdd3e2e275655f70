import fc from 'fast-check';
import { annualReport, caseHistory, finestCellsOf, lateCases } from './fixtures/case-history';
import type { LedgerEntry, ProtectInput } from './model';
import { FAST, protectWith, REFERENCE } from './protect';
import { buildCellSpace } from './suppression/cell-space';
import { gaussSuppression } from './suppression/gauss-suppression';
import { gramRow, structureOf } from './suppression/structure';

// Each run protects a year's report and its revision twice (two methods): seconds of CPU in all, longer under load.
jest.setTimeout(240_000);

/**
 * protect's shortcuts (finest cells merged into atoms, Gaussian suppression on Gram rows, ranges settled by bounds
 * before any MIP) must change nothing: the fast method and the reference (every finest cell a column, every range
 * solved) give the same blanks, reasons and ledger entries, byte for byte, so reports published either way reproduce.
 */
describe('protect, fast and reference methods', () => {
  it('publish the same tables and ledger entries for random case histories, through a revision', async () => {
    await fc.assert(
      fc.asyncProperty(caseHistory, async (history) => {
        const finestCells = finestCellsOf(history);
        let ledgers = { fast: [] as LedgerEntry[], reference: [] as LedgerEntry[] };
        const steps: Omit<ProtectInput, 'finestCells' | 'ledger'>[] = [
          { publication: 'annual-2025', tables: annualReport(history, 2025, [1], false) },
          { publication: 'annual-2026', tables: annualReport(history, 2026, [1], true) },
          { publication: 'annual-2026-revised', tables: annualReport(history, 2026, [1, 2], true), protectedCells: lateCases(history) },
        ];
        for (const step of steps) {
          const fast = await protectWith({ finestCells, ledger: ledgers.fast, ...step }, FAST);
          const reference = await protectWith({ finestCells, ledger: ledgers.reference, ...step }, REFERENCE);
          expect(fast).toEqual(reference);
          ledgers = { fast: [...ledgers.fast, ...fast.ledgerEntries], reference: [...ledgers.reference, ...reference.ledgerEntries] };
        }
      }),
      { seed: 1206, numRuns: 20 },
    );
  });

  it('agree on random tables of random cells, with a raised threshold', async () => {
    // Tables that are not a cross-classification: each cell an arbitrary set of finest cells, so atoms, moves and
    // bounds meet shapes the annual report never has.
    const randomTables = fc.tuple(fc.integer({ min: 3, max: 14 }), fc.integer({ min: 5, max: 6 })).chain(([finest, k]) =>
      fc.record({
        k: fc.constant(k),
        counts: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: finest, maxLength: finest }),
        cells: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: finest - 1 }), { minLength: 1, maxLength: finest }), {
          minLength: 2,
          maxLength: 12,
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(randomTables, async ({ k, counts, cells }) => {
        const input: ProtectInput = {
          k,
          finestCells: counts.map((count, i) => ({ id: `f${i}`, count })),
          tables: [{ id: 't', cells: cells.map((members, i) => ({ key: `c${i}`, cells: members.map((m) => `f${m}`) })) }],
          publication: 'p',
        };
        const outcome = async (method: typeof FAST) => protectWith(input, method).catch((error: Error) => error.name);
        expect(await outcome(FAST)).toEqual(await outcome(REFERENCE));
      }),
      { seed: 31, numRuns: 150 },
    );
  });

  it('Gaussian suppression on Gram rows blanks what it blanks on the finest cells', () => {
    fc.assert(
      fc.property(caseHistory, (history) => {
        const tables = [...annualReport(history, 2025, [1], false), ...annualReport(history, 2026, [1], true)];
        const space = buildCellSpace(finestCellsOf(history), [], tables, lateCases(history));
        const structure = structureOf(space, true);
        const gram = gaussSuppression(space.cells, 5, (cell) => gramRow(structure, cell.index));
        const finest = gaussSuppression(space.cells, 5);
        expect([...gram.published].sort()).toEqual([...finest.published].sort());
        expect([...gram.secondary].sort()).toEqual([...finest.secondary].sort());
      }),
      { seed: 5, numRuns: 40 },
    );
  });
});
