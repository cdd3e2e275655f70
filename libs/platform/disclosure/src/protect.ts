import { DisclosureInputError } from './errors';
import { highsSolver } from './highs-runtime';
import {
  type CellDefinition,
  DEFAULT_K,
  DISCLOSURE_ALGORITHM,
  DISCLOSURE_ALGORITHMS,
  RULES_WITHOUT_MARKS,
  PROTECTED_TABLE,
  type LedgerEntry,
  type ProtectedCell,
  type ProtectInput,
  type ProtectResult,
  type SuppressionReason,
} from './model';
import { assertNothingShownBelow, buildCellSpace, type Cell, sortedIdsOf, thresholdOf } from './suppression/cell-space';
import { gaussSuppression } from './suppression/gauss-suppression';
import { gramRow, structureOf } from './suppression/structure';
import { protectIntervals } from './suppression/interval-protection';

/**
 * Protects a publication for one organisation together with everything it published before (the ledger):
 * 1. primary: every cell with fewer than k cases (zero included) is blank;
 * 2. secondary: Gaussian elimination blanks the cells from which a primary cell could be computed exactly;
 * 3. interval: an exact integer range check (HiGHS) blanks more until every blank cell ranges over at least k;
 * and a cell blank before stays blank, a cell shown before stays shown. Deterministic: the same input, in any order,
 * gives the same output. Throws {@link AlreadyDisclosedError} when the ledger alone already discloses a small cell.
 */
export async function protect(input: ProtectInput): Promise<ProtectResult> {
  return protectWith(input, FAST);
}

/**
 * How `protect` computes, all giving the same result (protect.method.spec.ts checks it on random tables): finest
 * cells merged into atoms, Gaussian suppression on the cells' Gram rows, and ranges settled by bounds (moves between
 * indistinguishable finest cells, the LP bound, zero) before any MIP — or, with all three off, the reference: every
 * finest cell a column, every 0/1 vector over them eliminated, and every range solved (LP vertex, else MIP).
 */
export interface ProtectMethod {
  readonly mergeAtoms: boolean;
  readonly gramRows: boolean;
  readonly bounds: boolean;
}

export const FAST: ProtectMethod = { mergeAtoms: true, gramRows: true, bounds: true };
export const REFERENCE: ProtectMethod = { mergeAtoms: false, gramRows: false, bounds: false };

/** {@link protect} by a chosen method (for the tests that compare methods). */
export async function protectWith(input: ProtectInput, method: ProtectMethod): Promise<ProtectResult> {
  const k = input.k ?? DEFAULT_K;
  if (!Number.isSafeInteger(k) || k < DEFAULT_K)
    throw new DisclosureInputError(`k must be a whole number of at least ${DEFAULT_K}, not ${k}.`);
  const algorithm = input.algorithm ?? DISCLOSURE_ALGORITHM;
  if (!(DISCLOSURE_ALGORITHMS as readonly string[]).includes(algorithm))
    throw new DisclosureInputError(`No rules of version ${algorithm} are known; known: ${DISCLOSURE_ALGORITHMS.join(', ')}.`);
  const space = buildCellSpace(input.finestCells, input.ledger ?? [], input.tables, input.protectedCells);
  assertNothingShownBelow(space, k);
  const structure = structureOf(space, method.mergeAtoms);
  const { published, secondary } = method.gramRows
    ? gaussSuppression(space.cells, k, (cell) => gramRow(structure, cell.index))
    : gaussSuppression(space.cells, k);
  const context = {
    highs: await highsSolver(),
    structure,
    bounds: method.bounds,
    models: new Map(),
    rowClasses: new Map(),
    points: new Map(),
  };
  // The rules before ADR 0074 audited the figures alone, not what a primary blank's reason tells.
  const marks = algorithm !== RULES_WITHOUT_MARKS;
  const interval = protectIntervals(context, space.cells, published, k, marks);
  const cellOf = (definition: CellDefinition) => space.byDefinition.get(definition)!;
  const reasonOf = (cell: Cell): SuppressionReason | null => {
    if (cell.shownBefore) return null;
    if (cell.value < thresholdOf(cell, k)) return 'primary';
    if (cell.sensitive) return 'protected';
    if (cell.blankBefore) return 'ledger';
    if (secondary.has(cell.index)) return 'secondary';
    if (interval.has(cell.index)) return 'interval';
    return null;
  };
  // Each cell's finest cells are copied when read (a draft reads none of the tens of thousands of ids).
  const tables = input.tables.map((table) => ({
    id: table.id,
    cells: table.cells.map((definition): ProtectedCell => {
      const cell = cellOf(definition);
      const reason = reasonOf(cell);
      let cells: readonly string[] | undefined;
      return {
        key: definition.key,
        get cells() {
          return (cells ??= [...definition.cells]);
        },
        value: reason ? null : cell.value,
        suppressed: reason !== null,
        reason,
      };
    }),
  }));
  const hidden = {
    id: PROTECTED_TABLE,
    cells: (input.protectedCells ?? []).map((definition) => ({ ...definition, value: null, reason: reasonOf(cellOf(definition)) })),
  };
  // A ledger entry's finest cells, sorted, are its cell's (kept per shape: a draft copies them rather than sorting).
  const entry = (table: string, definition: CellDefinition, value: number | null, reason: SuppressionReason | null): LedgerEntry => ({
    publication: input.publication,
    table,
    key: definition.key,
    cells: [...sortedIdsOf(space, cellOf(definition))],
    value,
    reason,
  });
  const ledgerEntries = () => [
    ...input.tables.flatMap((table, t) =>
      table.cells.map((definition, c) => entry(table.id, definition, tables[t].cells[c].value, tables[t].cells[c].reason)),
    ),
    ...(input.protectedCells ?? []).map((definition, c) => entry(PROTECTED_TABLE, definition, null, hidden.cells[c].reason)),
  ];
  let entries: readonly LedgerEntry[] | undefined;
  return {
    algorithm,
    k,
    tables,
    // Made when first read: a draft never reads them.
    get ledgerEntries() {
      return (entries ??= ledgerEntries());
    },
  };
}
