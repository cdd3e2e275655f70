import { crossTable, themesByRelation } from '../fixtures/cross-table';
import type { LedgerEntry } from '../model';
import { protect } from '../protect';
import { checkAgainstLedger } from './check-against-ledger';

const published = async () => {
  const { finestCells, table } = crossTable('board', themesByRelation);
  return (await protect({ finestCells, tables: [table], publication: 'annual-2026' })).ledgerEntries;
};
const asVersion = (entries: readonly LedgerEntry[], publication: string) =>
  entries.map((entry) => ({ ...entry, publication, table: 'works-council' }));

describe('checkAgainstLedger', () => {
  it('accepts the same figures and blanks published again for another audience', async () => {
    const ledger = await published();
    expect(checkAgainstLedger(ledger, asVersion(ledger, 'annual-2026-wc'))).toEqual([]);
  });

  it('flags a version that shows a blank, a small figure, a changed figure, or lets a primary blank be computed', async () => {
    const ledger = await published();
    const version = asVersion(ledger, 'annual-2026-wc').map((entry) => {
      // Showing the secondary blanks next to the row totals gives the primary ones away.
      if (entry.reason === 'secondary' || entry.reason === 'interval') return { ...entry, value: 6, reason: null };
      if (entry.key === 'sexual|manager') return { ...entry, value: 1, reason: null };
      if (entry.key === 'total') return { ...entry, value: 80 };
      return entry;
    });
    const problems = checkAgainstLedger(ledger, version);
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: 'shown-after-blank', key: 'discrimination|client', publication: 'annual-2026-wc' },
        { kind: 'shown-below-threshold', key: 'sexual|manager', publication: 'annual-2026-wc' },
        { kind: 'value-changed', key: 'total', publication: 'annual-2026-wc' },
        { kind: 'exactly-derivable', key: 'discrimination|manager', publication: 'annual-2026' },
      ]),
    );
  });
});
