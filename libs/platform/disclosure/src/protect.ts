import { DisclosureInputError } from './errors';
import { type Highs, highsSolver } from './highs-runtime';
import {
  type CellDefinition,
  DEFAULT_K,
  DISCLOSURE_ALGORITHM,
  PROTECTED_TABLE,
  type LedgerEntry,
  type ProtectedCell,
  type ProtectInput,
  type ProtectResult,
  type SuppressionReason,
} from './model';
import { assertNothingShownBelow, buildCellSpace, type Cell, compareText } from './suppression/cell-space';
import { gaussSuppression } from './suppression/gauss-suppression';
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
  const k = input.k ?? DEFAULT_K;
  if (!Number.isSafeInteger(k) || k < DEFAULT_K)
    throw new DisclosureInputError(`k must be a whole number of at least ${DEFAULT_K}, not ${k}.`);
  const space = buildCellSpace(input.finestCells, input.ledger ?? [], input.tables, input.protectedCells);
  assertNothingShownBelow(space, k);
  const { published, secondary } = gaussSuppression(space.cells, k);
  const interval = protectIntervals(oncePerModel(await highsSolver()), space.cells, published, k);
  const cellOf = (definition: CellDefinition) => space.bySignature.get(JSON.stringify([...definition.cells].sort(compareText)))!;
  const reasonOf = (cell: Cell): SuppressionReason | null => {
    if (cell.shownBefore) return null;
    if (cell.value < k) return 'primary';
    if (cell.sensitive) return 'protected';
    if (cell.blankBefore) return 'ledger';
    if (secondary.has(cell.index)) return 'secondary';
    if (interval.has(cell.index)) return 'interval';
    return null;
  };
  const tables = input.tables.map((table) => ({
    id: table.id,
    cells: table.cells.map((definition): ProtectedCell => {
      const cell = cellOf(definition);
      const reason = reasonOf(cell);
      return { key: definition.key, cells: [...definition.cells], value: reason ? null : cell.value, suppressed: reason !== null, reason };
    }),
  }));
  const hidden = {
    id: PROTECTED_TABLE,
    cells: (input.protectedCells ?? []).map((definition) => ({ ...definition, value: null, reason: reasonOf(cellOf(definition)) })),
  };
  const ledgerEntries = [...tables, hidden].flatMap((table) => ledgerEntriesOf(input.publication, table.id, table.cells));
  return { algorithm: DISCLOSURE_ALGORITHM, k, tables, ledgerEntries };
}

function ledgerEntriesOf(
  publication: string,
  table: string,
  cells: readonly Pick<ProtectedCell, 'key' | 'cells' | 'value' | 'reason'>[],
): LedgerEntry[] {
  return cells.map(({ key, cells: finest, value, reason }) => ({
    publication,
    table,
    key,
    cells: [...finest].sort(compareText),
    value,
    reason,
  }));
}

/**
 * The solver for one protection: the same model (text and options) is solved once. Interval protection asks for a
 * range again as it weighs which cell to blank (a target's maximum to test it, then its minimum and maximum to compare
 * candidates); a solve is a pure function of the model, so within one call the answer is reused rather than solved
 * again. Nothing is kept between calls.
 */
function oncePerModel(highs: Highs): Highs {
  const solved = new Map<string, ReturnType<Highs['solve']>>();
  const memo = Object.create(highs) as Highs;
  memo.solve = (model: string, options?: Parameters<Highs['solve']>[1]) => {
    const key = `${JSON.stringify(options ?? {})}\n${model}`;
    let result = solved.get(key);
    if (result === undefined) {
      result = highs.solve(model, options);
      solved.set(key, result);
    }
    return result;
  };
  return memo;
}
