import { DEFAULT_K, type LedgerEntry } from '../model';
import { compareText } from '../suppression/cell-space';
import { PublishedSpan } from '../suppression/published-span';
import { unitVector } from '../suppression/sparse-vector';

export type LedgerProblem =
  /** A figure under k is shown. */
  | { readonly kind: 'shown-below-threshold'; readonly key: string; readonly publication: string }
  /** A cell blank in an earlier publication is shown now. */
  | { readonly kind: 'shown-after-blank'; readonly key: string; readonly publication: string }
  /** The same cell is shown with another figure than before: late events must be published as a later vintage. */
  | { readonly kind: 'value-changed'; readonly key: string; readonly publication: string }
  /** A cell blanked as primary, or a protected cell, can be computed exactly from everything shown. */
  | { readonly kind: 'exactly-derivable'; readonly key: string; readonly publication: string };

/**
 * Checks entries about to be published (a new version for another audience, a re-rendered report) against the
 * organisation's ledger, without the true counts: nothing under k shown, nothing shown that was blank, no figure
 * changed, no primary blank exactly derivable from all shown figures together. The range check is {@link attack}.
 * `k` is the new entries' threshold; a cell in the ledger is held to the k it was first decided under.
 */
export function checkAgainstLedger(ledger: readonly LedgerEntry[], entries: readonly LedgerEntry[], k = DEFAULT_K): LedgerProblem[] {
  const signature = (entry: LedgerEntry) => JSON.stringify([...entry.cells].sort(compareText));
  const before = new Map<string, LedgerEntry[]>();
  for (const entry of ledger) before.set(signature(entry), [...(before.get(signature(entry)) ?? []), entry]);
  const problems: LedgerProblem[] = [];
  for (const entry of entries) {
    const at = { key: entry.key, publication: entry.publication };
    if (entry.value === null) continue;
    const earlier = before.get(signature(entry)) ?? [];
    // A cell decided before keeps the threshold it was decided under (its entries' lowest k), as `protect` holds it.
    const threshold = earlier.length === 0 ? k : Math.min(...earlier.map((e) => e.k ?? DEFAULT_K));
    if (entry.value < threshold) problems.push({ kind: 'shown-below-threshold', ...at });
    if (earlier.some((e) => e.value === null)) problems.push({ kind: 'shown-after-blank', ...at });
    if (earlier.some((e) => e.value !== null && e.value !== entry.value)) problems.push({ kind: 'value-changed', ...at });
  }
  return [...problems, ...derivablePrimaries([...ledger, ...entries])];
}

function derivablePrimaries(all: readonly LedgerEntry[]): LedgerProblem[] {
  const columns = [...new Set(all.flatMap((entry) => entry.cells))].sort(compareText);
  const columnOf = new Map(columns.map((id, i) => [id, i]));
  const vector = (entry: LedgerEntry) => unitVector(entry.cells.map((id) => columnOf.get(id)!));
  const primaries = all.filter((entry) => entry.reason === 'primary' || entry.reason === 'protected');
  const span = new PublishedSpan(new Map(primaries.map((entry, i) => [i, vector(entry)])));
  const disclosed = new Set<number>();
  for (const entry of all.filter((e) => e.value !== null)) for (const i of span.publish(vector(entry))) disclosed.add(i);
  return [...disclosed]
    .sort((a, b) => a - b)
    .map((i) => ({ kind: 'exactly-derivable', key: primaries[i].key, publication: primaries[i].publication }));
}
