import type { LedgerEntry } from '@vertrouwd/disclosure';
import { SITE_TABLES, SITELESS_FIELDS, type YearFigures } from './figures';

/**
 * The organisation's ledger as sums of these figures' finest cells. Entries of other years than this report's two
 * share no finest cell with its tables (every published cell lies within one year), so they are left out. Under
 * schema 2 a case cell without a site (published before sites were kept, or stored compactly by
 * {@link compactLedgerEntry}) is read as the sum of that cell over every site.
 */
export function ledgerOver(figures: YearFigures, entries: readonly LedgerEntry[]): LedgerEntry[] {
  const years = new Set([String(figures.year - 1), String(figures.year)]);
  const ofThisReport = entries.filter((entry) => entry.cells.some((id) => years.has(id.slice(0, 4))));
  if (figures.sites.length === 0) return ofThisReport;
  return ofThisReport.map((entry) => ({
    ...entry,
    cells: entry.cells.flatMap((id) => (fieldsOf(id) === SITELESS_FIELDS ? figures.sites.map((site) => `${id}|${site}`) : [id])).sort(),
  }));
}

/**
 * A ledger entry as stored: a cell of a table over all sites keeps each case cell without its site (so it still
 * means "every site" when a site is added later); a cell of a site's table keeps its sites explicitly.
 */
export function compactLedgerEntry(figures: YearFigures, entry: LedgerEntry): LedgerEntry {
  if (figures.sites.length === 0 || SITE_TABLES.has(entry.table)) return { ...entry, cells: [...entry.cells] };
  const bySiteless = new Map<string, number>();
  const rest: string[] = [];
  for (const id of entry.cells) {
    if (fieldsOf(id) !== SITELESS_FIELDS + 1) rest.push(id);
    else {
      const siteless = id.slice(0, id.lastIndexOf('|'));
      bySiteless.set(siteless, (bySiteless.get(siteless) ?? 0) + 1);
    }
  }
  let listed: ReadonlySet<string> | undefined;
  const compact: string[] = [...rest];
  for (const [siteless, n] of bySiteless) {
    if (n === figures.sites.length) compact.push(siteless);
    else {
      listed ??= new Set(entry.cells);
      compact.push(...figures.sites.map((site) => `${siteless}|${site}`).filter((id) => listed!.has(id)));
    }
  }
  return { ...entry, cells: compact.sort() };
}

/** How many `|`-separated fields an id has (counted, not split: a publication has tens of thousands of ids). */
function fieldsOf(id: string): number {
  let fields = 1;
  for (let at = id.indexOf('|'); at >= 0; at = id.indexOf('|', at + 1)) fields += 1;
  return fields;
}
