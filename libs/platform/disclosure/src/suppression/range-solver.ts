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
  /** The classes of atoms by linked shown cells, per set of them (see rowClassesOf). */
  readonly rowClasses: Map<string, RowClasses>;
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

/**
 * Whether the target's range given these shown cells is wider than `range`. The range reaches the points the moves
 * reach (see movable), so it is at least `up + down` wide: when that is already wider, no solve is needed.
 */
export function widerThan(context: RangeContext, target: Cell, shown: readonly Cell[], range: Range): boolean {
  if (context.bounds) {
    const model = rangeModel(context, target, shown);
    if (!model.open && model.movable.up + model.movable.down > width(range)) return true;
  }
  return width(feasibleRange(context, target, shown)) > width(range);
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

/**
 * A blank the reader knows more of than that it is blank: its published mark says its sum is at most `atMost` (a
 * primary blank: fewer than its k cases, so at most k − 1).
 */
export interface MarkedBlank {
  readonly cell: Cell;
  readonly atMost: number;
}

/**
 * The target's integer range given the shown cells and what the marks say (ADR 0074): every marked blank linked to it,
 * the target's own mark included, is a row "sum at most `atMost`" beside the shown figures' equalities.
 */
export function markedRange(context: RangeContext, target: MarkedBlank, shown: readonly Cell[], marked: readonly MarkedBlank[]): Range {
  const model = markedModel(context, target, shown, marked);
  return { min: model.optimum('Minimize'), max: model.optimum('Maximize') };
}

/**
 * Whether the marked target's range given everything published (figures and marks) is still all of 0 … atMost:
 * nothing published tells more of it than its mark does. The true value lies in the range, so moves (see movable)
 * that reach both ends settle it without a solve.
 */
export function markHidesEnough(
  context: RangeContext,
  target: MarkedBlank,
  shown: readonly Cell[],
  marked: readonly MarkedBlank[],
): boolean {
  if (context.bounds) {
    // No shown figure linked: all counts 0 gives 0, and the target's whole bound in one of its atoms gives atMost,
    // unless a linked mark is tighter than the target's own.
    const linked = new Set(linkedCells(target.cell, [...shown, ...marked.map((blank) => blank.cell)], context.structure));
    if (!shown.some((cell) => linked.has(cell)) && marked.every((blank) => !linked.has(blank.cell) || blank.atMost >= target.atMost))
      return true;
    // Without its own mark as a row the target's atoms can trade cases with others in the same rows: every value
    // from value − down to value + up is reached, each meeting every other row.
    const { movable } = markedModel(context, target, shown, marked, false);
    if (target.cell.value - movable.down <= 0 && target.cell.value + movable.up >= target.atMost) return true;
  }
  const model = markedModel(context, target, shown, marked, true);
  if (context.bounds) {
    model.relax(['Maximize', 'Minimize']);
    if (model.relaxedBound('Maximize') < target.atMost) return false;
  }
  return model.optimum('Maximize') >= target.atMost && model.optimum('Minimize') <= 0;
}

function markedModel(
  context: RangeContext,
  target: MarkedBlank,
  shown: readonly Cell[],
  marked: readonly MarkedBlank[],
  ownRow = true,
): RangeModel {
  const others = marked.filter((blank) => blank.cell !== target.cell);
  const atMostOf = new Map(others.map((blank) => [blank.cell, blank.atMost]));
  const linked = linkedCells(target.cell, [...shown, ...others.map((blank) => blank.cell)], context.structure);
  const constraints = linked.filter((cell) => !atMostOf.has(cell));
  // In cell order, the target's own row among them: targets linked to the same rows share their classes.
  if (ownRow) atMostOf.set(target.cell, target.atMost);
  const bounded: MarkedBlank[] = [...linked, ...(ownRow ? [target.cell] : [])]
    .filter((cell) => atMostOf.has(cell))
    .sort((x, y) => x.index - y.index)
    .map((cell) => ({ cell, atMost: atMostOf.get(cell)! }));
  const key =
    `marked ${target.cell.index}${ownRow ? '' : ' alone'}:${constraints.map((cell) => cell.index).join(',')}` +
    `:${bounded.map((blank) => `${blank.cell.index}<=${blank.atMost}`).join(',')}`;
  let model = context.models.get(key);
  if (!model) {
    model = new RangeModel(context, target.cell, constraints, bounded);
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
 * cells indistinguishable). It is built from atoms (structure.ts), which are unions of such finest cells: the classes
 * of the linked cells' atoms (rowClassesOf, shared by every target linked to the same cells), each split into the
 * target's part and the rest. The variables are those the finest cells give (in another order, which changes no
 * optimum). Each optimum is first solved as an
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

  /** The rows: the shown cells (sum equal to the figure), then the marked blanks (sum at most their bound). */
  private readonly rows: readonly { readonly cell: Cell; readonly lower: number; readonly upper: number }[];

  constructor(
    private readonly context: RangeContext,
    private readonly target: Cell,
    constraints: readonly Cell[],
    bounded: readonly MarkedBlank[] = [],
  ) {
    this.rows = [
      ...constraints.map((cell) => ({ cell, lower: cell.value, upper: cell.value })),
      ...bounded.map(({ cell, atMost }) => ({ cell, lower: 0, upper: atMost })),
    ];
    if (this.rows.length === 0) {
      // Nothing shown touches the target: one variable, in no constraint, so unbounded above.
      this.open = true;
      this.groups = [{ inTarget: true, rows: [], value: target.value }];
      this.movable = { up: 0, down: 0 };
      return;
    }
    const { structure } = context;
    const split = rowClassesOf(
      context,
      this.rows.map((row) => row.cell),
      bounded.length > 0 ? `${constraints.length}` : '',
    );
    // Each class of the rows splits into the target's atoms and the others: one variable each, when it has atoms.
    const inAtoms = new Int32Array(split.rows.length);
    const inValue = new Float64Array(split.rows.length);
    for (const atom of structure.atomsOf[target.index]) {
      const id = split.classOf[atom];
      inAtoms[id] += 1;
      inValue[id] += structure.atomValue[atom];
    }
    const groups: { inTarget: boolean; rows: readonly number[]; value: number }[] = [];
    let up = 0;
    let down = 0;
    split.rows.forEach((rows, id) => {
      const inside = inAtoms[id] > 0;
      const outside = id > 0 && split.atoms[id] > inAtoms[id];
      if (inside) groups.push({ inTarget: true, rows, value: inValue[id] });
      if (outside) groups.push({ inTarget: false, rows, value: split.value[id] - inValue[id] });
      if (inside && outside) {
        up += split.value[id] - inValue[id];
        down += inValue[id];
      }
    });
    this.open = inAtoms[0] > 0;
    this.groups = groups;
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
    const sums = this.rows.map(() => 0);
    let objective = 0;
    this.groups.forEach((group, g) => {
      for (const row of group.rows) sums[row] += rounded[g];
      if (group.inTarget) objective += rounded[g];
    });
    if (!this.rows.every((row, i) => sums[i] >= row.lower && sums[i] <= row.upper)) return false;
    return Math.abs(objective - bound) < 1e-6;
  }

  private senseCode(sense: Sense) {
    const { objectiveSense } = this.context.highs.constants;
    return sense === 'Maximize' ? objectiveSense.maximize : objectiveSense.minimize;
  }

  /**
   * The model as HiGHS takes it: one column per variable (CSC), one equality row per linked shown cell and one row
   * "at most" per marked blank.
   */
  private modelData(sense: Sense, integer: boolean): ModelData {
    const numCols = this.groups.length;
    const numRows = this.rows.length;
    const starts = new Int32Array(numCols + 1);
    const indices: number[] = [];
    this.groups.forEach((group, g) => {
      indices.push(...group.rows);
      starts[g + 1] = indices.length;
    });

    return {
      numCols,
      numRows,
      sense: this.senseCode(sense),
      colCost: Float64Array.from(this.groups, (group) => (group.inTarget ? 1 : 0)),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(Infinity),
      rowLower: Float64Array.from(this.rows, (row) => row.lower),
      rowUpper: Float64Array.from(this.rows, (row) => row.upper),
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

/**
 * The atoms of these rows in classes by the rows they lie in (partition refinement, row by row; class 0: in none),
 * with each class's rows, atom count and true count. Every target linked to the same shown cells splits these same
 * classes, so they are made once per protection and set of rows.
 */
interface RowClasses {
  readonly classOf: Int32Array;
  readonly rows: readonly (readonly number[])[];
  readonly atoms: Int32Array;
  readonly value: Float64Array;
}

function rowClassesOf(context: RangeContext, constraints: readonly Cell[], variant = ''): RowClasses {
  const key = `${variant}:${constraints.map((cell) => cell.index).join(',')}`;
  const found = context.rowClasses.get(key);
  if (found) return found;
  const { structure } = context;
  const classOf = new Int32Array(structure.atomCount);
  const rows: number[][] = [[]];
  // The class each class splits into at the current row (valid where stampOf is that row).
  const afterOf: number[] = [];
  const stampOf: number[] = [];
  constraints.forEach((cell, row) => {
    const atoms = structure.atomsOf[cell.index];
    for (let i = 0; i < atoms.length; i++) {
      const before = classOf[atoms[i]];
      if (stampOf[before] !== row) {
        afterOf[before] = rows.length;
        stampOf[before] = row;
        rows.push([...rows[before], row]);
      }
      classOf[atoms[i]] = afterOf[before];
    }
  });
  const atoms = new Int32Array(rows.length);
  const value = new Float64Array(rows.length);
  for (let atom = 0; atom < structure.atomCount; atom++) {
    atoms[classOf[atom]] += 1;
    value[classOf[atom]] += structure.atomValue[atom];
  }
  const classes = { classOf, rows, atoms, value };
  context.rowClasses.set(key, classes);
  return classes;
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
