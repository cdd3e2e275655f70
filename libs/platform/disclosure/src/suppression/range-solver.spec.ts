import fc from 'fast-check';
import { highsSolver } from '../highs-runtime';
import type { TableSpec } from '../model';
import { buildCellSpace, type Cell } from './cell-space';
import { primaryMarks } from './interval-protection';
import {
  blankingCannotWiden,
  linkedCells,
  markedRange,
  markedRangeWhole,
  markedRangeWiderThan,
  markHidesEnough,
  type RangeContext,
  width,
} from './range-solver';
import { structureOf } from './structure';

jest.setTimeout(240_000);

const K = 5;

/**
 * A cross-classified table set: finest cells for every combination of 3 or 4 dimensions' categories, sparse counts
 * (as an organisation's cases are), a total, every one-way margin and the two-way tables of the first three dimensions. Several margins over the same
 * finest cells with marked blanks among them give LP relaxations with fractional vertices, so the shortcuts that
 * avoid a MIP over every column (column generation, MIPs over the generated and the reduced-cost-allowed columns,
 * points kept between targets, cases moved between classes) all meet work to do.
 */
const crossTables = fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 3, maxLength: 5 }).chain((sizes) => {
  const combinations = sizes.reduce<number[][]>(
    (all, size) => all.flatMap((prefix) => Array.from({ length: size }, (_, v) => [...prefix, v])),
    [[]],
  );
  return fc.record({
    sizes: fc.constant(sizes),
    combinations: fc.constant(combinations),
    counts: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }), {
      minLength: combinations.length,
      maxLength: combinations.length,
    }),
  });
});

function tablesOf(sizes: readonly number[], combinations: readonly (readonly number[])[]): TableSpec[] {
  const id = (combination: readonly number[]) => `f${combination.join('.')}`;
  const cellsWhere = (test: (combination: readonly number[]) => boolean) => combinations.filter(test).map(id);
  const oneWay = sizes.flatMap((size, d) =>
    Array.from({ length: size }, (_, v) => ({ key: `d${d}=${v}`, cells: cellsWhere((c) => c[d] === v) })),
  );
  // Every two-way table of the first three dimensions: margins of a three-way table, whose LP has fractional vertices.
  const twoWay = [
    [0, 1],
    [0, 2],
    [1, 2],
  ].flatMap(([d, e]) =>
    Array.from({ length: sizes[d] * sizes[e] }, (_, i) => {
      const [a, b] = [Math.floor(i / sizes[e]), i % sizes[e]];
      return { key: `d${d}=${a}&d${e}=${b}`, cells: cellsWhere((c) => c[d] === a && c[e] === b) };
    }),
  );
  return [
    { id: 'margins', cells: [{ key: 'total', cells: combinations.map(id) }, ...oneWay] },
    { id: 'cross', cells: twoWay },
  ];
}

async function contextOf(
  cells: Parameters<typeof buildCellSpace>,
  bounds: boolean,
  mipOverGeneratedFirst = true,
): Promise<{ context: RangeContext; cells: readonly Cell[] }> {
  const space = buildCellSpace(...cells);
  const structure = structureOf(space, bounds);
  return {
    context: {
      highs: await highsSolver(),
      structure,
      bounds,
      models: new Map(),
      rowClasses: new Map(),
      points: new Map(),
      mipOverGeneratedFirst,
    },
    cells: space.cells,
  };
}

describe('the marked range of a primary blank', () => {
  it('is the same by every shortcut as by a MIP over every finest cell', async () => {
    await fc.assert(
      fc.asyncProperty(crossTables, async ({ sizes, combinations, counts }) => {
        const finest = combinations.map((combination, i) => ({ id: `f${combination.join('.')}`, count: counts[i] }));
        const input: Parameters<typeof buildCellSpace> = [finest, [], tablesOf(sizes, combinations)];
        // Two fast contexts: one asks only whether each mark hides enough (points kept and moves first), the other
        // only for each range (the MIPs' shortcuts), so neither reuses what the other computed.
        const hides = await contextOf(input, true);
        const ranges = await contextOf(input, true);
        // And one whose every MIP goes through the reduced costs, as when the generated columns fall short.
        const byReducedCosts = await contextOf(input, true, false);
        const reference = await contextOf(input, false);
        const shownOf = (cells: readonly Cell[]) => cells.filter((cell) => cell.value >= K);
        const marksOf = (cells: readonly Cell[]) => primaryMarks(cells, new Set(shownOf(cells).map((cell) => cell.index)), K);
        const [hidesMarks, rangesMarks, reducedMarks, referenceMarks] = [hides, ranges, byReducedCosts, reference].map(({ cells }) =>
          marksOf(cells),
        );
        expect(hidesMarks.map((mark) => mark.cell.index)).toEqual(referenceMarks.map((mark) => mark.cell.index));
        const hidden = hidesMarks.map((mark) => markHidesEnough(hides.context, mark, shownOf(hides.cells), hidesMarks));
        referenceMarks.forEach((mark, i) => {
          const expected = markedRange(reference.context, mark, shownOf(reference.cells), referenceMarks);
          expect(markedRange(ranges.context, rangesMarks[i], shownOf(ranges.cells), rangesMarks)).toEqual(expected);
          expect(markedRange(byReducedCosts.context, reducedMarks[i], shownOf(byReducedCosts.cells), reducedMarks)).toEqual(expected);
          expect(markHidesEnough(reference.context, mark, shownOf(reference.cells), referenceMarks)).toBe(hidden[i]);
          expect(hidden[i]).toBe(expected.min === 0 && expected.max === mark.atMost);
        });
      }),
      { seed: 1207, numRuns: 25 },
    );
  });

  it("gives the reference's verdict on whether blanking a shown cell widens a narrow one", async () => {
    await fc.assert(
      fc.asyncProperty(crossTables, async ({ sizes, combinations, counts }) => {
        const finest = combinations.map((combination, i) => ({ id: `f${combination.join('.')}`, count: counts[i] }));
        const input: Parameters<typeof buildCellSpace> = [finest, [], tablesOf(sizes, combinations)];
        const fast = await contextOf(input, true);
        const reference = await contextOf(input, false);
        const shownOf = (cells: readonly Cell[]) => cells.filter((cell) => cell.value >= K);
        const marksOf = (cells: readonly Cell[]) => primaryMarks(cells, new Set(shownOf(cells).map((cell) => cell.index)), K);
        const [fastMarks, referenceMarks] = [marksOf(fast.cells), marksOf(reference.cells)];
        for (const [i, mark] of referenceMarks.entries()) {
          const shown = shownOf(reference.cells);
          const range = markedRange(reference.context, mark, shown, referenceMarks);
          // Only a blank its mark does not hide enough gets a cell blanked for it (interval-protection.ts).
          if (range.min === 0 && range.max === mark.atMost) continue;
          const before = width(range);
          const fastShown = shownOf(fast.cells);
          // The candidates interval protection tries: shown cells linked to the blank, at most its first eight.
          const linked = new Set(linkedCells(mark.cell, [...shown, ...referenceMarks.map((m) => m.cell)], reference.context.structure));
          const candidates = [...shown.entries()].filter(([, cell]) => linked.has(cell)).slice(0, 8);
          for (const [c, candidate] of candidates) {
            const without = markedRange(
              reference.context,
              mark,
              shown.filter((cell) => cell !== candidate),
              referenceMarks,
            );
            const fastWithout = fastShown.filter((_, d) => d !== c);
            if (blankingCannotWiden(fast.context, fastMarks[i], fastShown, fastMarks, fastShown[c], before))
              expect(width(without)).toBeLessThanOrEqual(before);
            if (markedRangeWhole(fast.context, fastMarks[i], fastWithout, fastMarks)) expect(without).toEqual({ min: 0, max: mark.atMost });
            expect(markedRangeWiderThan(fast.context, fastMarks[i], fastWithout, fastMarks, before)).toBe(width(without) > before);
          }
        }
      }),
      { seed: 76, numRuns: 8 },
    );
  });
});
