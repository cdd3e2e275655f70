import { crossTable, themesByRelation } from '../fixtures/cross-table';
import { inSpan } from '../fixtures/linear-oracle';
import type { FinestCell, TableSpec } from '../model';
import { buildCellSpace, type CellSpace } from './cell-space';
import { gaussSuppression } from './gauss-suppression';

const K = 5;

function gauss(finestCells: FinestCell[], tables: TableSpec[]) {
  const space = buildCellSpace(finestCells, [], tables);
  const outcome = gaussSuppression(space.cells, K);
  const keysOf = (indices: ReadonlySet<number>) => [...indices].flatMap((i) => space.cells[i].keys).sort();
  return { space, ...outcome, publishedKeys: keysOf(outcome.published), secondaryKeys: keysOf(outcome.secondary) };
}

/** The oracle's verdict: is any primary cell in the span of the published ones? */
function derivablePrimaries(space: CellSpace, published: ReadonlySet<number>): string[] {
  const shown = [...published].map((i) => space.cells[i].signature).map((s) => JSON.parse(s) as string[]);
  return space.cells.filter((cell) => cell.value < K && inSpan(JSON.parse(cell.signature) as string[], shown)).flatMap((c) => c.keys);
}

describe('Gaussian secondary suppression', () => {
  it('blanks complementary cells in a 4 × 3 table with margins so neither small cell can be computed', () => {
    const { finestCells, table } = crossTable('themes-by-relation', themesByRelation);
    const { space, published, secondaryKeys, publishedKeys } = gauss(finestCells, [table]);

    // Without secondary suppression each small cell is its row total minus the rest of the row.
    expect(derivablePrimaries(space, new Set(space.cells.filter((c) => c.value >= K).map((c) => c.index)))).toEqual([
      'discrimination|manager',
      'sexual|manager',
    ]);
    expect(derivablePrimaries(space, published)).toEqual([]);
    expect(secondaryKeys.length).toBeGreaterThanOrEqual(2);
    // Totals are what readers need: the inner cells are sacrificed, every margin and the grand total stay.
    expect(publishedKeys).toEqual(expect.arrayContaining(['total', 'total|manager', 'discrimination|total', 'sexual|total']));
    expect(secondaryKeys.every((key) => !key.includes('total'))).toBe(true);
  });

  it('protects a quarter against differencing the first quarter from the half year', () => {
    // Q1 themes [9, 9, 8, 12] and Q2 [7, 2, 6, 9]: the Q1 table and the H1 table are each safe alone.
    const themes = ['bullying', 'discrimination', 'intimidation', 'sexual'];
    const q1 = [9, 9, 8, 12];
    const q2 = [7, 2, 6, 9];
    const finestCells = themes.flatMap((t, i) => [
      { id: `Q1|${t}`, count: q1[i] },
      { id: `Q2|${t}`, count: q2[i] },
    ]);
    const byTheme = (id: string, quarters: string[]): TableSpec => ({
      id,
      cells: [
        ...themes.map((t) => ({ key: `${id}|${t}`, cells: quarters.map((q) => `${q}|${t}`) })),
        { key: `${id}|total`, cells: themes.flatMap((t) => quarters.map((q) => `${q}|${t}`)) },
      ],
    });
    const tables = [byTheme('Q1', ['Q1']), byTheme('Q2', ['Q2']), byTheme('H1', ['Q1', 'Q2'])];

    // Each table protected on its own leaves Q2 discrimination derivable as H1 minus Q1.
    const alone = tables.map((table) => gauss(finestCells, [table]));
    const shownAlone = alone.flatMap(({ space, published }) => [...published].map((i) => JSON.parse(space.cells[i].signature) as string[]));
    expect(inSpan(['Q2|discrimination'], shownAlone)).toBe(true);

    const linked = gauss(finestCells, tables);
    expect(derivablePrimaries(linked.space, linked.published)).toEqual([]);
    // Something of H1 or Q1 is blanked beyond the Q2 table's own cells: the tables are protected as one system.
    expect(linked.secondaryKeys.some((key) => !key.startsWith('Q2|'))).toBe(true);
  });

  it('blanks a cell that is derivable only by combining two tables', () => {
    // Organisation by theme (year) and site A by theme: site B's harassment figure is their difference.
    const finestCells = [
      { id: 'A|bullying', count: 14 },
      { id: 'A|sexual', count: 9 },
      { id: 'B|bullying', count: 11 },
      { id: 'B|sexual', count: 3 },
    ];
    const organisation: TableSpec = {
      id: 'organisation',
      cells: [
        { key: 'org|bullying', cells: ['A|bullying', 'B|bullying'] },
        { key: 'org|sexual', cells: ['A|sexual', 'B|sexual'] },
        { key: 'org|total', cells: finestCells.map((c) => c.id) },
      ],
    };
    const siteA: TableSpec = {
      id: 'site-a',
      cells: [
        { key: 'A|bullying', cells: ['A|bullying'] },
        { key: 'A|sexual', cells: ['A|sexual'] },
      ],
    };
    const siteB: TableSpec = { id: 'site-b', cells: [{ key: 'B|sexual', cells: ['B|sexual'] }] };

    // With either table alone nothing beyond the primary blank is needed; with both, B|sexual = org − A.
    for (const table of [organisation, siteA]) {
      const pair = gauss(finestCells, [table, siteB]);
      expect(pair.secondaryKeys).toEqual([]);
      expect(derivablePrimaries(pair.space, pair.published)).toEqual([]);
    }
    const together = gauss(finestCells, [organisation, siteA, siteB]);
    expect(derivablePrimaries(together.space, together.published)).toEqual([]);
    expect(together.secondaryKeys.length).toBeGreaterThan(0);
  });

  it('publishes every candidate when no cell is below the threshold', () => {
    const { finestCells, table } = crossTable('all-large', { a: { x: 5, y: 6 }, b: { x: 7, y: 8 } });
    const { secondaryKeys, publishedKeys } = gauss(finestCells, [table]);
    expect(secondaryKeys).toEqual([]);
    expect(publishedKeys).toHaveLength(table.cells.length);
  });

  it('chooses the same cells whatever the order of the input', () => {
    const { finestCells, table } = crossTable('themes-by-relation', themesByRelation);
    const reversed = { ...table, cells: [...table.cells].reverse() };
    expect(gauss([...finestCells].reverse(), [reversed]).secondaryKeys).toEqual(gauss(finestCells, [table]).secondaryKeys);
  });
});
