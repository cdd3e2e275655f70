import fc from 'fast-check';
import { bruteForceRanges } from '../fixtures/brute-force';
import { crossTable, themesByRelation } from '../fixtures/cross-table';
import { attack, ContradictoryPublicationError, type PublishedFigure } from './attack';

/** Every cell of a table as the reader would see it, with the given keys blank. */
function figures(blank: readonly string[], counts: Record<string, Record<string, number>>): PublishedFigure[] {
  const { finestCells, table } = crossTable('t', counts);
  const count = new Map(finestCells.map((c) => [c.id, c.count]));
  return table.cells.map((cell) => ({
    key: cell.key,
    cells: cell.cells,
    value: blank.includes(cell.key) ? null : cell.cells.reduce((sum, id) => sum + count.get(id)!, 0),
  }));
}

describe('the attacker', () => {
  it('computes the range of each blank in a 2 × 2 table with margins', async () => {
    const report = await attack(figures(['a|x', 'a|y', 'b|x', 'b|y'], { a: { x: 3, y: 4 }, b: { x: 5, y: 6 } }), { crossCheck: true });
    // a|x + a|y = 7, a|x + b|x = 8, b|x + b|y = 11: a|x can be anything from 0 to 7.
    expect(report.blanks.find((b) => b.keys.includes('a|x'))).toMatchObject({ min: 0, max: 7, disclosed: false });
    expect(report.blanks.find((b) => b.keys.includes('b|y'))).toMatchObject({ min: 3, max: 10, disclosed: false });
  });

  it('finds both small cells of the 4 × 3 table when only they are blanked', async () => {
    const report = await attack(figures(['discrimination|manager', 'sexual|manager'], themesByRelation), { crossCheck: true });
    expect(report.disclosures.map((d) => [d.keys[0], d.min, d.max])).toEqual([
      ['discrimination|manager', 2, 2],
      ['sexual|manager', 1, 1],
    ]);
  });

  it('reports a range narrowed below k even when no blank is exact', async () => {
    // Row and column of a 2 × 2 blanked, but the other row pins the blanks to within 3 of a value.
    const report = await attack(figures(['a|x', 'a|y', 'b|x', 'b|y'], { a: { x: 1, y: 1 }, b: { x: 1, y: 1 } }));
    expect(report.disclosures.map((d) => [d.keys[0], d.min, d.max])).toEqual([
      ['a|x', 0, 2],
      ['a|y', 0, 2],
      ['b|x', 0, 2],
      ['b|y', 0, 2],
    ]);
  });

  it('narrows a blank with what the reader knows besides the figures: upper bounds on sums of finest cells', async () => {
    const figures: PublishedFigure[] = [
      { key: 'total', cells: ['a', 'b'], value: 6 },
      { key: 'a', cells: ['a'], value: null },
    ];
    expect((await attack(figures, { crossCheck: true })).blanks[0]).toMatchObject({ min: 0, max: 6, disclosed: false });
    // Neither can have more than 3 (say, a public cap of half the total): then each has exactly 3.
    const capped = await attack(figures, {
      crossCheck: true,
      bounds: [
        { cells: ['a'], atMost: 3 },
        { cells: ['b'], atMost: 3 },
      ],
    });
    expect(capped.disclosures).toEqual([expect.objectContaining({ keys: ['a'], min: 3, max: 3 })]);
  });

  it('reports a blank without a bounding figure as unbounded', async () => {
    const report = await attack([
      { key: 'a', cells: ['1', '2'], value: null },
      { key: 'b', cells: ['2'], value: 6 },
    ]);
    expect(report.blanks).toEqual([{ keys: ['a'], cells: ['1', '2'], min: 6, max: Infinity, disclosed: false }]);
  });

  it('lists figures shown below the threshold', async () => {
    const report = await attack([{ key: 'small', cells: ['1'], value: 3 }]);
    expect(report.shownBelowThreshold).toEqual([{ key: 'small', cells: ['1'], value: 3 }]);
  });

  it('refuses figures that contradict each other', async () => {
    await expect(
      attack([
        { key: 'a', cells: ['1'], value: 3 },
        { key: 'b', cells: ['1'], value: 4 },
      ]),
    ).rejects.toThrow(ContradictoryPublicationError);
  });

  it('agrees with brute-force enumeration on random tiny publications', async () => {
    // Four finest cells, the grand total always shown (so every count is bounded by it), random other cells.
    const system = fc.record({
      counts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
      cells: fc.array(fc.record({ members: fc.subarray([0, 1, 2, 3], { minLength: 1 }), blank: fc.boolean() }), {
        minLength: 1,
        maxLength: 6,
      }),
    });
    await fc.assert(
      fc.asyncProperty(system, async ({ counts, cells }) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const published: PublishedFigure[] = [
          { key: 'total', cells: ['f0', 'f1', 'f2', 'f3'], value: total },
          ...cells.map(({ members, blank }, i) => ({
            key: `c${i}`,
            cells: members.map((m) => `f${m}`),
            value: blank ? null : members.reduce((sum, m) => sum + counts[m], 0),
          })),
        ];
        const expected = bruteForceRanges(published, total);
        const report = await attack(published, { crossCheck: true });
        const attacked = new Map(report.blanks.flatMap((blank) => blank.keys.map((key) => [key, { min: blank.min, max: blank.max }])));
        for (const [key, range] of expected) expect({ key, ...attacked.get(key) }).toEqual({ key, ...range });
      }),
      { seed: 20261205, numRuns: 150 },
    );
  });
});
