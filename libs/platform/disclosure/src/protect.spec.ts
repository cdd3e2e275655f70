import fc from 'fast-check';
import { attack } from './attack/attack';
import { AlreadyDisclosedError, DisclosureInputError } from './errors';
import { annualReport, caseHistory, finestCellsOf } from './fixtures/case-history';
import { crossTable, themesByRelation } from './fixtures/cross-table';
import type { FinestCell, LedgerEntry, ProtectResult, TableSpec } from './model';
import { protect } from './protect';

const reasons = (result: ProtectResult) =>
  Object.fromEntries(result.tables.flatMap((t) => t.cells.filter((c) => c.suppressed).map((c) => [`${t.id}:${c.key}`, c.reason])));

const quarters = ['Q1', 'Q2'];
const themes = ['bullying', 'discrimination', 'intimidation', 'sexual'];
const quarterCounts: Record<string, number[]> = { Q1: [9, 9, 8, 12], Q2: [7, 2, 6, 9] };
const quarterCells: FinestCell[] = quarters.flatMap((q) => themes.map((t, i) => ({ id: `${q}|${t}`, count: quarterCounts[q][i] })));
const byTheme = (id: string, periods: string[]): TableSpec => ({
  id,
  cells: [
    ...themes.map((t) => ({ key: `${id}|${t}`, cells: periods.map((q) => `${q}|${t}`) })),
    { key: `${id}|total`, cells: themes.flatMap((t) => periods.map((q) => `${q}|${t}`)) },
  ],
});

describe('protect', () => {
  it('leaves no blank of the 4 × 3 table computable or narrowed below k', async () => {
    const { finestCells, table } = crossTable('themes-by-relation', themesByRelation);
    const result = await protect({ finestCells, tables: [table], publication: 'annual-2026' });

    expect(reasons(result)).toMatchObject({
      'themes-by-relation:discrimination|manager': 'primary',
      'themes-by-relation:sexual|manager': 'primary',
    });
    expect(Object.values(reasons(result))).toContain('secondary');
    const report = await attack(result.ledgerEntries, { crossCheck: true });
    expect(report.disclosures).toEqual([]);
    expect(report.shownBelowThreshold).toEqual([]);
  });

  it('shows every figure at its true sum', async () => {
    const { finestCells, table } = crossTable('themes-by-relation', themesByRelation);
    const count = new Map(finestCells.map((c) => [c.id, c.count]));
    const result = await protect({ finestCells, tables: [table], publication: 'annual-2026' });
    for (const cell of result.tables[0].cells.filter((c) => !c.suppressed)) {
      expect(cell.value).toBe(cell.cells.reduce((sum, id) => sum + count.get(id)!, 0));
    }
  });

  it('protects Q2 against H1 minus Q1 when the three tables are published together', async () => {
    const result = await protect({
      finestCells: quarterCells,
      tables: [byTheme('Q1', ['Q1']), byTheme('Q2', ['Q2']), byTheme('H1', quarters)],
      publication: 'h1',
    });
    expect(reasons(result)['Q2:Q2|discrimination']).toBe('primary');
    expect((await attack(result.ledgerEntries, { crossCheck: true })).disclosures).toEqual([]);
  });

  it('protects a half-year table against the quarter published before it', async () => {
    const first = await protect({ finestCells: quarterCells, tables: [byTheme('Q1', ['Q1'])], publication: 'q1' });
    expect(reasons(first)).toEqual({});
    const second = await protect({
      finestCells: quarterCells,
      ledger: first.ledgerEntries,
      tables: [byTheme('Q2', ['Q2']), byTheme('H1', quarters)],
      publication: 'h1',
    });

    // Q1 is out and stays out, so H1 must give way instead.
    expect(Object.keys(reasons(second)).some((key) => key.startsWith('H1:'))).toBe(true);
    const report = await attack([...first.ledgerEntries, ...second.ledgerEntries], { crossCheck: true });
    expect(report.disclosures).toEqual([]);
  });

  it('holds a cell published before to the k it was published at, and what is new to a raised k', async () => {
    // Q1 published at k = 5 (every theme 8 or more, all shown); then the threshold is raised to 10.
    const first = await protect({ finestCells: quarterCells, tables: [byTheme('Q1', ['Q1'])], publication: 'q1' });
    const ledger = first.ledgerEntries.map((entry) => ({ ...entry, k: 5 }));
    const second = await protect({
      k: 10,
      finestCells: quarterCells,
      ledger,
      tables: [byTheme('Q1', ['Q1']), byTheme('Q2', ['Q2']), byTheme('H1', quarters)],
      publication: 'h1',
    });

    // Q1's 9, 9 and 8 are out: shown again as they were, not refused as below 10. Q2's themes (7, 2, 6, 9) are new.
    const shown = (id: string) => Object.fromEntries(second.tables.find((t) => t.id === id)!.cells.map((c) => [c.key, c.value]));
    expect(shown('Q1')).toEqual({ 'Q1|bullying': 9, 'Q1|discrimination': 9, 'Q1|intimidation': 8, 'Q1|sexual': 12, 'Q1|total': 38 });
    expect(Object.values(shown('Q2')).slice(0, 4)).toEqual([null, null, null, null]);
    // No new blank can be narrowed to fewer than 10 values, counting everything published at either k.
    const report = await attack([...ledger, ...second.ledgerEntries], { k: 10 });
    expect(report.disclosures).toEqual([]);
    expect(report.blanks.length).toBeGreaterThan(0);
  });

  it('keeps a blank blank when the same cell is published again, for another audience or as a new version', async () => {
    const { finestCells, table } = crossTable('board', themesByRelation);
    const board = await protect({ finestCells, tables: [table], publication: 'annual-2026' });
    const councilTable = {
      ...table,
      id: 'works-council',
      cells: table.cells.filter((c) => c.key.endsWith('total') || c.key.includes('manager')),
    };
    const council = await protect({ finestCells, ledger: board.ledgerEntries, tables: [councilTable], publication: 'annual-2026-wc' });

    const blankOnBoard = new Set(board.tables[0].cells.filter((c) => c.suppressed).map((c) => c.key));
    for (const cell of council.tables[0].cells) {
      if (blankOnBoard.has(cell.key)) expect(cell.suppressed).toBe(true);
    }
    expect(reasons(council)['works-council:discrimination|manager']).toBe('primary');
    const again = await protect({
      finestCells,
      ledger: [...board.ledgerEntries, ...council.ledgerEntries],
      tables: [table],
      publication: 'annual-2026-v2',
    });
    expect(again.tables[0].cells.map((c) => c.suppressed)).toEqual(board.tables[0].cells.map((c) => c.suppressed));
    expect(
      Object.values(reasons(again))
        .filter((r) => r !== 'primary')
        .every((r) => r === 'ledger'),
    ).toBe(true);
  });

  it('refuses a table whose small cell the ledger already gives away', async () => {
    const ledger = (
      await protect({ finestCells: quarterCells, tables: [byTheme('Q1', ['Q1']), byTheme('H1', quarters)], publication: 'h1' })
    ).ledgerEntries;
    // Both tables were safe without the Q2 table; Q2|discrimination (2) is H1 minus Q1, already shown.
    expect(ledger.every((entry) => entry.value !== null)).toBe(true);
    await expect(protect({ finestCells: quarterCells, ledger, tables: [byTheme('Q2', ['Q2'])], publication: 'q2' })).rejects.toThrow(
      AlreadyDisclosedError,
    );
  });

  it('refuses a ledger whose figures no longer match the finest cells', async () => {
    const ledger: LedgerEntry[] = [{ publication: 'q1', table: 'Q1', key: 'Q1|bullying', cells: ['Q1|bullying'], value: 8, reason: null }];
    await expect(protect({ finestCells: quarterCells, ledger, tables: [byTheme('Q1', ['Q1'])], publication: 'q1-v2' })).rejects.toThrow(
      DisclosureInputError,
    );
  });

  it('keeps the late cases between a report and its revision hidden when asked to', async () => {
    // Q1 by theme, published; then a late bullying case arrives and Q1 is republished over both vintages.
    const finestCells = themes.flatMap((t, i) => [
      { id: `Q1|${t}|v1`, count: quarterCounts.Q1[i] },
      { id: `Q1|${t}|v2`, count: t === 'bullying' ? 1 : 0 },
    ]);
    const q1 = (vintages: string[]): TableSpec => ({
      id: 'Q1',
      cells: [
        ...themes.map((t) => ({ key: `Q1|${t}`, cells: vintages.map((v) => `Q1|${t}|${v}`) })),
        { key: 'Q1|total', cells: themes.flatMap((t) => vintages.map((v) => `Q1|${t}|${v}`)) },
      ],
    });
    const late = { key: 'Q1|late', cells: themes.map((t) => `Q1|${t}|v2`) };
    const first = await protect({ finestCells, tables: [q1(['v1'])], publication: 'q1' });

    const naive = await protect({ finestCells, ledger: first.ledgerEntries, tables: [q1(['v1', 'v2'])], publication: 'q1-revised' });
    const naiveAttack = await attack([...first.ledgerEntries, ...naive.ledgerEntries, { ...late, value: null }]);
    expect(naiveAttack.disclosures.map((d) => [d.keys[0], d.min, d.max])).toEqual([['Q1|late', 1, 1]]);

    const revised = await protect({
      finestCells,
      ledger: first.ledgerEntries,
      tables: [q1(['v1', 'v2'])],
      protectedCells: [late],
      publication: 'q1-revised',
    });
    expect(revised.ledgerEntries.find((entry) => entry.key === 'Q1|late')).toMatchObject({
      table: '(protected)',
      value: null,
      reason: 'primary',
    });
    expect((await attack([...first.ledgerEntries, ...revised.ledgerEntries], { crossCheck: true })).disclosures).toEqual([]);
  });

  it('blanks zero counts as primary cells', async () => {
    const { finestCells, table } = crossTable('zeros', { a: { x: 0, y: 9 }, b: { x: 8, y: 7 } });
    const result = await protect({ finestCells, tables: [table], publication: 'p' });
    expect(reasons(result)['zeros:a|x']).toBe('primary');
    expect((await attack(result.ledgerEntries)).disclosures).toEqual([]);
  });

  it('raises the threshold on request and refuses one below 5', async () => {
    const { finestCells, table } = crossTable('themes-by-relation', themesByRelation);
    const strict = await protect({ k: 8, finestCells, tables: [table], publication: 'p' });
    expect(reasons(strict)['themes-by-relation:bullying|client']).toBe('primary');
    expect((await attack(strict.ledgerEntries, { k: 8 })).disclosures).toEqual([]);
    await expect(protect({ k: 3, finestCells, tables: [table], publication: 'p' })).rejects.toThrow(DisclosureInputError);
  });

  it('gives the same bytes whatever the order of the finest cells and tables', async () => {
    const { finestCells, table } = crossTable('themes-by-relation', themesByRelation);
    const tables = [table, byTheme('Q1', ['Q1']), byTheme('H1', quarters)];
    const input = { finestCells: [...finestCells, ...quarterCells], publication: 'p' };
    const forward = await protect({ ...input, tables });
    const backward = await protect({ ...input, finestCells: [...input.finestCells].reverse(), tables: [...tables].reverse() });
    expect(JSON.stringify([...backward.tables].reverse())).toBe(JSON.stringify(forward.tables));
  });

  it('takes the finest cells as two lists, ids and counts, with the same result byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(caseHistory, async (history) => {
        const finestCells = finestCellsOf(history);
        const ids = finestCells.map((cell) => cell.id);
        const tables = annualReport(history, 2026, [1], true);
        let ledger: LedgerEntry[] = [];
        // The same ids array for every call, as the annual report passes it, with the counts of the moment.
        for (const publication of ['annual-2026', 'annual-2026-again']) {
          const asObjects = await protect({ finestCells, ledger, tables, publication });
          const asLists = await protect({
            finestCells: { ids, counts: Int32Array.from(finestCells, (c) => c.count) },
            ledger,
            tables,
            publication,
          });
          expect(JSON.stringify(asLists)).toBe(JSON.stringify(asObjects));
          ledger = [...ledger, ...asLists.ledgerEntries];
        }
      }),
      { seed: 56, numRuns: 10 },
    );
    const { table } = crossTable('themes-by-relation', themesByRelation);
    const ids = table.cells.flatMap((cell) => cell.cells);
    const refused = (counts: number[]) => protect({ finestCells: { ids, counts }, tables: [table], publication: 'p' });
    await expect(refused(ids.map(() => 1).slice(1))).rejects.toThrow(DisclosureInputError);
    await expect(refused(ids.map((_, i) => (i === 2 ? -1 : 6)))).rejects.toThrow(/has count -1/);
    await expect(refused(ids.map((_, i) => (i === 2 ? 1.5 : 6)))).rejects.toThrow(/has count 1.5/);
  });
});
