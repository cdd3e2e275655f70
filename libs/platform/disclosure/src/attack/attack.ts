import { highsSolver, type Highs, type Model, type ModelData } from '../highs-runtime';
import { DEFAULT_K } from '../model';

/** What a reader sees of one published cell: its label, the finest cells it sums, and its figure or a blank. */
export interface PublishedFigure {
  readonly key: string;
  readonly cells: readonly string[];
  readonly value: number | null;
  /**
   * Why it is blank, as published (CSV, API): `primary` tells the reader the figure is under its k, so at most k − 1
   * (zero included). Other reasons say nothing of the value. Absent: the reader sees a blank only (the PDF, the portal).
   */
  readonly reason?: string | null;
  /** The k the figure was published at (a ledger entry's); the attack's k when absent. */
  readonly k?: number;
}

/** What the attacker learns about one blank cell (all keys that blank the same finest cells, together). */
export interface AttackedCell {
  readonly keys: readonly string[];
  readonly cells: readonly string[];
  /** The integer range the blank can take given everything shown; max may be Infinity. */
  readonly min: number;
  readonly max: number;
  /**
   * For a blank published as primary (at most `atMost`): its range given the figures and every primary mark, its own
   * included (ADR 0074). It must be all of 0 … atMost: the figures tell nothing beyond "fewer than k".
   */
  readonly marked?: { readonly atMost: number; readonly min: number; readonly max: number };
  /** max − min < k (the blank is pinned to within k of a single value), or a primary blank's marked range is not all of 0 … atMost. */
  readonly disclosed: boolean;
}

export interface AttackReport {
  readonly k: number;
  readonly blanks: readonly AttackedCell[];
  readonly disclosures: readonly AttackedCell[];
  /** Figures shown with a value under k: disclosed as printed. */
  readonly shownBelowThreshold: readonly PublishedFigure[];
}

/**
 * Something a reader knows besides the figures: the sum of these finest cells is at most `atMost`. The benchmark
 * rules are public, so a shown benchmark cell of C cases tells every reader that no organisation has more than 60 %
 * of C, nor more than C − k (ADR 0035): such caps are bounds on one organisation's finest cells.
 */
export interface KnownBound {
  readonly cells: readonly string[];
  readonly atMost: number;
}

export interface AttackOptions {
  readonly k?: number;
  /**
   * Solve every optimum as a MIP as well, and fail unless it equals the LP-certified optimum where there is one and
   * lies inside the LP relaxation (a solver bug must not hide a leak). Slower; for tests and audits.
   */
  readonly crossCheck?: boolean;
  /** Upper bounds the reader also knows (linear inequalities over the finest cells); none by default. */
  readonly bounds?: readonly KnownBound[];
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
 * over non-negative integer finest counts that reproduce every shown figure and meet every bound the reader also
 * knows (`bounds`; two MIPs per blank, HiGHS). Written
 * apart from the suppressor on purpose: it shares no code with it but the solver.
 */
export async function attack(figures: readonly PublishedFigure[], options: AttackOptions = {}): Promise<AttackReport> {
  const k = options.k ?? DEFAULT_K;
  const highs = await highsSolver();
  const { shown, blanks } = groupFigures(figures, k);
  const rows: Row[] = [
    ...shown.map((s) => ({ ...s, atMost: false })),
    ...(options.bounds ?? []).map((b) => ({ cells: [...new Set(b.cells)].sort(), value: b.atMost, atMost: true })),
  ];
  const components = new Components(rows.map((s) => s.cells));
  // What the reasons add: each blank published as primary is at most its k − 1.
  const markRows: Row[] = blanks.flatMap((blank) =>
    blank.atMost === undefined ? [] : [{ cells: blank.cells, value: blank.atMost, atMost: true }],
  );
  const withMarks = [...rows, ...markRows];
  const markedComponents = new Components(withMarks.map((s) => s.cells));
  const attacked = blanks.map(({ keys, cells, atMost }): AttackedCell => {
    const relevant = components.constraintsTouching(cells).map((i) => rows[i]);
    const range = solveRange(highs, cells, relevant, options.crossCheck ?? false);
    const wide = range.max - range.min >= k;
    if (atMost === undefined) return { keys, cells, min: range.min, max: range.max, disclosed: !wide };
    const markedRelevant = markedComponents.constraintsTouching(cells).map((i) => withMarks[i]);
    const marked = solveRange(highs, cells, markedRelevant, options.crossCheck ?? false);
    const hidden = marked.min <= 0 && marked.max >= atMost;
    return { keys, cells, min: range.min, max: range.max, marked: { atMost, ...marked }, disclosed: !wide || !hidden };
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

/** A constraint of the range problem: a shown figure (the sum equals it) or a known bound (the sum is at most it). */
interface Row extends Shown {
  readonly atMost: boolean;
}

function groupFigures(figures: readonly PublishedFigure[], k: number) {
  const byDefinition = new Map<string, { cells: string[]; keys: Set<string>; values: Set<number>; blank: boolean; atMost?: number }>();
  for (const figure of figures) {
    const cells = [...new Set(figure.cells)].sort();
    const id = cells.join('\u0001');
    const group = byDefinition.get(id) ?? { cells, keys: new Set<string>(), values: new Set<number>(), blank: false };
    group.keys.add(figure.key);
    if (figure.value === null) group.blank = true;
    else group.values.add(figure.value);
    if (figure.value === null && figure.reason === 'primary') group.atMost = Math.min(group.atMost ?? Infinity, (figure.k ?? k) - 1);
    byDefinition.set(id, group);
  }
  const ordered = [...byDefinition.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
  const shown: Shown[] = [];
  const blanks: { keys: string[]; cells: string[]; atMost?: number }[] = [];
  for (const group of ordered) {
    if (group.values.size > 1)
      throw new ContradictoryPublicationError(`${[...group.keys].join(', ')} shown as ${[...group.values].join(' and ')}`);
    if (group.values.size === 1) shown.push({ cells: group.cells, value: [...group.values][0] });
    // A blank whose figure is shown elsewhere is still attacked: its range collapses to that figure.
    if (group.blank) {
      blanks.push({ keys: [...group.keys].sort(), cells: group.cells, ...(group.atMost === undefined ? {} : { atMost: group.atMost }) });
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

/** An optimum, and whether it is certified integral (a MIP's always is). */
interface Optimum {
  readonly value: number;
  readonly integral: boolean;
}

/**
 * One blank's range. Each optimum comes from the LP relaxation when its simplex vertex, rounded, is an integer point
 * that reproduces every shown figure and reaches the LP bound (then no integer point can do better); otherwise from
 * the MIP. With `crossCheck` the MIP is solved every time and must agree, and must lie inside the LP relaxation.
 */
function solveRange(highs: Highs, target: readonly string[], shown: readonly Row[], crossCheck: boolean) {
  const problem = new RangeProblem(target, shown);
  const relaxations = problem.relaxations(highs);
  const bound = (sense: Sense) => {
    const relaxed = relaxations[sense];
    const certified = relaxed.integral ? relaxed.value : undefined;
    if (certified !== undefined && !crossCheck) return certified;
    const exact = problem.mip(highs, sense).value;
    if (certified !== undefined && certified !== exact)
      throw new SolverDisagreementError(`LP vertex ${certified} and MIP ${exact} differ for ${target[0]}`);
    const inside = sense === 'Minimize' ? relaxed.value <= exact + 1e-6 : relaxed.value >= exact - 1e-6;
    if (!inside) throw new SolverDisagreementError(`LP bound ${relaxed.value} lies inside the MIP optimum ${exact} of ${target[0]}`);
    return exact;
  };
  return { min: bound('Minimize'), max: bound('Maximize') };
}

/**
 * The range problem over variables that each stand for the finest cells in exactly the same constraints and the same
 * side of the objective (their sum): any non-negative integer value of such a sum splits into non-negative integer
 * counts that meet every constraint alike, so the optima are those over the finest cells, on a far smaller model.
 */
class RangeProblem {
  /** Per variable: whether it is in the objective, and the rows it is in. */
  private readonly groups: { readonly inTarget: boolean; readonly rows: readonly number[] }[] = [];

  constructor(
    private readonly target: readonly string[],
    private readonly shown: readonly Row[],
  ) {
    const rowsOf = new Map<string, number[]>();
    for (const cell of target) rowsOf.set(cell, []);
    shown.forEach((row, i) => {
      for (const cell of row.cells) {
        const found = rowsOf.get(cell);
        if (found) found.push(i);
        else rowsOf.set(cell, [i]);
      }
    });
    const inTarget = new Set(target);
    const byPattern = new Map<string, number>();
    for (const [cell, rows] of rowsOf) {
      const pattern = `${inTarget.has(cell) ? 1 : 0}:${rows.join(',')}`;
      if (!byPattern.has(pattern)) {
        byPattern.set(pattern, this.groups.length);
        this.groups.push({ inTarget: inTarget.has(cell), rows });
      }
    }
  }

  /**
   * Both LP relaxations on one model: the maximum a warm re-solve of the minimum with the objective's sense changed.
   * Each optimum is a simplex vertex (no presolve), which can certify integrality.
   */
  relaxations(highs: Highs): Record<Sense, Optimum> {
    return highs.withModel(this.model(highs, 'Minimize', false), (model) => {
      model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
      const min = this.optimum(highs, model, 'Minimize', false);
      if (this.unbounded()) return { Minimize: min, Maximize: { value: Infinity, integral: true } };
      model.changeObjectiveSense(highs.constants.objectiveSense.maximize);
      return { Minimize: min, Maximize: this.optimum(highs, model, 'Maximize', false) };
    });
  }

  /** The integer optimum, solved to proven optimality. */
  mip(highs: Highs, sense: Sense): Optimum {
    if (sense === 'Maximize' && this.unbounded()) return { value: Infinity, integral: true };
    return highs.withModel(this.model(highs, sense, true), (model) => {
      model.options.set({ output_flag: false, mip_rel_gap: 0 });
      return this.optimum(highs, model, sense, true);
    });
  }

  /** A cell of the blank in no constraint at all: the blank has no upper bound. */
  private unbounded(): boolean {
    return this.groups.some((g) => g.inTarget && g.rows.length === 0);
  }

  private optimum(highs: Highs, model: Model, sense: Sense, integer: boolean): Optimum {
    const codes = highs.constants.modelStatus;
    model.run();
    const status = model.getModelStatus();
    if (status === codes.infeasible) throw new ContradictoryPublicationError(`no counts reproduce the figures around ${this.target[0]}`);
    // Non-negative counts bound every minimum below by 0, so only a maximum can be unbounded.
    if (sense === 'Maximize' && (status === codes.unbounded || status === codes.unboundedOrInfeasible))
      return { value: Infinity, integral: true };
    if (status !== codes.optimal) throw new SolverDisagreementError(`${sense} around ${this.target[0]}: status ${status}`);
    const value = model.getObjectiveValue();
    if (integer) {
      if (Math.abs(value - Math.round(value)) > 1e-6)
        throw new SolverDisagreementError(`fractional integer optimum ${value} for ${this.target[0]}`);
      return { value: Math.round(value), integral: true };
    }
    const integral = this.integralAt(Array.from(model.getSolution().colValue), value);
    return { value: integral ? Math.round(value) : value, integral };
  }

  private integralAt(point: readonly number[], bound: number): boolean {
    if (point.some((v) => Math.abs(v - Math.round(v)) > 1e-7 || Math.round(v) < 0)) return false;
    const sums = this.shown.map(() => 0);
    let objective = 0;
    this.groups.forEach((group, g) => {
      for (const row of group.rows) sums[row] += Math.round(point[g]);
      if (group.inTarget) objective += Math.round(point[g]);
    });
    const met = this.shown.every((row, i) => (row.atMost ? sums[i] <= row.value : sums[i] === row.value));
    return met && Math.abs(objective - bound) < 1e-6;
  }

  /**
   * The problem as HiGHS takes it: a column per variable (its cost 1 when in the blank), a row per shown figure (equal
   * to it) or known bound (at most it), every column a non-negative count; integers for the MIP.
   */
  private model(highs: Highs, sense: Sense, integer: boolean): ModelData {
    const numCols = this.groups.length;
    const numRows = this.shown.length;
    const starts = new Int32Array(numCols + 1);
    const indices: number[] = [];
    this.groups.forEach((group, g) => {
      indices.push(...group.rows);
      starts[g + 1] = indices.length;
    });
    const { objectiveSense, variableType } = highs.constants;
    return {
      numCols,
      numRows,
      sense: sense === 'Maximize' ? objectiveSense.maximize : objectiveSense.minimize,
      colCost: Float64Array.from(this.groups, (group) => (group.inTarget ? 1 : 0)),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(Infinity),
      rowLower: Float64Array.from(this.shown, (row) => (row.atMost ? -Infinity : row.value)),
      rowUpper: Float64Array.from(this.shown, (row) => row.value),
      matrix: {
        format: 'csc',
        numRows,
        numCols,
        starts,
        indices: Int32Array.from(indices),
        values: new Float64Array(indices.length).fill(1),
      },
      ...(integer ? { integrality: new Int32Array(numCols).fill(variableType.integer) } : {}),
    };
  }
}
