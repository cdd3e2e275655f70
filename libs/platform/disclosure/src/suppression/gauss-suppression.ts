import { AlreadyDisclosedError } from '../errors';
import { type Cell, thresholdOf } from './cell-space';
import { PublishedSpan } from './published-span';
import { type SparseVector, unitVector } from './sparse-vector';

export interface GaussOutcome {
  /** Cells shown: those shown before, and the candidates that disclose nothing. */
  readonly published: ReadonlySet<number>;
  /** Candidates left blank because showing them would let a primary cell be computed exactly. */
  readonly secondary: ReadonlySet<number>;
}

/**
 * Secondary suppression by Gaussian elimination (Statistics Norway's GaussSuppression): the cells shown before go
 * first (they cannot be taken back), then the candidates in order of preference to publish; each is published
 * unless it would put a primary cell in the span of the published cells, in which case it is blanked.
 *
 * Only whether a cell lies in a span matters, never the basis, so any vectors with the same linear dependencies as
 * the cells' 0/1 vectors over the finest cells give the same outcome: `vectorOf` (by default those 0/1 vectors;
 * `protect` passes the cells' Gram rows, as long as the number of cells, see structure.ts).
 */
export function gaussSuppression(
  cells: readonly Cell[],
  k: number,
  vectorOf: (cell: Cell) => SparseVector = (cell) => unitVector(cell.columns),
): GaussOutcome {
  const primary = cells.filter((cell) => cell.value < thresholdOf(cell, k) || cell.sensitive);
  const span = new PublishedSpan(new Map(primary.map((cell) => [cell.index, vectorOf(cell)])));
  const published = new Set<number>();
  const secondary = new Set<number>();
  for (const cell of cells.filter((c) => c.shownBefore)) {
    const disclosed = span.tryPublish(vectorOf(cell));
    if (disclosed.length > 0) throw new AlreadyDisclosedError(disclosed.flatMap((id) => cells[id].keys));
    published.add(cell.index);
  }
  const candidates = cells
    .filter((cell) => !cell.shownBefore && !cell.blankBefore && !cell.sensitive && cell.value >= thresholdOf(cell, k))
    .sort(publicationPreference);
  for (const cell of candidates) {
    if (span.tryPublish(vectorOf(cell)).length > 0) secondary.add(cell.index);
    else published.add(cell.index);
  }
  return { published, secondary };
}

/**
 * Which candidate to publish first, and so which to sacrifice last: larger counts first, then wider cells (totals
 * before inner cells), then the signature. Small inner cells are thus the ones blanked; totals survive.
 */
export function publicationPreference(a: Cell, b: Cell): number {
  return b.value - a.value || b.columns.length - a.columns.length || a.index - b.index;
}
