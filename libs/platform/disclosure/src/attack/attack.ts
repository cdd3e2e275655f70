import { highsSolver, type Highs } from '../highs-runtime';
import { DEFAULT_K } from '../model';

/** What a reader sees of one published cell: its label, the finest cells it sums, and its figure or a blank. */
export interface PublishedFigure {
  readonly key: string;
  readonly cells: readonly string[];
  readonly value: number | null;
}

/** What the attacker learns about one blank cell (all keys that blank the same finest cells, together). */
export interface AttackedCell {
  readonly keys: readonly string[];
  readonly cells: readonly string[];
  /** The integer range the blank can take given everything shown; max may be Infinity. */
  readonly min: number;
  readonly max: number;
  /** max − min < k: the blank is pinned to within k of a single value. */
  readonly disclosed: boolean;
}

export interface AttackReport {
  readonly k: number;
  readonly blanks: readonly AttackedCell[];
  readonly disclosures: readonly AttackedCell[];
  /** Figures shown with a value under k: disclosed as printed. */
  readonly shownBelowThreshold: readonly PublishedFigure[];
}

export interface AttackOptions {
  readonly k?: number;
  /** Also solve each range as an LP relaxation and fail if it does not contain the integer range (a solver bug). */
  readonly crossCheck?: boolean;
}

/** The published figures contradict each other: one set of finest cells shown with two values. */
export class ContradictoryPublicationError extends Error {
  override readonly name = 'ContradictoryPublicationError';
}

/** The solver gave an answer that cannot be right (a fractional integer optimum, an LP range inside the MIP range). */
export class SolverDisagreementError extends Error {
  override readonly name = 'SolverDisagreementError';
}

/**
 * The attacker: an automated auditor that knows only what was published (every table for one organisation, as
 * figures and blanks over the finest cells) and computes, for each blank, the smallest and largest value it can take
 * over non-negative integer finest counts that reproduce every shown figure (two MIPs per blank, HiGHS). Written
 * apart from the suppressor on purpose: it shares no code with it but the solver.
 */
export async function attack(figures: readonly PublishedFigure[], options: AttackOptions = {}): Promise<AttackReport> {
  const k = options.k ?? DEFAULT_K;
  const highs = await highsSolver();
  const { shown, blanks } = groupFigures(figures);
  const components = new Components(shown.map((s) => s.cells));
  const attacked = blanks.map(({ keys, cells }): AttackedCell => {
    const relevant = components.constraintsTouching(cells).map((i) => shown[i]);
    const range = solveRange(highs, cells, relevant, false);
    if (options.crossCheck) {
      const relaxed = solveRange(highs, cells, relevant, true);
      if (relaxed.min > range.min + 1e-6 || relaxed.max < range.max - 1e-6) {
        throw new SolverDisagreementError(`LP range [${relaxed.min}, ${relaxed.max}] of ${keys[0]} lies inside the MIP range [${range.min}, ${range.max}]`);
      }
    }
    return { keys, cells, min: range.min, max: range.max, disclosed: range.max - range.min < k };
  });
  return {
    k,
    blanks: attacked,
    disclosures: attacked.filter((cell) => cell.disclosed),
    shownBelowThreshold: figures.filter((figure) => figure.value !== null && figure.value < k),
  };
}

interface Shown {
  readonly cells: readonly string[];
  readonly value: number;
}

function groupFigures(figures: readonly PublishedFigure[]) {
  const byDefinition = new Map<string, { cells: string[]; keys: Set<string>; values: Set<number>; blank: boolean }>();
  for (const figure of figures) {
    const cells = [...new Set(figure.cells)].sort();
    const id = cells.join('\u0001');
    const group = byDefinition.get(id) ?? { cells, keys: new Set<string>(), values: new Set<number>(), blank: false };
    group.keys.add(figure.key);
    if (figure.value === null) group.blank = true;
    else group.values.add(figure.value);
    byDefinition.set(id, group);
  }
  const ordered = [...byDefinition.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
  const shown: Shown[] = [];
  const blanks: { keys: string[]; cells: string[] }[] = [];
  for (const group of ordered) {
    if (group.values.size > 1) throw new ContradictoryPublicationError(`${[...group.keys].join(', ')} shown as ${[...group.values].join(' and ')}`);
    if (group.values.size === 1) shown.push({ cells: group.cells, value: [...group.values][0] });
    // A blank whose figure is shown elsewhere is still attacked: its range collapses to that figure.
    if (group.blank) {
      blanks.push({ keys: [...group.keys].sort(), cells: group.cells });
    }
  }
  return { shown, blanks };
}

/** Which shown constraints can move a blank: those connected to it through shared finest cells (union-find). */
class Components {
  private readonly parent = new Map<string, string>();
  private readonly rootOfConstraint: string[];

  constructor(constraints: readonly (readonly string[])[]) {
    for (const cells of constraints) for (const cell of cells.slice(1)) this.union(cells[0], cell);
    this.rootOfConstraint = constraints.map((cells) => this.find(cells[0]));
  }

  constraintsTouching(cells: readonly string[]): number[] {
    const roots = new Set(cells.map((cell) => this.find(cell)));
    return this.rootOfConstraint.flatMap((root, i) => (roots.has(root) ? [i] : []));
  }

  private find(cell: string): string {
    let root = cell;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(cell, root);
    return root;
  }

  private union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

function solveRange(highs: Highs, target: readonly string[], shown: readonly Shown[], relaxed: boolean) {
  const names = new Map<string, string>();
  const name = (cell: string) => {
    if (!names.has(cell)) names.set(cell, `y${names.size}`);
    return names.get(cell)!;
  };
  const objective = target.map(name).join(' + ');
  const rows = shown.map((s, i) => `  c${i}: ${s.cells.map(name).join(' + ')} = ${s.value}`);
  const variables = [...names.values()];
  const lp = (sense: string) =>
    `${sense}\n  z: ${objective}\nSubject To\n${rows.join('\n')}\nBounds\n${variables.map((v) => `  ${v} >= 0`).join('\n')}\n` +
    (relaxed ? '' : `General\n  ${variables.join(' ')}\n`) +
    'End\n';
  const low = highs.solve(lp('Minimize'), { output_flag: false, mip_rel_gap: 0 });
  if (low.Status === 'Infeasible') throw new ContradictoryPublicationError(`no counts reproduce the figures around ${target[0]}`);
  if (low.Status !== 'Optimal') throw new SolverDisagreementError(`minimum around ${target[0]}: ${low.Status}`);
  const high = highs.solve(lp('Maximize'), { output_flag: false, mip_rel_gap: 0 });
  // The minimum proved the figures feasible, so "infeasible or unbounded" can only be unbounded.
  const unbounded = high.Status === 'Unbounded' || high.Status === 'Primal infeasible or unbounded';
  if (!unbounded && high.Status !== 'Optimal') throw new SolverDisagreementError(`maximum around ${target[0]}: ${high.Status}`);
  const exact = (value: number) => {
    if (relaxed) return value;
    if (Math.abs(value - Math.round(value)) > 1e-6) throw new SolverDisagreementError(`fractional integer optimum ${value} for ${target[0]}`);
    return Math.round(value);
  };
  return { min: exact(low.ObjectiveValue), max: unbounded ? Infinity : exact(high.ObjectiveValue) };
}
