import fc from 'fast-check';
import { attack } from './attack/attack';
import { crossTable } from './fixtures/cross-table';
import { markedBruteForceRanges } from './fixtures/marked-brute-force';
import { DisclosureInputError } from './errors';
import { DISCLOSURE_ALGORITHM, type FinestCell, type LedgerEntry, type TableSpec } from './model';
import { protect } from './protect';

// Each run protects a small table and enumerates it; a busy machine can stretch the properties. No timing is asserted.
jest.setTimeout(240_000);

const K = 5;

/** A table of the given inner cells and their total, over one finest cell each. */
function oneWay(counts: readonly number[]): { finestCells: FinestCell[]; table: TableSpec } {
  const finestCells = counts.map((count, i) => ({ id: `Q${i + 1}`, count }));
  const cells = [
    ...finestCells.map((cell) => ({ key: `2025|${cell.id}`, cells: [cell.id] })),
    { key: '2025|total', cells: finestCells.map((cell) => cell.id) },
  ];
  return { finestCells, table: { id: 'by-quarter', cells } };
}

/** Every primary blank's range, given the figures and every primary mark, by enumeration: each must be all of 0 … k − 1. */
function primaryRanges(entries: readonly LedgerEntry[]) {
  const ranges = markedBruteForceRanges(entries, K);
  return entries.filter((entry) => entry.reason === 'primary').map((entry) => ({ key: entry.key, ...ranges.get(entry.key)! }));
}

describe('protect, against a reader of the reasons (ADR 0074)', () => {
  // The bakery's 2025 report: 18 cases, by quarter 5, 4, 5, 4. Blanking Q2 and Q4 alone leaves Q2 + Q4 = 8, and
  // "primary" says each is at most 4: both are exactly 4.
  const bakery = oneWay([5, 4, 5, 4]);

  it('shows that the two primary blanks alone give the bakery quarters away', async () => {
    const naive: LedgerEntry[] = bakery.table.cells.map((cell) => {
      const value = cell.cells.reduce((sum, id) => sum + bakery.finestCells.find((f) => f.id === id)!.count, 0);
      const primary = value < K;
      return {
        publication: 'annual-2025',
        table: 'by-quarter',
        key: cell.key,
        cells: cell.cells,
        value: primary ? null : value,
        reason: primary ? 'primary' : null,
      };
    });
    expect(primaryRanges(naive)).toEqual([
      { key: '2025|Q2', min: 4, max: 4 },
      { key: '2025|Q4', min: 4, max: 4 },
    ]);
    const report = await attack(naive, { k: K, crossCheck: true });
    expect(report.disclosures.map((d) => [d.keys, d.marked])).toEqual([
      [['2025|Q2'], { atMost: 4, min: 4, max: 4 }],
      [['2025|Q4'], { atMost: 4, min: 4, max: 4 }],
    ]);
  });

  it('blanks one more quarter of the bakery report, so each primary blank could be anything from 0 to 4', async () => {
    const result = await protect({ ...bakery, tables: [bakery.table], publication: 'annual-2025', k: K });
    const published = Object.fromEntries(result.tables[0].cells.map((cell) => [cell.key, cell.value ?? cell.reason]));
    expect(published).toEqual({ '2025|Q1': 'interval', '2025|Q2': 'primary', '2025|Q3': 5, '2025|Q4': 'primary', '2025|total': 18 });
    expect(primaryRanges(result.ledgerEntries)).toEqual([
      { key: '2025|Q2', min: 0, max: 4 },
      { key: '2025|Q4', min: 0, max: 4 },
    ]);
    expect((await attack(result.ledgerEntries, { k: K, crossCheck: true })).disclosures).toEqual([]);
  });

  it('still applies the rules before ADR 0074 to a report published under them, so it reproduces', async () => {
    const input = { ...bakery, tables: [bakery.table], publication: 'annual-2025', k: K };
    const before = await protect({ ...input, algorithm: 'gauss-interval-2026.12' });
    expect(before.algorithm).toBe('gauss-interval-2026.12');
    const published = Object.fromEntries(before.tables[0].cells.map((cell) => [cell.key, cell.value ?? cell.reason]));
    expect(published).toEqual({ '2025|Q1': 5, '2025|Q2': 'primary', '2025|Q3': 5, '2025|Q4': 'primary', '2025|total': 18 });
    expect((await protect(input)).algorithm).toBe(DISCLOSURE_ALGORITHM);
    await expect(protect({ ...input, algorithm: 'gauss-2020.01' })).rejects.toBeInstanceOf(DisclosureInputError);
  });

  const small = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 9 }));

  it('leaves every primary blank of a random one-way table with its total all of 0 … k − 1', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(small, { minLength: 2, maxLength: 5 }), async (counts) => {
        const { finestCells, table } = oneWay(counts);
        const result = await protect({ finestCells, tables: [table], publication: 'p', k: K });
        for (const range of primaryRanges(result.ledgerEntries)) expect(range).toEqual({ key: range.key, min: 0, max: K - 1 });
        expect((await attack(result.ledgerEntries, { k: K })).disclosures).toEqual([]);
      }),
      { seed: 74, numRuns: 60 },
    );
  });

  it('leaves every primary blank of a random two-way table with its margins all of 0 … k − 1', async () => {
    const table = fc
      .tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 }))
      .chain(([rows, columns]) =>
        fc.array(
          fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 7 })), { minLength: columns, maxLength: columns }),
          { minLength: rows, maxLength: rows },
        ),
      );
    await fc.assert(
      fc.asyncProperty(table, async (counts) => {
        const { finestCells, table: spec } = crossTable(
          'cross',
          Object.fromEntries(counts.map((row, r) => [`r${r}`, Object.fromEntries(row.map((count, c) => [`c${c}`, count]))])),
        );
        const result = await protect({ finestCells, tables: [spec], publication: 'p', k: K });
        for (const range of primaryRanges(result.ledgerEntries)) expect(range).toEqual({ key: range.key, min: 0, max: K - 1 });
        expect((await attack(result.ledgerEntries, { k: K })).disclosures).toEqual([]);
      }),
      { seed: 7474, numRuns: 30 },
    );
  });
});
