import { AlreadyDisclosedError, DisclosureInputError } from '../errors';
import { type CellDefinition, type FinestCell, type LedgerEntry, PROTECTED_TABLE, type TableSpec } from '../model';

/**
 * A distinct published cell: every key, table and ledger entry that sums the same finest cells is one cell, so it
 * is shown or blank everywhere at once (board and works council, a republication, a trend table).
 */
export interface Cell {
  readonly index: number;
  /** The sorted finest-cell ids, as JSON: what makes two cells the same. */
  readonly signature: string;
  readonly columns: readonly number[];
  /** The true sum over the current finest counts. */
  readonly value: number;
  /** Every key it is published under, sorted. */
  readonly keys: readonly string[];
  /** A protected cell (the caller's, or from the ledger): hidden like a primary cell whatever its count. */
  readonly sensitive: boolean;
  /** Shown in an earlier publication: it must stay shown (the figure is out). */
  readonly shownBefore: boolean;
  /**
   * Blank in an earlier publication: the same finest cells, or the same key over a revised definition (a republished
   * figure after late events would bound the old blank from above).
   */
  readonly blankBefore: boolean;
}

export interface CellSpace {
  /** Sorted by signature: nothing downstream depends on the order of the input. */
  readonly cells: readonly Cell[];
  readonly bySignature: ReadonlyMap<string, Cell>;
  /** Finest-cell ids by column index, sorted. */
  readonly columns: readonly string[];
}

interface Occurrence {
  readonly key: string;
  readonly finest: readonly string[];
  readonly ledger?: LedgerEntry;
  readonly sensitive?: boolean;
}

/** Collects the cells of the new tables and the ledger over one set of finest cells, checking they fit together. */
export function buildCellSpace(
  finestCells: readonly FinestCell[],
  ledger: readonly LedgerEntry[],
  tables: readonly TableSpec[],
  protectedCells: readonly CellDefinition[] = [],
): CellSpace {
  const counts = finestCounts(finestCells);
  const occurrences: Occurrence[] = [
    ...ledger.map((entry) => ({
      key: entry.key,
      finest: definition(entry.key, entry.cells, counts),
      ledger: entry,
      sensitive: entry.table === PROTECTED_TABLE,
    })),
    ...tables.flatMap((table) => tableOccurrences(table, counts)),
    ...protectedCells.map((cell) => ({ key: cell.key, finest: definition(cell.key, cell.cells, counts), sensitive: true })),
  ];
  const bySignatureOccurrences = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const signature = JSON.stringify(occurrence.finest);
    bySignatureOccurrences.set(signature, [...(bySignatureOccurrences.get(signature) ?? []), occurrence]);
  }
  const used = [...new Set(occurrences.flatMap((o) => o.finest))].sort(compareText);
  const columnOf = new Map(used.map((id, column) => [id, column]));
  const signatures = [...bySignatureOccurrences.keys()].sort(compareText);
  const blankKeys = new Set(ledger.filter((entry) => entry.value === null).map((entry) => entry.key));
  const cells = signatures.map((signature, index): Cell => {
    const found = bySignatureOccurrences.get(signature)!;
    const finest = found[0].finest;
    const value = finest.reduce((sum, id) => sum + counts.get(id)!, 0);
    const keys = [...new Set(found.map((o) => o.key))].sort(compareText);
    for (const { ledger: entry } of found) {
      if (entry && entry.value !== null && entry.value !== value) {
        throw new DisclosureInputError(
          `Ledger cell ${entry.key} (${entry.publication}) was published as ${entry.value} but its finest cells now count ` +
            `${value}: record late events as finest cells of their own (a later vintage) so earlier figures stay true.`,
        );
      }
    }
    return {
      index,
      signature,
      columns: finest.map((id) => columnOf.get(id)!),
      value,
      keys,
      sensitive: found.some((o) => o.sensitive),
      shownBefore: found.some((o) => o.ledger && o.ledger.value !== null),
      blankBefore: found.some((o) => o.ledger && o.ledger.value === null) || keys.some((key) => blankKeys.has(key)),
    };
  });
  return { cells, bySignature: new Map(cells.map((cell) => [cell.signature, cell])), columns: used };
}

/** Cells already shown with fewer than k cases (possible only when k was raised): nothing can take them back. */
export function assertNothingShownBelow(space: CellSpace, k: number): void {
  const shown = space.cells.filter((cell) => cell.shownBefore && (cell.value < k || cell.sensitive));
  if (shown.length > 0) throw new AlreadyDisclosedError(shown.flatMap((cell) => cell.keys));
}

function finestCounts(finestCells: readonly FinestCell[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const { id, count } of finestCells) {
    if (counts.has(id)) throw new DisclosureInputError(`Finest cell ${id} is listed twice.`);
    if (!Number.isSafeInteger(count) || count < 0) throw new DisclosureInputError(`Finest cell ${id} has count ${count}: not a count.`);
    counts.set(id, count);
  }
  return counts;
}

function tableOccurrences(table: TableSpec, counts: ReadonlyMap<string, number>): Occurrence[] {
  const keys = new Set<string>();
  return table.cells.map((cell) => {
    if (keys.has(cell.key)) throw new DisclosureInputError(`Table ${table.id} has two cells keyed ${cell.key}.`);
    keys.add(cell.key);
    return { key: cell.key, finest: definition(cell.key, cell.cells, counts) };
  });
}

function definition(key: string, cells: readonly string[], counts: ReadonlyMap<string, number>): readonly string[] {
  if (cells.length === 0) throw new DisclosureInputError(`Cell ${key} sums no finest cells.`);
  const sorted = [...cells].sort(compareText);
  sorted.forEach((id, i) => {
    if (!counts.has(id)) throw new DisclosureInputError(`Cell ${key} refers to finest cell ${id}, which has no count.`);
    if (i > 0 && sorted[i - 1] === id) throw new DisclosureInputError(`Cell ${key} lists finest cell ${id} twice.`);
  });
  return sorted;
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
