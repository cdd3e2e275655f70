import { AlreadyDisclosedError, DisclosureInputError } from '../errors';
import {
  type CellDefinition,
  DEFAULT_K,
  type FinestCell,
  type FinestCounts,
  type LedgerEntry,
  PROTECTED_TABLE,
  type TableSpec,
} from '../model';

/**
 * A distinct published cell: every key, table and ledger entry that sums the same finest cells is one cell, so it
 * is shown or blank everywhere at once (board and works council, a republication, a trend table).
 */
export interface Cell {
  /** The cell's place in the order of signatures. */
  readonly index: number;
  /** The sorted finest-cell ids, as JSON: what makes two cells the same, and their order (made when first read). */
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
  /** The lowest k of its ledger entries (see {@link thresholdOf}); undefined when no earlier publication had it. */
  readonly ledgerK: number | undefined;
}

/**
 * The threshold a cell is held to: the lowest k of the publications that had it (the first one's while k only
 * rises), else this publication's. A figure shown at k = 5 stays shown once an agency raised k to 7 (it is out, and showing it
 * again tells nothing new), and a blank keeps the range it was protected to; new cells get the new k.
 */
export function thresholdOf(cell: Cell, k: number): number {
  return cell.ledgerK ?? k;
}

export interface CellSpace {
  /** Sorted by signature (so `index` order is signature order): nothing downstream depends on the order of the input. */
  readonly cells: readonly Cell[];
  /** Each definition given (a table's cell, a protected cell) and the cell it is. */
  readonly byDefinition: ReadonlyMap<CellDefinition, Cell>;
  /** Finest-cell ids by column index, sorted. */
  readonly columns: readonly string[];
  /** The true count of each column's finest cell. */
  readonly counts: Float64Array;
  /** What does not depend on the counts: the same object when the same cells are built again (see shapeOf). */
  readonly shape: Shape;
}

/**
 * Which finest cells each cell sums, without counts: the columns, the cells in signature order and the occurrences
 * each one is. An organisation's reports all have the same shape when their tables and ledger are the same lists
 * (the annual report's layout is shared per year and sites), so it is kept from the last build and reused when the
 * same rank lists come again; structureOf keeps its atoms per shape.
 */
export interface Shape {
  /** Finest-cell ids by column index, sorted. */
  readonly columns: readonly string[];
  readonly rankOfColumn: Int32Array;
  /** Per cell (in signature order): its columns, ascending. */
  readonly columnsOf: readonly (readonly number[])[];
  /** Per cell: the occurrences (by position in the input) that are it. */
  readonly groups: readonly Int32Array[];
}

let lastShape: { readonly ids: readonly string[]; readonly ranks: readonly Int32Array[]; readonly shape: Shape } | undefined;

function shapeOf(occurrences: readonly Occurrence[], ids: readonly string[]): Shape {
  const previous = lastShape;
  if (
    previous &&
    previous.ids === ids &&
    previous.ranks.length === occurrences.length &&
    occurrences.every((occurrence, i) => previous.ranks[i] === occurrence.ranks)
  )
    return previous.shape;
  // The columns are the finest cells some occurrence refers to, in code-unit order of their ids.
  const columnOfRank = new Int32Array(ids.length).fill(-1);
  for (const { ranks } of occurrences) for (const rank of ranks) columnOfRank[rank] = 0;
  const columns: string[] = [];
  const rankOfColumn: number[] = [];
  for (let rank = 0; rank < ids.length; rank++) {
    if (columnOfRank[rank] < 0) continue;
    columnOfRank[rank] = columns.length;
    columns.push(ids[rank]);
    rankOfColumn.push(rank);
  }
  // Occurrences of the same finest cells are one cell: grouped by a hash of their ranks, compared exactly.
  const groups: number[][] = [];
  const byHash = new Map<number, number[][]>();
  occurrences.forEach((occurrence, i) => {
    const hash = hashOf(occurrence.ranks);
    const candidates = byHash.get(hash) ?? [];
    let group = candidates.find((found) => sameRanks(occurrences[found[0]].ranks, occurrence.ranks));
    if (!group) {
      group = [];
      candidates.push(group);
      byHash.set(hash, candidates);
      groups.push(group);
    }
    group.push(i);
  });
  groups.sort((a, b) => compareSignatures(occurrences[a[0]].ranks, occurrences[b[0]].ranks, ids));
  const shape: Shape = {
    columns,
    rankOfColumn: Int32Array.from(rankOfColumn),
    columnsOf: groups.map((group) => Array.from(occurrences[group[0]].ranks, (rank) => columnOfRank[rank])),
    groups: groups.map((group) => Int32Array.from(group)),
  };
  lastShape = { ids, ranks: occurrences.map((o) => o.ranks), shape };
  return shape;
}

interface Occurrence {
  readonly key: string;
  /** The finest cells by rank (their position in code-unit order among all finest cells), ascending. */
  readonly ranks: Int32Array;
  readonly ledger?: LedgerEntry;
  readonly sensitive?: boolean;
  readonly definition?: CellDefinition;
}

/** Collects the cells of the new tables and the ledger over one set of finest cells, checking they fit together. */
export function buildCellSpace(
  finestCells: readonly FinestCell[] | FinestCounts,
  ledger: readonly LedgerEntry[],
  tables: readonly TableSpec[],
  protectedCells: readonly CellDefinition[] = [],
): CellSpace {
  const finest = rankedFinestCells(finestCells);
  const occurrences: Occurrence[] = [
    ...ledger.map((entry) => ({
      key: entry.key,
      ranks: definition(entry.key, entry.cells, finest),
      ledger: entry,
      sensitive: entry.table === PROTECTED_TABLE,
    })),
    ...tables.flatMap((table) => tableOccurrences(table, finest)),
    ...protectedCells.map((cell) => ({
      key: cell.key,
      ranks: definition(cell.key, cell.cells, finest),
      sensitive: true,
      definition: cell,
    })),
  ];
  const shape = shapeOf(occurrences, finest.ids);
  const counts = new Float64Array(shape.columns.length);
  for (let column = 0; column < counts.length; column++) counts[column] = finest.counts[shape.rankOfColumn[column]];
  const values = cellValues(shape, counts);
  const groups = shape.groups.map((members) => Array.from(members, (i) => occurrences[i]));
  const groupOf = new Map<Occurrence, Occurrence[]>();
  for (const group of groups) for (const occurrence of group) groupOf.set(occurrence, group);
  const blankKeys = new Set(ledger.filter((entry) => entry.value === null).map((entry) => entry.key));
  const cellOfGroup = new Map<Occurrence[], Cell>();
  const cells = groups.map((found, index): Cell => {
    const { ranks } = found[0];
    const columns = shape.columnsOf[index];
    const value = values[index];
    const keys = [...new Set(found.map((o) => o.key))].sort(compareText);
    for (const { ledger: entry } of found) {
      if (entry && entry.value !== null && entry.value !== value) {
        throw new DisclosureInputError(
          `Ledger cell ${entry.key} (${entry.publication}) was published as ${entry.value} but its finest cells now count ` +
            `${value}: record late events as finest cells of their own (a later vintage) so earlier figures stay true.`,
        );
      }
    }
    let signature: string | undefined;
    const cell: Cell = {
      index,
      get signature() {
        signature ??= JSON.stringify(Array.from(ranks, (rank) => finest.ids[rank]));
        return signature;
      },
      columns,
      value,
      keys,
      sensitive: found.some((o) => o.sensitive),
      shownBefore: found.some((o) => o.ledger && o.ledger.value !== null),
      blankBefore: found.some((o) => o.ledger && o.ledger.value === null) || keys.some((key) => blankKeys.has(key)),
      ledgerK: ledgerKOf(found),
    };
    cellOfGroup.set(found, cell);
    return cell;
  });
  const byDefinition = new Map<CellDefinition, Cell>();
  for (const occurrence of occurrences)
    if (occurrence.definition) byDefinition.set(occurrence.definition, cellOfGroup.get(groupOf.get(occurrence)!)!);
  return { cells, byDefinition, columns: shape.columns, counts, shape };
}

/**
 * Each cell's true sum, from the columns that count anything: most finest cells of a report are empty, so this reads
 * each column once and adds only the non-empty ones to the cells they lie in (by the shape's column incidence).
 */
function cellValues(shape: Shape, counts: Float64Array): Float64Array {
  const { start, cells } = incidenceOf(shape);
  const values = new Float64Array(shape.columnsOf.length);
  for (let column = 0; column < counts.length; column++) {
    const count = counts[column];
    if (count !== 0) for (let at = start[column]; at < start[column + 1]; at++) values[cells[at]] += count;
  }
  return values;
}

/** Per column, the cells it lies in (compressed: `cells[start[c]…start[c+1]]`), made once per shape. */
function incidenceOf(shape: Shape): { readonly start: Int32Array; readonly cells: Int32Array } {
  let found = incidences.get(shape);
  if (found) return found;
  const start = new Int32Array(shape.columns.length + 1);
  for (const columns of shape.columnsOf) for (const column of columns) start[column + 1] += 1;
  for (let column = 0; column < shape.columns.length; column++) start[column + 1] += start[column];
  const next = start.slice(0, shape.columns.length);
  const cells = new Int32Array(start[shape.columns.length]);
  shape.columnsOf.forEach((columns, cell) => {
    for (const column of columns) cells[next[column]++] = cell;
  });
  incidences.set(shape, (found = { start, cells }));
  return found;
}
const incidences = new WeakMap<Shape, { readonly start: Int32Array; readonly cells: Int32Array }>();

function hashOf(ranks: Int32Array): number {
  let hash = 0x811c9dc5 ^ ranks.length;
  for (const rank of ranks) hash = Math.imul(hash ^ rank, 0x01000193);
  return hash;
}

function sameRanks(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The order of two cells' signatures (the JSON of their sorted finest-cell ids) in code units, without writing them:
 * up to the first id where they differ the texts are the same; there the JSON of the two ids decides (neither is a
 * prefix of the other: each ends in its only unescaped quote); when one list is a prefix of the other, the longer
 * one's "," sorts before the shorter one's "]".
 */
function compareSignatures(a: Int32Array, b: Int32Array, ids: readonly string[]): number {
  for (let i = 0; ; i++) {
    if (i === a.length || i === b.length) return i === a.length ? (i === b.length ? 0 : 1) : -1;
    if (a[i] !== b[i]) return compareText(JSON.stringify(ids[a[i]]), JSON.stringify(ids[b[i]]));
  }
}

const sortedIds = new WeakMap<Shape, Map<number, readonly string[]>>();

/** The cell's finest-cell ids in code-unit order (shared per shape: copy before handing out). */
export function sortedIdsOf(space: CellSpace, cell: Cell): readonly string[] {
  let byCell = sortedIds.get(space.shape);
  if (!byCell) sortedIds.set(space.shape, (byCell = new Map<number, readonly string[]>()));
  let ids = byCell.get(cell.index);
  if (!ids) byCell.set(cell.index, (ids = space.shape.columnsOf[cell.index].map((column) => space.columns[column])));
  return ids;
}

/** Cells already shown with fewer than k cases (possible only when k was raised): nothing can take them back. */
function ledgerKOf(found: readonly Occurrence[]): number | undefined {
  let lowest: number | undefined;
  for (const { ledger } of found) if (ledger) lowest = Math.min(lowest ?? Infinity, ledger.k ?? DEFAULT_K);
  return lowest;
}

export function assertNothingShownBelow(space: CellSpace, k: number): void {
  const shown = space.cells.filter((cell) => cell.shownBefore && (cell.value < thresholdOf(cell, k) || cell.sensitive));
  if (shown.length > 0) throw new AlreadyDisclosedError(shown.flatMap((cell) => cell.keys));
}

interface RankedFinestCells {
  /** The ids in code-unit order. */
  readonly ids: readonly string[];
  /** The counts in the same order. */
  readonly counts: Float64Array;
  readonly rankOf: ReadonlyMap<string, number>;
}

/**
 * The last ranking made: the finest cell ids in code-unit order and each one's rank. Callers such as the annual report
 * pass the same ids (the same array, or the same strings) in the same order for every organisation, with other counts;
 * then only the counts are new, and {@link definition} reuses the ranks of a cell list it saw with this ranking.
 */
let lastRanking:
  { readonly input: readonly string[]; readonly order: Int32Array; readonly ranked: Omit<RankedFinestCells, 'counts'> } | undefined;

function rankedFinestCells(finestCells: readonly FinestCell[] | FinestCounts): RankedFinestCells {
  const { ids, counts } = isCounts(finestCells)
    ? finestCells
    : { ids: finestCells.map((cell) => cell.id), counts: finestCells.map((cell) => cell.count) };
  if (ids.length !== counts.length) throw new DisclosureInputError(`${ids.length} finest cell ids but ${counts.length} counts.`);
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i];
    if (!Number.isSafeInteger(count) || count < 0) throw new DisclosureInputError(`Finest cell ${ids[i]} has count ${count}: not a count.`);
  }
  const previous = lastRanking;
  if (previous && (previous.input === ids || sameIds(previous.input, ids)))
    return { ...previous.ranked, counts: inOrder(previous.order, counts) };
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (indexOf.has(id)) throw new DisclosureInputError(`Finest cell ${id} is listed twice.`);
    indexOf.set(id, i);
  });
  // The default sort compares UTF-16 code units, as compareText does.
  const sorted = [...indexOf.keys()].sort();
  const order = Int32Array.from(sorted, (id) => indexOf.get(id)!);
  const ranked = { ids: sorted, rankOf: new Map(sorted.map((id, rank) => [id, rank])) };
  lastRanking = { input: ids, order, ranked };
  return { ...ranked, counts: inOrder(order, counts) };
}

const isCounts = (finestCells: readonly FinestCell[] | FinestCounts): finestCells is FinestCounts => !Array.isArray(finestCells);

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function inOrder(order: Int32Array, counts: ArrayLike<number>): Float64Array {
  const ordered = new Float64Array(order.length);
  for (let rank = 0; rank < order.length; rank++) ordered[rank] = counts[order[rank]];
  return ordered;
}

function tableOccurrences(table: TableSpec, finest: RankedFinestCells): Occurrence[] {
  const keys = new Set<string>();
  return table.cells.map((cell) => {
    if (keys.has(cell.key)) throw new DisclosureInputError(`Table ${table.id} has two cells keyed ${cell.key}.`);
    keys.add(cell.key);
    return { key: cell.key, ranks: definition(cell.key, cell.cells, finest), definition: cell };
  });
}

/** Ranks of cell lists already seen, with the ranking they were made under. */
const ranksOfList = new WeakMap<readonly string[], { readonly rankOf: ReadonlyMap<string, number>; readonly ranks: Int32Array }>();

/** A cell's finest cells as ranks, ascending; every one must have a count, none listed twice. */
function definition(key: string, cells: readonly string[], finest: RankedFinestCells): Int32Array {
  const known = ranksOfList.get(cells);
  if (known && known.rankOf === finest.rankOf) return known.ranks;
  if (cells.length === 0) throw new DisclosureInputError(`Cell ${key} sums no finest cells.`);
  const ranks = new Int32Array(cells.length);
  cells.forEach((id, i) => {
    const rank = finest.rankOf.get(id);
    if (rank === undefined) throw new DisclosureInputError(`Cell ${key} refers to finest cell ${id}, which has no count.`);
    ranks[i] = rank;
  });
  ranks.sort();
  for (let i = 1; i < ranks.length; i++)
    if (ranks[i - 1] === ranks[i]) throw new DisclosureInputError(`Cell ${key} lists finest cell ${finest.ids[ranks[i]]} twice.`);
  ranksOfList.set(cells, { rankOf: finest.rankOf, ranks });
  return ranks;
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
