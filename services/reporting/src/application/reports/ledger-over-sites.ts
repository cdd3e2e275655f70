import type { LedgerEntry } from '@vertrouwd/disclosure';
import type { LedgerEntry as StoredLedgerEntry } from '../../domain/reports/organisation-reports.events';
import { SITE_TABLES, SITELESS_FIELDS, type YearFigures } from './figures';
import { cellsOfProduct, productOf } from './ledger-cells';

/**
 * The organisation's ledger as sums of these figures' finest cells. Entries of other years than this report's two
 * share no finest cell with its tables (every published cell lies within one year), so they are left out. Under
 * schema 2 a case cell without a site (published before sites were kept, or stored compactly by
 * {@link compactLedgerEntry}) is read as the sum of that cell over every site. An entry stored as a product (ADR 0056)
 * is read as the ids it expands to; the lists made are shared between calls (per product and sites), never changed.
 */
export function ledgerOver(figures: YearFigures, entries: readonly StoredLedgerEntry[]): LedgerEntry[] {
  const years = new Set([String(figures.year - 1), String(figures.year)]);
  const sitesKey = figures.sites.join(',');
  const ofThisReport: LedgerEntry[] = [];
  for (const { product, cells: listed, ...entry } of entries) {
    const cells = product ? cellsOfProduct(product) : (listed ?? []);
    if (!cells.some((id) => years.has(id.slice(0, 4)))) continue;
    ofThisReport.push({ ...entry, cells: figures.sites.length === 0 ? cells : overSites(cells, figures.sites, sitesKey) });
  }
  return ofThisReport;
}

function overSites(cells: readonly string[], sites: readonly string[], sitesKey: string): readonly string[] {
  let bySites = overSitesMade.get(cells);
  if (!bySites) overSitesMade.set(cells, (bySites = new Map<string, readonly string[]>()));
  let made = bySites.get(sitesKey);
  if (!made) {
    made = cells.flatMap((id) => (fieldsOf(id) === SITELESS_FIELDS ? sites.map((site) => `${id}|${site}`) : [id])).sort();
    bySites.set(sitesKey, made);
  }
  return made;
}
const overSitesMade = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * The entries as a publication stores them (ADR 0056): each cell compacted over sites ({@link compactLedgerEntry}),
 * then written as a product of field values when it is one (every cell of the annual report is), else listed. A cell
 * of the report's shared layout is compacted once per layout.
 */
export function storedLedger(figures: YearFigures, entries: readonly LedgerEntry[]): StoredLedgerEntry[] {
  const definitions = definitionsOf(figures);
  return entries.map((entry) => {
    const definition = definitions.get(`${entry.table}\u0000${entry.key}`);
    let cells = definition && definition.length === entry.cells.length ? storedCellsOfDefinition.get(definition) : undefined;
    if (!cells) {
      const compact = compactLedgerEntry(figures, entry).cells;
      const product = productOf(compact);
      cells = product ? { product } : { cells: compact };
      if (definition && definition.length === entry.cells.length) storedCellsOfDefinition.set(definition, cells);
    }
    return { publication: entry.publication, table: entry.table, key: entry.key, ...cells, value: entry.value, reason: entry.reason };
  });
}
const storedCellsOfDefinition = new WeakMap<readonly string[], Pick<StoredLedgerEntry, 'cells' | 'product'>>();

/** The layout's cell lists by table and key (the layout's tables are shared per year and sites, so this is too). */
function definitionsOf(figures: YearFigures): ReadonlyMap<string, readonly string[]> {
  let found = definitionsOfTables.get(figures.tables);
  if (!found) {
    found = new Map(figures.tables.flatMap((table) => table.cells.map((cell) => [`${table.id}\u0000${cell.key}`, cell.cells] as const)));
    definitionsOfTables.set(figures.tables, found);
  }
  return found;
}
const definitionsOfTables = new WeakMap<YearFigures['tables'], ReadonlyMap<string, readonly string[]>>();

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
