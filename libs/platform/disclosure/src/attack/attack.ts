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
  /**
   * Solve every optimum as a MIP as well, and fail unless it equals the LP-certified optimum where there is one and
   * lies inside the LP relaxation (a solver bug must not hide a leak). Slower; for tests and audits.
   */
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
    const range = solveRange(highs, cells, relevant, options.crossCheck ?? false);
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
    if (group.values.size > 1)
      throw new ContradictoryPublicationError(`${[...group.keys].join(', ')} shown as ${[...group.values].join(' and ')}`);
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

type Sense = 'Minimize' | 'Maximize';

/**
 * One blank's range. Each optimum comes from the LP relaxation when its simplex vertex, rounded, is an integer point
 * that reproduces every shown figure and reaches the LP bound (then no integer point can do better); otherwise from
 * the MIP. With `crossCheck` the MIP is solved every time and must agree, and must lie inside the LP relaxation.
 */
function solveRange(highs: Highs, target: readonly string[], shown: readonly Shown[], crossCheck: boolean) {
  const problem = new RangeProblem(target, shown);
  const bound = (sense: Sense) => {
    const relaxed = problem.solve(highs, sense, false);
    const certified = relaxed.integral ? relaxed.value : undefined;
    if (certified !== undefined && !crossCheck) return certified;
    const exact = problem.solve(highs, sense, true).value;
    if (certified !== undefined && certified !== exact)
      throw new SolverDisagreementError(`LP vertex ${certified} and MIP ${exact} differ for ${target[0]}`);
    const inside = sense === 'Minimize' ? relaxed.value <= exact + 1e-6 : relaxed.value >= exact - 1e-6;
    if (!inside) throw new SolverDisagreementError(`LP bound ${relaxed.value} lies inside the MIP optimum ${exact} of ${target[0]}`);
    return exact;
  };
  return { min: bound('Minimize'), max: bound('Maximize') };
}

class RangeProblem {
  private readonly names = new Map<string, string>();

  constructor(
    private readonly target: readonly string[],
    private readonly shown: readonly Shown[],
  ) {
    for (const cell of [...target, ...shown.flatMap((s) => s.cells)])
      if (!this.names.has(cell)) this.names.set(cell, `y${this.names.size}`);
  }

  solve(highs: Highs, sense: Sense, integer: boolean): { value: number; integral: boolean } {
    const options = integer ? { output_flag: false, mip_rel_gap: 0 } : { output_flag: false, presolve: 'off', solver: 'simplex' };
    const result = highs.solve(this.lp(sense, integer), options as Parameters<Highs['solve']>[1]);
    if (result.Status === 'Infeasible') throw new ContradictoryPublicationError(`no counts reproduce the figures around ${this.target[0]}`);
    // Non-negative counts bound every minimum below by 0, so only a maximum can be unbounded.
    if (sense === 'Maximize' && (result.Status === 'Unbounded' || result.Status === 'Primal infeasible or unbounded')) {
      return { value: Infinity, integral: true };
    }
    if (result.Status !== 'Optimal') throw new SolverDisagreementError(`${sense} around ${this.target[0]}: ${result.Status}`);
    const value = result.ObjectiveValue;
    if (integer) {
      if (Math.abs(value - Math.round(value)) > 1e-6)
        throw new SolverDisagreementError(`fractional integer optimum ${value} for ${this.target[0]}`);
      return { value: Math.round(value), integral: true };
    }
    const point = new Map([...this.names].map(([cell, name]) => [cell, result.Columns[name]?.Primal ?? 0]));
    const integral = this.integralAt(point, value);
    return { value: integral ? Math.round(value) : value, integral };
  }

  private integralAt(point: ReadonlyMap<string, number>, bound: number): boolean {
    if ([...point.values()].some((v) => Math.abs(v - Math.round(v)) > 1e-7 || Math.round(v) < 0)) return false;
    const sum = (cells: readonly string[]) => cells.reduce((s, cell) => s + Math.round(point.get(cell)!), 0);
    return this.shown.every((s) => sum(s.cells) === s.value) && Math.abs(sum(this.target) - bound) < 1e-6;
  }

  private lp(sense: Sense, integer: boolean): string {
    const name = (cell: string) => this.names.get(cell)!;
    const variables = [...this.names.values()];
    return (
      `${sense}\n  z: ${this.target.map(name).join(' + ')}\nSubject To\n` +
      this.shown.map((s, i) => `  c${i}: ${s.cells.map(name).join(' + ')} = ${s.value}\n`).join('') +
      `Bounds\n${variables.map((v) => `  ${v} >= 0\n`).join('')}` +
      (integer ? `General\n  ${variables.join(' ')}\n` : '') +
      'End\n'
    );
  }
}
