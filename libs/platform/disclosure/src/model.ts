/** Why a published cell is blank. */
export type SuppressionReason =
  /** It counts fewer than k cases (zero included). */
  | 'primary'
  /** Publishing it would let a primary cell be computed exactly from the published cells (Gaussian elimination). */
  | 'secondary'
  /**
   * Publishing it would narrow some blank cell's possible range to less than k (the LP attack), or a primary blank's
   * range, given the figures and that it is under k, to less than all of 0 … k − 1 (ADR 0074).
   */
  | 'interval'
  /** The same cell (the same finest cells) was blank in an earlier publication for this organisation. */
  | 'ledger'
  /** One of the caller's protected cells (never published), or a published cell with the same finest cells. */
  | 'protected';

/**
 * One cell of the finest partition (organisation × site × quarter × theme × …, and a vintage when late events are
 * published as a revision): every published figure is a sum of these. The count is the true number of cases.
 */
export interface FinestCell {
  readonly id: string;
  readonly count: number;
}

/**
 * The finest cells as two lists of the same length, the i-th count the i-th id's: the same input as a
 * {@link FinestCell} list, without an object per cell. For callers with tens of thousands of mostly empty finest cells
 * under ids that do not change between calls (pass the same `ids` array again: its ranking is then reused unread).
 */
export interface FinestCounts {
  readonly ids: readonly string[];
  readonly counts: ArrayLike<number>;
}

/** A cell as the reader sees it: a label (`2026|Q1|theme=bullying`) and the finest cells it sums. */
export interface CellDefinition {
  readonly key: string;
  readonly cells: readonly string[];
}

/** A table to publish: its cells in the order they are shown. */
export interface TableSpec {
  readonly id: string;
  readonly cells: readonly CellDefinition[];
}

/** A cell as published: its value, or blank with the reason. */
export interface ProtectedCell {
  readonly key: string;
  readonly cells: readonly string[];
  /** The true sum when published; `null` when suppressed. */
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason: SuppressionReason | null;
}

export interface ProtectedTable {
  readonly id: string;
  readonly cells: readonly ProtectedCell[];
}

/**
 * One published cell as the organisation's publication ledger keeps it: plain data the caller persists and passes
 * back on every later publication. `value` is the figure shown (null when blank); `reason` why it was blank.
 */
export interface LedgerEntry {
  readonly publication: string;
  readonly table: string;
  readonly key: string;
  /** The finest cells, sorted. */
  readonly cells: readonly string[];
  readonly value: number | null;
  readonly reason: SuppressionReason | null;
  /**
   * The threshold the publication that recorded it was protected at ({@link DEFAULT_K} when absent): `protect` leaves
   * it out, the caller records its k beside the entries. A cell is held to the lowest k of its entries (the first
   * publication's while k only rises) when later publications use another k.
   */
  readonly k?: number;
}

export interface ProtectInput {
  /**
   * The threshold: a cell with fewer than k cases is never shown. At least 5 (the default). It applies to the cells
   * not decided before; a cell in the ledger keeps its entries' k (the lowest), so raising k protects what is new
   * and leaves what is out as it was: a figure shown stays shown, a blank keeps the range it was given.
   */
  readonly k?: number;
  /** Every finest cell any table or ledger entry refers to, with its current true count. */
  readonly finestCells: readonly FinestCell[] | FinestCounts;
  /** Everything published before for this organisation. */
  readonly ledger?: readonly LedgerEntry[];
  /** The tables of this publication (all audiences: board and works council are two tables, or the same). */
  readonly tables: readonly TableSpec[];
  /** The id this publication is recorded under in the ledger. */
  readonly publication: string;
  /**
   * Cells never published that must stay hidden like a cell under k, whatever their count: e.g. the late cases
   * between a report and its revision (the difference of two figures is not itself a published cell). They are
   * recorded in the ledger under {@link PROTECTED_TABLE}, so later publications keep them hidden too.
   */
  readonly protectedCells?: readonly CellDefinition[];
  /**
   * The version of the rules to apply ({@link DISCLOSURE_ALGORITHMS}): the one a report being reproduced was published
   * under. New publications leave it out and get {@link DISCLOSURE_ALGORITHM}.
   */
  readonly algorithm?: string;
}

/** The table id under which protected cells are kept in the ledger. */
export const PROTECTED_TABLE = '(protected)';

export interface ProtectResult {
  /** The version of the suppression rules ({@link DISCLOSURE_ALGORITHM}): record it with the publication. */
  readonly algorithm: string;
  readonly k: number;
  readonly tables: readonly ProtectedTable[];
  /** The entries to append to the ledger, in table and cell order. */
  readonly ledgerEntries: readonly LedgerEntry[];
}

/**
 * The version of the rules that choose the blanks (ordering, tie-breaks, interval repair; ADR 0028). The same input
 * gives the same blanks under the same version; any change to those rules is a new version, so a report published
 * under an older one is reproduced with that one.
 */
export const DISCLOSURE_ALGORITHM = 'gauss-interval-marks-2026.12';

/**
 * Every version of the rules `protect` still applies, oldest first: a report is reproduced under the version it was
 * published with. `gauss-interval-2026.12` is the current rules without the marks (ADR 0074): its audit counted only
 * the figures, not what a primary blank's reason tells.
 */
export const DISCLOSURE_ALGORITHMS = ['gauss-interval-2026.12', DISCLOSURE_ALGORITHM] as const;

/** The version of the rules whose audit counts the figures alone, not what a primary mark tells (before ADR 0074). */
export const RULES_WITHOUT_MARKS: (typeof DISCLOSURE_ALGORITHMS)[number] = DISCLOSURE_ALGORITHMS[0];

/** The default threshold, from issue 11: fewer than five cases is never shown. */
export const DEFAULT_K = 5;
