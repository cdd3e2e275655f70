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
  /**
   * Integer points found so far per set of rows with their bounds (a marked model's, see markedModel): each meets
   * every row, so it is a point of every marked target's model over those rows, and shows values each target reaches.
   */
  readonly points: Map<string, IntegerPoints>;
  /**
   * Whether the first MIP is over the generated columns only (see RangeModel.mip); true unless set. A test sets it
   * false to send every MIP through the reduced costs.
   */
  readonly mipOverGeneratedFirst?: boolean;
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
 * Whether integer points show the marked target's range given these shown cells and the marks to be all of
 * 0 … atMost (points kept, cases moved; see RangeModel.reachesBothEnds). False says nothing: it may still be.
 */
export function markedRangeWhole(
  context: RangeContext,
  target: MarkedBlank,
  shown: readonly Cell[],
  marked: readonly MarkedBlank[],
): boolean {
  return context.bounds && markedModel(context, target, shown, marked).reachesBothEnds(target.atMost);
}

/**
 * Whether blanking `candidate` (one of the shown cells) certainly leaves the marked target's range no wider than
 * `than`: the LP relaxation's bounds are no wider, and the candidate's row has a zero dual in both (the LP optimum
 * and the duals stay feasible without the row, so each bound stays as it is). False says nothing.
 */
export function blankingCannotWiden(
  context: RangeContext,
  target: MarkedBlank,
  shown: readonly Cell[],
  marked: readonly MarkedBlank[],
  candidate: Cell,
  than: number,
): boolean {
  if (!context.bounds) return false;
  const model = markedModel(context, target, shown, marked);
  model.relax(['Maximize', 'Minimize']);
  if (model.relaxedBound('Maximize') - model.relaxedBound('Minimize') > than) return false;
  return model.hasZeroDuals(candidate);
}

/**
 * Whether the marked target's range given these shown cells and the marks is wider than `than`. The LP relaxation
 * bounds the range: when even its bounds are no wider, no integer range is, and no MIP is needed.
 */
export function markedRangeWiderThan(
  context: RangeContext,
  target: MarkedBlank,
  shown: readonly Cell[],
  marked: readonly MarkedBlank[],
  than: number,
): boolean {
  const model = markedModel(context, target, shown, marked);
  if (context.bounds) {
    // Points reaching 0 and atMost: the range is all it can be, as wide as the mark allows.
    if (target.atMost > than && model.reachesBothEnds(target.atMost)) return true;
    const { low, high } = model.reachedSpan(target.atMost);
    if (high - low > than) return true;
    model.relax(['Maximize', 'Minimize']);
    if (model.relaxedBound('Maximize') - model.relaxedBound('Minimize') <= than) return false;
  }
  return model.optimum('Maximize') - model.optimum('Minimize') > than;
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
  }
  const model = markedModel(context, target, shown, marked);
  if (!context.bounds) return model.optimum('Maximize') >= target.atMost && model.optimum('Minimize') <= 0;
  // Points found for other targets over the same rows, or made by moving cases, may show both ends.
  if (model.reachesBothEnds(target.atMost)) return true;
  model.relax(['Maximize', 'Minimize']);
  if (model.relaxedBound('Maximize') < target.atMost || model.relaxedBound('Minimize') > 0) return false;
  if (!model.reached(target.atMost) && model.optimum('Maximize') < target.atMost) return false;
  return model.reached(0) || model.optimum('Minimize') <= 0;
}

/**
 * Integer points of one set of rows (each class of their atoms' total), none twice, for the targets over those rows:
 * when a target's atoms are whole classes (its own row among the rows), its sum at a point is that of its classes.
 */
class IntegerPoints {
  /** Each point's classes with a count, and their counts. */
  private readonly points: { readonly ids: Int32Array; readonly counts: Float64Array }[] = [];
  private readonly seen = new Set<string>();
  private signatures: { readonly groupOf: Int32Array; readonly groups: readonly (readonly number[])[] } | undefined;

  /**
   * @param split the classes of the rows' atoms (the true counts are a point)
   * @param byShownCells the classes of the same atoms by the shown cells among the rows alone
   */
  constructor(
    readonly split: RowClasses,
    private readonly byShownCells: () => RowClasses,
  ) {
    this.add(
      Int32Array.from(this.trueCountIds()),
      Float64Array.from(this.trueCountIds(), (id) => split.value[id]),
    );
  }

  private trueIds: number[] | undefined;

  /** The classes the true counts are in. */
  trueCountIds(): readonly number[] {
    if (!this.trueIds) {
      this.trueIds = [];
      for (let id = 0; id < this.split.value.length; id++) if (this.split.value[id] !== 0) this.trueIds.push(id);
    }
    return this.trueIds;
  }

  /**
   * The classes with atoms in groups by the shown cells they lie in (a case moves within a group and every figure
   * stays); -1: in no group of two or more. Two classes share a group when an atom of each is in the same class of the
   * shown cells alone.
   */
  bySignature() {
    if (!this.signatures) {
      const shownClasses = this.byShownCells();
      const members = new Map<number, number[]>();
      this.split.atomOf.forEach((atom, id) => {
        if (id === 0 || atom < 0) return;
        const group = shownClasses.classOf[atom];
        const found = members.get(group);
        if (found) found.push(id);
        else members.set(group, [id]);
      });
      const groups = [...members.values()].filter((group) => group.length > 1);
      const groupOf = new Int32Array(this.split.atomOf.length).fill(-1);
      groups.forEach((group, g) => group.forEach((id) => (groupOf[id] = g)));
      this.signatures = { groupOf, groups };
    }
    return this.signatures;
  }

  /** Keeps a point (these classes' counts, every other class 0), once. */
  add(ids: Int32Array, counts: Float64Array): void {
    const key = `${ids.join(',')}:${counts.join(',')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.points.push({ ids, counts });
  }

  /** The sum each point gives the classes marked in `member`. */
  sums(member: Uint8Array): number[] {
    return this.points.map(({ ids, counts }) => {
      let sum = 0;
      for (let i = 0; i < ids.length; i++) if (member[ids[i]]) sum += counts[i];
      return sum;
    });
  }
}

function markedModel(context: RangeContext, target: MarkedBlank, shown: readonly Cell[], marked: readonly MarkedBlank[]): RangeModel {
  const others = marked.filter((blank) => blank.cell !== target.cell);
  const atMostOf = new Map(others.map((blank) => [blank.cell, blank.atMost]));
  const linked = linkedCells(target.cell, [...shown, ...others.map((blank) => blank.cell)], context.structure);
  const constraints = linked.filter((cell) => !atMostOf.has(cell));
  // In cell order, the target's own row among them: targets linked to the same rows share their classes.
  atMostOf.set(target.cell, target.atMost);
  const bounded: MarkedBlank[] = [...linked, target.cell]
    .filter((cell) => atMostOf.has(cell))
    .sort((x, y) => x.index - y.index)
    .map((cell) => ({ cell, atMost: atMostOf.get(cell)! }));
  const key =
    `marked ${target.cell.index}:${constraints.map((cell) => cell.index).join(',')}` +
    `:${bounded.map((blank) => `${blank.cell.index}<=${blank.atMost}`).join(',')}`;
  let model = context.models.get(key);
  if (!model) {
    let points: IntegerPoints | undefined;
    if (context.bounds) {
      const rowsKey = key.slice(key.indexOf(':'));
      const rows = [...constraints, ...bounded.map((blank) => blank.cell)];
      points =
        context.points.get(rowsKey) ??
        new IntegerPoints(rowClassesOf(context, rows, `${constraints.length}`), () => rowClassesOf(context, constraints));
      context.points.set(rowsKey, points);
    }
    model = new RangeModel(context, target.cell, constraints, bounded, points);
    context.models.set(key, model);
  }
  return model;
}

type Sense = 'Minimize' | 'Maximize';

/** A point of a model: the value of each of these columns; every other column is 0. */
interface SparsePoint {
  readonly columns: readonly number[];
  readonly values: Float64Array;
}

/** An LP relaxation's outcome: its optimum (Infinity when unbounded) and, when optimal, its vertex. */
interface Relaxed {
  readonly value: number;
  readonly point?: SparsePoint;
}

/** A column left out of a generated relaxation enters when its reduced cost would improve the optimum by more. */
const PRICING_TOLERANCE = 1e-9;

/**
 * How much further than its reduced cost allows a column is still kept in a MIP, per case a point can hold (see
 * RangeModel.mip): HiGHS's duals are optimal within its tolerances (1e-7 per reduced cost), so the bound
 * V + Σ d_j x_j may be off by that much for every case of a point. Keeping more columns is always safe.
 */
const REDUCED_COST_MARGIN = 1e-6;

/** A row dual smaller than this counts as zero (see hasZeroDuals). */
const ZERO_DUAL = 1e-9;

/** At least how many of the most improving columns enter a generated relaxation per round. */
const ENTERING_PER_ROUND = 32;

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
  /**
   * The merged variables, by index: the class of the rows' atoms each is part of (its rows are the class's), whether
   * it is in the objective (the target's part of the class) and its true count.
   */
  private get columnCount(): number {
    return this.layout().count;
  }
  private get classOfColumn(): Int32Array {
    return this.layout().classOfColumn;
  }
  private get inTarget(): Uint8Array {
    return this.layout().inTarget;
  }
  /** The variables, made when first needed (a target settled by points or moves never needs them). */
  private columns: { count: number; classOfColumn: Int32Array; inTarget: Uint8Array; trueCount: Float64Array } | undefined;
  private readonly classRows: readonly (readonly number[])[];
  /** The classes of the rows' atoms, and the target's atoms and true count in each. */
  private readonly parts: { split: RowClasses; inAtoms: Int32Array; inValue: Float64Array } | undefined;
  /**
   * How far the target provably moves from its true value without changing any shown figure: a variable of the
   * target and one outside it in exactly the same constraints trade cases freely. Moving every case of each such
   * outside variable in gives a non-negative integer point that reproduces every figure with the target `up` higher;
   * moving the target's out, one `down` lower. The range reaches both.
   */
  readonly movable: { readonly up: number; readonly down: number };
  private readonly relaxed = new Map<Sense, Relaxed>();
  private readonly exact = new Map<Sense, number>();
  /** The columns the generated relaxations ended with (see generateColumns), when they were generated. */
  private generated: readonly number[] | undefined;
  /** The classes of the target's atoms (with its own row among the rows, whole classes); see reached. */
  private readonly targetClasses: Int32Array | undefined;
  private member: Uint8Array | undefined;
  /** The sums cases were moved to, by the value they were moved towards (see movedTowards). */
  private readonly moved = new Map<number, number>();
  /** Per sense, each row's dual at the generated relaxation's optimum (see hasZeroDuals). */
  private readonly rowDuals = new Map<Sense, Float64Array>();
  /** Per sense, each column's reduced cost at the generated relaxation's optimum (see mip). */
  private readonly reducedCosts = new Map<Sense, Float64Array>();

  /** The rows: the shown cells (sum equal to the figure), then the marked blanks (sum at most their bound). */
  private readonly rows: readonly { readonly cell: Cell; readonly lower: number; readonly upper: number }[];

  constructor(
    private readonly context: RangeContext,
    private readonly target: Cell,
    constraints: readonly Cell[],
    bounded: readonly MarkedBlank[] = [],
    /** Where integer points found are kept for other targets over the same rows (the target's own row among them). */
    private readonly points?: IntegerPoints,
  ) {
    this.rows = [
      ...constraints.map((cell) => ({ cell, lower: cell.value, upper: cell.value })),
      ...bounded.map(({ cell, atMost }) => ({ cell, lower: 0, upper: atMost })),
    ];
    if (this.rows.length === 0) {
      // Nothing shown touches the target: one variable, in no constraint, so unbounded above.
      this.open = true;
      this.columns = { count: 1, classOfColumn: new Int32Array(1), inTarget: Uint8Array.of(1), trueCount: Float64Array.of(target.value) };
      this.classRows = [[]];
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
    const touched: number[] = [];
    for (const atom of structure.atomsOf[target.index]) {
      const id = split.classOf[atom];
      if (inAtoms[id] === 0) touched.push(id);
      inAtoms[id] += 1;
      inValue[id] += structure.atomValue[atom];
    }
    let up = 0;
    let down = 0;
    for (const id of touched) {
      if (id > 0 && split.atoms[id] > inAtoms[id]) {
        up += split.value[id] - inValue[id];
        down += inValue[id];
      }
    }
    this.parts = { split, inAtoms, inValue };
    this.targetClasses = Int32Array.from(touched.sort((a, b) => a - b));
    this.classRows = split.rows;
    this.open = inAtoms[0] > 0;
    this.movable = { up, down };
  }

  /** The variables: each class of the rows splits into the target's atoms and the others, one each when it has atoms. */
  private layout() {
    if (this.columns) return this.columns;
    const { split, inAtoms, inValue } = this.parts!;
    const classes = split.rows.length;
    const classOfColumn = new Int32Array(2 * classes);
    const inTarget = new Uint8Array(2 * classes);
    const trueCount = new Float64Array(2 * classes);
    let count = 0;
    for (let id = 0; id < classes; id++) {
      if (inAtoms[id] > 0) {
        classOfColumn[count] = id;
        inTarget[count] = 1;
        trueCount[count++] = inValue[id];
      }
      if (id > 0 && split.atoms[id] > inAtoms[id]) {
        classOfColumn[count] = id;
        trueCount[count++] = split.value[id] - inValue[id];
      }
    }
    this.columns = { count, classOfColumn, inTarget, trueCount };
    return this.columns;
  }

  /** Whether integer points found so far, or made by moves, give the target 0 and `atMost`. */
  reachesBothEnds(atMost: number): boolean {
    return (this.reached(0) || this.movedTowards(0) === 0) && (this.reached(atMost) || this.movedTowards(atMost) === atMost);
  }

  /**
   * Two sums of the target that integer points show it reaches (points kept, and cases moved towards 0 and towards
   * `atMost`): its range is at least as wide as their difference.
   */
  reachedSpan(atMost: number): { low: number; high: number } {
    const low = this.movedTowards(0);
    const high = this.movedTowards(atMost);
    const kept = this.points?.sums(this.targetMember()) ?? [];
    return { low: Math.min(low, ...kept), high: Math.max(high, ...kept) };
  }

  /** Whether this cell's row has a zero dual at both generated relaxations' optima (false when there are none). */
  hasZeroDuals(cell: Cell): boolean {
    const row = this.rows.findIndex((candidate) => candidate.cell === cell);
    if (row < 0) return false;
    return (['Maximize', 'Minimize'] as const).every((sense) => {
      const duals = this.rowDuals.get(sense);
      return duals !== undefined && Math.abs(duals[row]) < ZERO_DUAL;
    });
  }

  /** Whether an integer point found so far over these rows gives the target this sum (never without kept points). */
  reached(value: number): boolean {
    return this.points?.sums(this.targetMember()).includes(value) ?? false;
  }

  /**
   * The target's sum after moving cases one at a time from the true counts towards `value` (and no further): a case
   * moves between two classes in the same shown cells (so every figure stays), into the target's or out of it, when
   * every marked row it enters stays within its bound (a row it leaves only goes down, never below 0). The point made
   * so is kept. NaN without kept points.
   */
  movedTowards(value: number): number {
    if (!this.points) return NaN;
    let moved = this.moved.get(value);
    if (moved === undefined) {
      moved = this.moveTowards(value, this.points);
      this.moved.set(value, moved);
    }
    return moved;
  }

  private moveTowards(value: number, points: IntegerPoints): number {
    const sources = points.trueCountIds();
    const point = new Map(sources.map((id) => [id, points.split.value[id]]));
    const countOf = (id: number) => point.get(id) ?? 0;
    const sums = new Float64Array(this.rows.length);
    for (const id of sources) for (const row of this.classRows[id]) sums[row] += countOf(id);
    const inTarget = this.targetMember();
    let sum = 0;
    for (const id of sources) if (inTarget[id]) sum += countOf(id);
    const up = value > sum;
    // A case moving from one class to another enters the rows of the second that the first is not in.
    const inFrom = new Uint8Array(this.rows.length);
    const fits = (from: number, to: number) => {
      for (const row of this.classRows[from]) inFrom[row] = 1;
      const fit = this.classRows[to].every((row) => inFrom[row] === 1 || sums[row] + 1 <= this.rows[row].upper);
      for (const row of this.classRows[from]) inFrom[row] = 0;
      return fit;
    };
    const move = (from: number, to: number) => {
      point.set(from, countOf(from) - 1);
      point.set(to, countOf(to) + 1);
      for (const row of this.classRows[from]) sums[row] -= 1;
      for (const row of this.classRows[to]) sums[row] += 1;
      sum += up ? 1 : -1;
    };
    const { groupOf, groups } = points.bySignature();
    for (const from of sources) {
      if (sum === value) break;
      if (inTarget[from] === (up ? 1 : 0) || groupOf[from] < 0) continue;
      for (const to of groups[groupOf[from]]) {
        if (inTarget[to] !== (up ? 1 : 0)) continue;
        while (countOf(from) > 0 && sum !== value && fits(from, to)) move(from, to);
        if (countOf(from) === 0 || sum === value) break;
      }
    }
    const ids = [...point.keys()].filter((id) => countOf(id) !== 0).sort((a, b) => a - b);
    points.add(Int32Array.from(ids), Float64Array.from(ids, countOf));
    return sum;
  }

  /** Whether each class of the rows is one of the target's (with its own row among the rows, whole classes). */
  private targetMember(): Uint8Array {
    if (!this.member) {
      this.member = new Uint8Array(this.classRows.length);
      for (const id of this.targetClasses ?? []) this.member[id] = 1;
    }
    return this.member;
  }

  /**
   * These column values (as a model over these columns gives them), rounded, when they are a non-negative integer point
   * that meets every row: each class's count and the target's sum. Undefined otherwise.
   */
  private integerPoint(
    columns: readonly number[],
    values: ArrayLike<number>,
  ): { counts: Map<number, number>; objective: number } | undefined {
    const counts = new Map<number, number>();
    const sums = new Float64Array(this.rows.length);
    let objective = 0;
    for (let i = 0; i < columns.length; i++) {
      const value = Math.round(values[i]);
      if (Math.abs(values[i] - value) > 1e-7 || value < 0) return undefined;
      if (value === 0) continue;
      const id = this.classOfColumn[columns[i]];
      counts.set(id, (counts.get(id) ?? 0) + value);
      for (const row of this.classRows[id]) sums[row] += value;
      if (this.inTarget[columns[i]]) objective += value;
    }
    return this.rows.every((row, i) => sums[i] >= row.lower && sums[i] <= row.upper) ? { counts, objective } : undefined;
  }

  /** Keeps an integer point found (column values, as a model over these columns gives them) when it meets every row. */
  private keep(columns: readonly number[], values: ArrayLike<number>): void {
    const point = this.points && this.integerPoint(columns, values);
    if (!point) return;
    const ids = [...point.counts.keys()].sort((a, b) => a - b);
    this.points.add(
      Int32Array.from(ids),
      Float64Array.from(ids, (id) => point.counts.get(id)!),
    );
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
    if (relaxed.point && this.isIntegralOptimum(relaxed.point, relaxed.value)) {
      this.keep(relaxed.point.columns, relaxed.point.values);
      return Math.round(relaxed.value);
    }
    if (this.context.bounds && this.relaxedBound(sense) === reached) return reached;
    // A point kept (or made by moves) that reaches the LP bound: nothing beats it.
    const bound = this.relaxedBound(sense);
    if (this.reached(bound) || this.movedTowards(bound) === bound) return bound;
    return this.mip(sense);
  }

  /**
   * The LP relaxations of these senses (those not solved yet), on one model: the second a warm re-solve of the first
   * after changing the objective's sense, instead of a new model.
   */
  relax(senses: readonly Sense[]): void {
    const wanted = senses.filter((sense) => !this.relaxed.has(sense));
    if (wanted.length === 0) return;
    const generating = this.context.bounds;
    const columns = generating ? this.startingColumns() : this.allColumns();
    this.context.highs.withModel(this.modelData(wanted[0], false, columns), (model) => {
      model.options.set(VERTEX_LP);
      wanted.forEach((sense, i) => {
        if (i > 0) model.changeObjectiveSense(this.senseCode(sense));
        this.relaxed.set(sense, generating ? this.generateColumns(model, sense, columns) : this.solveRelaxed(model, sense, columns));
      });
    });
    if (generating) this.generated = columns;
  }

  /**
   * The columns a generated relaxation starts from: those of the true counts that are not zero (the true counts meet
   * every row, so the first restricted LP is feasible), else the first column.
   */
  private startingColumns(): number[] {
    const columns: number[] = [];
    const { count, trueCount } = this.layout();
    for (let g = 0; g < count; g++) if (trueCount[g] > 0) columns.push(g);
    return columns.length > 0 ? columns : [0];
  }

  private allColumns(): number[] {
    return Array.from({ length: this.columnCount }, (_, g) => g);
  }

  /**
   * Column generation: the LP over some columns, then every column left out priced against its row duals (its reduced
   * cost is its objective coefficient less the duals of its rows); those that could still improve the optimum are
   * added and the LP re-solved from its basis, until none can. Then the restricted optimum is the whole model's, and
   * its vertex (zero in every column left out) a vertex of the whole model. `columns` grows with what was added.
   */
  private generateColumns(model: Model, sense: Sense, columns: number[]): Relaxed {
    const { count, classOfColumn, inTarget } = this.layout();
    const inModel = new Uint8Array(count);
    for (const g of columns) inModel[g] = 1;
    const duals = new Float64Array(this.classRows.length);
    const gains = new Float64Array(count);
    for (;;) {
      const relaxed = this.solveRelaxed(model, sense, columns);
      if (!relaxed.point) return relaxed;
      const { rowDual } = model.getSolution();
      // The duals of each class's rows, summed once for both of its columns.
      this.classRows.forEach((rows, id) => {
        let sum = 0;
        for (const row of rows) sum += rowDual[row];
        duals[id] = sum;
      });
      // The most improving columns (ties by index), kept in order in a short list: no sort of thousands.
      const limit = Math.max(ENTERING_PER_ROUND, this.rows.length);
      const entering: number[] = [];
      for (let g = 0; g < count; g++) {
        if (inModel[g]) continue;
        const reduced = inTarget[g] - duals[classOfColumn[g]];
        const gain = sense === 'Maximize' ? reduced : -reduced;
        gains[g] = gain;
        if (gain <= PRICING_TOLERANCE || (entering.length === limit && gain <= gains[entering[limit - 1]])) continue;
        let at = entering.length === limit ? limit - 1 : entering.length;
        while (at > 0 && gains[entering[at - 1]] < gain) {
          entering[at] = entering[at - 1];
          at -= 1;
        }
        entering[at] = g;
        entering.length = Math.min(entering.length, limit);
      }
      if (entering.length === 0) {
        this.rowDuals.set(sense, Float64Array.from(rowDual));
        // Optimal over every column: keep every column's reduced cost for the MIPs (see mip).
        const reduced = new Float64Array(count);
        for (let g = 0; g < count; g++) reduced[g] = inTarget[g] - duals[classOfColumn[g]];
        this.reducedCosts.set(sense, reduced);
        return relaxed;
      }
      for (const g of entering) inModel[g] = 1;
      columns.push(...entering);
      model.addCols(this.columnData(entering));
    }
  }

  /** The LP over these columns (the model's, in its order), its vertex by column. */
  private solveRelaxed(model: Model, sense: Sense, columns: readonly number[]): Relaxed {
    model.run();
    const status = model.getModelStatus();
    const codes = this.context.highs.constants.modelStatus;
    if (status === codes.unbounded || status === codes.unboundedOrInfeasible) return { value: sense === 'Maximize' ? Infinity : 0 };
    if (status !== codes.optimal)
      throw new DisclosureInputError(`The range of ${this.target.keys[0]} could not be solved (status ${status}).`);
    return { value: model.getObjectiveValue(), point: { columns: [...columns], values: model.getSolution().colValue } };
  }

  private relaxation(sense: Sense): Relaxed {
    this.relax([sense]);
    return this.relaxed.get(sense)!;
  }

  /**
   * The integer optimum by MIPs over some of the columns, each exact by an argument, before one over every column:
   *
   * 1. Over the columns the relaxation generated (which hold the true counts, so it is feasible): a point of it is a
   *    point of the whole model, so when its optimum reaches the LP bound, no integer point beats it.
   * 2. By reduced costs: with the LP optimum V and its row duals, every point x of the whole model has an objective of
   *    at most V + Σ d_j x_j when maximising (each reduced cost d_j ≤ 0; at least V + Σ d_j x_j, each d_j ≥ 0, when
   *    minimising). So a point reaching a value t uses no column with V + d_j < t (> t): those are 0 in it. The MIP
   *    over the other columns and those of step 1 finds every point reaching t; its optimum m is the whole model's when
   *    m reaches t; else the whole optimum lies short of t, but not short of m, and t moves one step towards m.
   */
  private mip(sense: Sense): number {
    const reduced = this.reducedCosts.get(sense);
    if (!this.generated || !reduced) return this.solveMip(sense, this.allColumns());
    const bound = this.relaxedBound(sense);
    let found = this.context.mipOverGeneratedFirst === false ? NaN : this.solveMip(sense, this.generated);
    const maximising = sense === 'Maximize';
    const { value } = this.relaxation(sense);
    // A margin for the duals' tolerance on every case a point can hold (each column is in a row, so no point holds more
    // than the rows' upper bounds add up to).
    const margin = REDUCED_COST_MARGIN * (1 + this.rows.reduce((sum, row) => sum + row.upper, 0));
    const inGenerated = new Uint8Array(this.columnCount);
    for (const g of this.generated) inGenerated[g] = 1;
    for (let threshold = bound; found !== threshold; threshold += maximising ? -1 : 1) {
      // Columns a point reaching the threshold may use.
      const slack = maximising ? threshold - value : value - threshold;
      const columns = [...this.generated];
      for (let g = 0; g < this.columnCount; g++) {
        const usable = (maximising ? reduced[g] : -reduced[g]) >= slack - margin;
        if (usable && !inGenerated[g]) columns.push(g);
      }
      if (columns.length === this.columnCount) return this.solveMip(sense, this.allColumns());
      found = this.solveMip(sense, columns);
      if (maximising ? found >= threshold : found <= threshold) return found;
    }
    return found;
  }

  private solveMip(sense: Sense, columns: readonly number[]): number {
    return this.context.highs.withModel(this.modelData(sense, true, columns), (model) => {
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
      this.keep(columns, model.getSolution().colValue);
      return value;
    });
  }

  /** The LP vertex, rounded, is a non-negative integer point that meets every constraint exactly and the LP bound. */
  private isIntegralOptimum(point: SparsePoint, bound: number): boolean {
    const rounded = this.integerPoint(point.columns, point.values);
    return rounded !== undefined && Math.abs(rounded.objective - bound) < 1e-6;
  }

  private senseCode(sense: Sense) {
    const { objectiveSense } = this.context.highs.constants;
    return sense === 'Maximize' ? objectiveSense.maximize : objectiveSense.minimize;
  }

  /**
   * The model as HiGHS takes it: one column per variable (CSC), one equality row per linked shown cell and one row
   * "at most" per marked blank.
   */
  private modelData(sense: Sense, integer: boolean, columns: readonly number[]): ModelData {
    const numCols = columns.length;
    const numRows = this.rows.length;
    return {
      numCols,
      numRows,
      sense: this.senseCode(sense),
      colCost: Float64Array.from(columns, (g) => this.inTarget[g]),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(Infinity),
      rowLower: Float64Array.from(this.rows, (row) => row.lower),
      rowUpper: Float64Array.from(this.rows, (row) => row.upper),
      matrix: this.matrixOf(columns),
      ...(integer ? { integrality: new Int32Array(numCols).fill(this.context.highs.constants.variableType.integer) } : {}),
    };
  }

  /** These columns as HiGHS adds them to a model (see generateColumns). */
  private columnData(columns: readonly number[]) {
    return {
      cost: Float64Array.from(columns, (g) => this.inTarget[g]),
      lower: new Float64Array(columns.length),
      upper: new Float64Array(columns.length).fill(Infinity),
      matrix: this.matrixOf(columns),
    };
  }

  /** The 0/1 matrix of these columns (CSC): a column has a 1 in each row its finest cells are in. */
  private matrixOf(columns: readonly number[]) {
    const starts = new Int32Array(columns.length + 1);
    const indices: number[] = [];
    columns.forEach((g, i) => {
      indices.push(...this.classRows[this.classOfColumn[g]]);
      starts[i + 1] = indices.length;
    });
    return {
      format: 'csc' as const,
      numRows: this.rows.length,
      numCols: columns.length,
      starts,
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
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
  /** An atom of each class (-1: none, a class refined away). */
  readonly atomOf: Int32Array;
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
  const atomOf = new Int32Array(rows.length).fill(-1);
  for (let atom = 0; atom < structure.atomCount; atom++) {
    atoms[classOf[atom]] += 1;
    value[classOf[atom]] += structure.atomValue[atom];
    atomOf[classOf[atom]] = atom;
  }
  const classes = { classOf, rows, atoms, value, atomOf };
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
