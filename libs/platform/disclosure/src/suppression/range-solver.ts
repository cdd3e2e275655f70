import { DisclosureInputError } from '../errors';
import { EXACT_MIP, type Highs, type Model, type ModelData, VERTEX_LP } from '../highs-runtime';
import type { Cell } from './cell-space';
import { overlap, type Structure } from './structure';

/** The values a blank cell can take given the shown cells: integers min..max, max possibly Infinity. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export const width = (range: Range): number => range.max - range.min;

/** What a range is computed with: the solver, the cells' structure, and whether bounds without a MIP may decide. */
export interface RangeContext {
  readonly highs: Highs;
  readonly structure: Structure;
  /**
   * Decide by bounds before solving exactly: moves between indistinguishable finest cells give points the range
   * reaches, the LP relaxation a bound it cannot pass, and a count is never below 0. When the bounds settle the
   * answer no MIP (often no solve) is run; the answer is the same as the solves' (protect.method.spec.ts).
   */
  readonly bounds: boolean;
  /** Range models of this protection by target and linked cells: a model is built and solved once. */
  readonly models: Map<string, RangeModel>;
}

/**
 * Whether the target's integer range given the shown cells is at least k wide. The true value lies in the range, so
 * a maximum at least k above it settles the question with one solve.
 */
export function wideEnough(context: RangeContext, target: Cell, shown: readonly Cell[], k: number): boolean {
  const model = rangeModel(context, target, shown);
  if (model.open) return true;
  if (context.bounds) {
    // Points the range reaches: the true value moved up and down (see movable).
    if (model.movable.up + model.movable.down >= k) return true;
    // Every count is at least 0, so the minimum is too: a maximum below k leaves a range narrower than k.
    if (model.relaxedBound('Maximize') < k) return false;
  }
  const max = model.optimum('Maximize');
  if (max - target.value >= k) return true;
  return max - model.optimum('Minimize') >= k;
}

/** The target's integer range: min and max of its sum over non-negative integer finest counts reproducing the shown cells. */
export function feasibleRange(context: RangeContext, target: Cell, shown: readonly Cell[]): Range {
  const model = rangeModel(context, target, shown);
  if (!model.open) model.relax(['Minimize', 'Maximize']);
  return { min: model.optimum('Minimize'), max: model.optimum('Maximize') };
}

/** The model depends only on the target and the shown cells linked to it: one per protection and such pair. */
function rangeModel(context: RangeContext, target: Cell, shown: readonly Cell[]): RangeModel {
  const constraints = linkedCells(target, shown, context.structure);
  const key = `${target.index}:${constraints.map((cell) => cell.index).join(',')}`;
  let model = context.models.get(key);
  if (!model) {
    model = new RangeModel(context, target, constraints);
    context.models.set(key, model);
  }
  return model;
}

type Sense = 'Minimize' | 'Maximize';

/** An LP relaxation's outcome: its optimum (Infinity when unbounded) and, when optimal, its vertex. */
interface Relaxed {
  readonly value: number;
  readonly point?: Float64Array;
}

/** Tolerance on an LP optimum before it is rounded to the integer bound it implies. */
const LP_TOLERANCE = 1e-6;

/**
 * The suppressor's own range model over the part of the tables linked to the target (the rest cannot move it).
 * Finest cells that sit in exactly the same constraints and the same side of the objective act as one variable (their
 * sum): any non-negative integer value of that sum splits into non-negative integer counts, so the optimum is the
 * same as over the finest cells, on a model often a hundred times smaller (a table's blank cells leave their finest
 * cells indistinguishable). It is built from atoms (structure.ts), which are unions of such finest cells, in the
 * order of their first finest cell, so the model is the one the finest cells give. Each optimum is first solved as an
 * LP by simplex (the model passed to HiGHS as arrays, the second sense a warm re-solve of the same model): when its
 * vertex is integral it is the integer optimum (no integer point beats the LP bound); otherwise the MIP decides. The
 * true counts satisfy every constraint, so "infeasible or unbounded" means unbounded.
 */
export class RangeModel {
  /** Whether the target is unbounded above: some finest cell of it is in no constraint. */
  readonly open: boolean;
  /** The merged variables: in the objective or not, the constraints (by index) they appear in, and their true count. */
  private readonly groups: readonly { readonly inTarget: boolean; readonly rows: readonly number[]; readonly value: number }[];
  /**
   * How far the target provably moves from its true value without changing any shown figure: a variable of the
   * target and one outside it in exactly the same constraints trade cases freely. Moving every case of each such
   * outside variable in gives a non-negative integer point that reproduces every figure with the target `up` higher;
   * moving the target's out, one `down` lower. The range reaches both.
   */
  readonly movable: { readonly up: number; readonly down: number };
  private readonly relaxed = new Map<Sense, Relaxed>();
  private readonly exact = new Map<Sense, number>();

  constructor(
    private readonly context: RangeContext,
    private readonly target: Cell,
    private readonly constraints: readonly Cell[],
  ) {
    const { structure } = context;
    // Partition refinement: an atom's class is its history of memberships (the objective, then each row in turn).
    const classOf = new Int32Array(structure.atomCount);
    const touched: number[] = [];
    const classes: { inTarget: boolean; rows: number[] }[] = [
      { inTarget: false, rows: [] },
      { inTarget: true, rows: [] },
    ];
    for (const atom of structure.atomsOf[target.index]) {
      classOf[atom] = 1;
      touched.push(atom);
    }
    // The class each class splits into at the current row (valid where stampOf is that row).
    const afterOf: number[] = [];
    const stampOf: number[] = [];
    constraints.forEach((cell, row) => {
      const atoms = structure.atomsOf[cell.index];
      for (let i = 0; i < atoms.length; i++) {
        const atom = atoms[i];
        const before = classOf[atom];
        if (before === 0) touched.push(atom);
        let after: number;
        if (stampOf[before] === row) after = afterOf[before];
        else {
          after = classes.length;
          classes.push({ inTarget: classes[before].inTarget, rows: [...classes[before].rows, row] });
          afterOf[before] = after;
          stampOf[before] = row;
        }
        classOf[atom] = after;
      }
    });
    const valueOf = new Float64Array(classes.length).fill(-1);
    for (const atom of touched) {
      const id = classOf[atom];
      valueOf[id] = Math.max(valueOf[id], 0) + structure.atomValue[atom];
    }
    const used: number[] = [];
    valueOf.forEach((value, id) => value >= 0 && used.push(id));
    this.open = used.some((id) => classes[id].inTarget && classes[id].rows.length === 0);
    this.groups = used.map((id) => ({ ...classes[id], value: valueOf[id] }));
    const byRows = new Map<string, { inside?: number; outside?: number }>();
    for (const group of this.groups) {
      const key = group.rows.join(',');
      const found = byRows.get(key) ?? {};
      if (group.inTarget) found.inside = group.value;
      else found.outside = group.value;
      byRows.set(key, found);
    }
    let up = 0;
    let down = 0;
    for (const { inside, outside } of byRows.values()) {
      if (inside === undefined || outside === undefined) continue;
      up += outside;
      down += inside;
    }
    this.movable = { up, down };
  }

  /** The integer optimum. */
  optimum(sense: Sense): number {
    let value = this.exact.get(sense);
    if (value === undefined) {
      value = this.solveExactly(sense);
      this.exact.set(sense, value);
    }
    return value;
  }

  /** The integer bound the LP relaxation implies: no integer point goes past it (Infinity when unbounded above). */
  relaxedBound(sense: Sense): number {
    const { value } = this.relaxation(sense);
    if (!Number.isFinite(value)) return value;
    return sense === 'Maximize' ? Math.floor(value + LP_TOLERANCE) : Math.max(0, Math.ceil(value - LP_TOLERANCE));
  }

  private solveExactly(sense: Sense): number {
    if (sense === 'Maximize' && this.open) return Infinity;
    // What the range reaches by moves; with a bound equal to it, that is the optimum.
    const reached = sense === 'Maximize' ? this.target.value + this.movable.up : this.target.value - this.movable.down;
    if (this.context.bounds && sense === 'Minimize' && reached === 0) return 0;
    const relaxed = this.relaxation(sense);
    if (!Number.isFinite(relaxed.value)) return Infinity;
    if (relaxed.point && this.isIntegralOptimum(relaxed.point, relaxed.value)) return Math.round(relaxed.value);
    if (this.context.bounds && this.relaxedBound(sense) === reached) return reached;
    return this.mip(sense);
  }

  /**
   * The LP relaxations of these senses (those not solved yet), on one model: the second a warm re-solve of the first
   * after changing the objective's sense, instead of a new model.
   */
  relax(senses: readonly Sense[]): void {
    const wanted = senses.filter((sense) => !this.relaxed.has(sense));
    if (wanted.length === 0) return;
    this.context.highs.withModel(this.modelData(wanted[0], false), (model) => {
      model.options.set(VERTEX_LP);
      wanted.forEach((sense, i) => {
        if (i > 0) model.changeObjectiveSense(this.senseCode(sense));
        model.run();
        this.relaxed.set(sense, this.readRelaxed(model, sense));
      });
    });
  }

  private relaxation(sense: Sense): Relaxed {
    this.relax([sense]);
    return this.relaxed.get(sense)!;
  }

  private readRelaxed(model: Model, sense: Sense): Relaxed {
    const status = model.getModelStatus();
    const codes = this.context.highs.constants.modelStatus;
    if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return { value: sense === 'Maximize' ? Infinity : 0 };
    if (status !== codes.optimal)
      throw new DisclosureInputError(`The range of ${this.target.keys[0]} could not be solved (status ${status}).`);
    return { value: model.getObjectiveValue(), point: model.getSolution().colValue };
  }

  private mip(sense: Sense): number {
    return this.context.highs.withModel(this.modelData(sense, true), (model) => {
      model.options.set(EXACT_MIP);
      model.run();
      const status = model.getModelStatus();
      const codes = this.context.highs.constants.modelStatus;
      if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return Infinity;
      if (status !== codes.optimal)
        throw new DisclosureInputError(`The range of ${this.target.keys[0]} could not be solved (status ${status}).`);
      const objective = model.getObjectiveValue();
      const value = Math.round(objective);
      if (Math.abs(value - objective) > 1e-6) throw new Error(`HiGHS returned a fractional optimum for ${this.target.keys[0]}`);
      return value;
    });
  }

  /** The LP vertex, rounded, is a non-negative integer point that meets every constraint exactly and the LP bound. */
  private isIntegralOptimum(point: Float64Array, bound: number): boolean {
    const rounded: number[] = [];
    for (const v of point) {
      if (Math.abs(v - Math.round(v)) > 1e-7 || Math.round(v) < 0) return false;
      rounded.push(Math.round(v));
    }
    const sums = this.constraints.map(() => 0);
    let objective = 0;
    this.groups.forEach((group, g) => {
      for (const row of group.rows) sums[row] += rounded[g];
      if (group.inTarget) objective += rounded[g];
    });
    if (!this.constraints.every((c, row) => sums[row] === c.value)) return false;
    return Math.abs(objective - bound) < 1e-6;
  }

  private senseCode(sense: Sense) {
    const { objectiveSense } = this.context.highs.constants;
    return sense === 'Maximize' ? objectiveSense.maximize : objectiveSense.minimize;
  }

  /** The model as HiGHS takes it: one column per variable (CSC), one equality row per linked shown cell. */
  private modelData(sense: Sense, integer: boolean): ModelData {
    const numCols = this.groups.length;
    const numRows = this.constraints.length;
    const starts = new Int32Array(numCols + 1);
    const indices: number[] = [];
    this.groups.forEach((group, g) => {
      indices.push(...group.rows);
      starts[g + 1] = indices.length;
    });
    const rhs = Float64Array.from(this.constraints, (cell) => cell.value);
    return {
      numCols,
      numRows,
      sense: this.senseCode(sense),
      colCost: Float64Array.from(this.groups, (group) => (group.inTarget ? 1 : 0)),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(Infinity),
      rowLower: rhs,
      rowUpper: rhs,
      matrix: {
        format: 'csc',
        numRows,
        numCols,
        starts,
        indices: Int32Array.from(indices),
        values: new Float64Array(indices.length).fill(1),
      },
      ...(integer ? { integrality: new Int32Array(numCols).fill(this.context.highs.constants.variableType.integer) } : {}),
    };
  }
}

/** The shown cells connected to the target through shared finest cells, directly or through other shown cells. */
export function linkedCells(target: Cell, shown: readonly Cell[], structure: Structure): Cell[] {
  const linked = new Set<Cell>();
  const frontier = [target.index];
  let remaining = [...shown];
  while (frontier.length > 0 && remaining.length > 0) {
    const from = frontier.pop()!;
    remaining = remaining.filter((cell) => {
      if (!overlap(structure, from, cell.index)) return true;
      linked.add(cell);
      frontier.push(cell.index);
      return false;
    });
  }
  return shown.filter((cell) => linked.has(cell));
}
