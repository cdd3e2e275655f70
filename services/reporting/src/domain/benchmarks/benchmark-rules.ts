/**
 * The rules a benchmark cell must pass before it is shown (ADR 0035). A cell sums the cases of several client
 * organisations of one agency in one year (the agency, a sector, a theme); an employer contact sees it beside their
 * own organisation's figures, so they can subtract their own cases from it. The rules make what is left after any one
 * organisation is taken out a count of at least k, spread over at least two other organisations:
 *
 * 1. **k**: the cell has at least k cases (k as for the annual reports: 5 unless the agency chose more);
 * 2. **organisations**: at least `minOrganisations` organisations (3 unless the agency chose more) have a case in it;
 * 3. **dominance**: no organisation has more than `maxSharePercent` (60 %) of the cell's cases, and the cases of all
 *    the others together are at least k, so taking out the largest still leaves at least k.
 * 4. **room under the caps**: rule 3 is public, so a shown cell of C cases tells every reader that each organisation
 *    in it has at most cap = min(⌊maxSharePercent·C/100⌋, C − k). With the total and the caps, a reader who knows
 *    their own count (or has none in the cell) can bound every other organisation's count from both sides; the
 *    cell is shown only if, for every such reader, those bounds are at least k apart (ADR 0048). In effect a cell
 *    needs at least 2k cases, and more when few organisations share it.
 *
 * Cells that partition a shown margin (sectors of the agency, themes of the agency) are suppressed together: when
 * some are suppressed, the margin minus the shown ones is their union, and that union must pass the same rules, or
 * more cells are suppressed (smallest first) until it does.
 */
export interface BenchmarkRules {
  readonly k: number;
  readonly minOrganisations: number;
  readonly maxSharePercent: number;
}

export const DEFAULT_BENCHMARK_RULES: BenchmarkRules = { k: 5, minOrganisations: 3, maxSharePercent: 60 };

/** Why a cell is not shown: one of its own rules, or `complementary` (shown, it would give a suppressed cell away). */
export type SuppressionReason =
  'fewer-than-k-cases' | 'too-few-organisations' | 'one-organisation-dominates' | 'too-little-room' | 'complementary';

/** One organisation's cases in a cell. */
export interface Contribution {
  readonly organisationId: string;
  readonly cases: number;
}

/** Why a set of contributions fails the rules, or undefined when it passes (the first rule broken, in rule order). */
export function ruleBroken(
  contributions: readonly Contribution[],
  rules: BenchmarkRules,
): Exclude<SuppressionReason, 'complementary'> | undefined {
  const byOrganisation = new Map<string, number>();
  for (const c of contributions) byOrganisation.set(c.organisationId, (byOrganisation.get(c.organisationId) ?? 0) + c.cases);
  const counts = [...byOrganisation.values()];
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total < rules.k) return 'fewer-than-k-cases';
  if (counts.filter((n) => n > 0).length < rules.minOrganisations) return 'too-few-organisations';
  const largest = Math.max(...counts);
  // In integers: largest / total ≤ maxSharePercent / 100.
  if (largest * 100 > rules.maxSharePercent * total || total - largest < rules.k) return 'one-organisation-dominates';
  if (narrowestUnderCaps(counts, total, rules) < rules.k) return 'too-little-room';
  return undefined;
}

/**
 * Rule 4: how few values any organisation's count can be narrowed to by a reader who knows the cell's total, the
 * caps rule 3 implies, and their own count. `counts` are every organisation of the cell, zeros included (a reader
 * knows which organisations a cell covers). The target is one of `others` organisations that share `rest` cases,
 * each at most `cap`: it has at most min(cap, rest), and at least what the other others − 1 cannot hold.
 */
export function narrowestUnderCaps(counts: readonly number[], total: number, rules: BenchmarkRules): number {
  const cap = Math.min(Math.floor((rules.maxSharePercent * total) / 100), total - rules.k);
  const range = (rest: number, others: number) => Math.min(cap, rest) - Math.max(0, rest - (others - 1) * cap);
  // A reader outside the cell (or with no case in it): all organisations share the total.
  let narrowest = range(total, counts.length);
  // A reader inside it, subtracting their own count.
  for (const own of new Set(counts)) narrowest = Math.min(narrowest, range(total - own, counts.length - 1));
  return narrowest;
}

/** A cell of a partition: its key and contributions; `publishable: false` for a part never shown (no sector known). */
export interface PartitionCell {
  readonly key: string;
  readonly contributions: readonly Contribution[];
  readonly publishable?: boolean;
}

export interface CellVerdict {
  readonly key: string;
  readonly shown: boolean;
  readonly reason: SuppressionReason | null;
}

const casesOf = (cell: PartitionCell) => cell.contributions.reduce((sum, c) => sum + c.cases, 0);

/**
 * The verdict for each cell of a partition of a margin. `marginShown`: whether the margin (the sum of all parts) is
 * shown; if it is not, nothing can be derived by subtraction and each part stands on its own rules.
 */
export function protectPartition(parts: readonly PartitionCell[], marginShown: boolean, rules: BenchmarkRules): CellVerdict[] {
  const verdicts = new Map<string, CellVerdict>();
  for (const part of parts) {
    const broken = part.publishable === false ? 'fewer-than-k-cases' : ruleBroken(part.contributions, rules);
    verdicts.set(part.key, { key: part.key, shown: broken === undefined && part.publishable !== false, reason: broken ?? null });
  }
  if (!marginShown) return parts.map((p) => verdicts.get(p.key)!);
  // The hidden parts' union is the margin minus the shown parts: it must pass the rules too (or be empty).
  for (;;) {
    const hidden = parts.filter((p) => !verdicts.get(p.key)!.shown);
    // Nothing hidden, or a union that passes (a union of no cases does not: "none in the other sectors" is a count).
    if (
      hidden.length === 0 ||
      ruleBroken(
        hidden.flatMap((p) => p.contributions),
        rules,
      ) === undefined
    )
      break;
    const candidates = parts
      .filter((p) => verdicts.get(p.key)!.shown)
      .sort((a, b) => casesOf(a) - casesOf(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const next = candidates[0];
    if (!next) break; // everything hidden: the union is the margin, which passed when it is shown
    verdicts.set(next.key, { key: next.key, shown: false, reason: 'complementary' });
  }
  return parts.map((p) => verdicts.get(p.key)!);
}
