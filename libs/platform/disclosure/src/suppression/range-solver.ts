import { DisclosureInputError } from '../errors';
import { EXACT_MIP, type Highs, VERTEX_LP } from '../highs-runtime';
import type { Cell } from './cell-space';

/** The values a blank cell can take given the shown cells: integers min..max, max possibly Infinity. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export const width = (range: Range): number => range.max - range.min;

/**
 * Whether the target's integer range given the shown cells is at least k wide. The true value lies in the range, so
 * a maximum at least k above it settles the question with one solve.
 */
export function wideEnough(highs: Highs, target: Cell, shown: readonly Cell[], k: number): boolean {
  const model = new RangeModel(target, shown);
  const max = model.optimum(highs, 'Maximize');
  if (max - target.value >= k) return true;
  return max - model.optimum(highs, 'Minimize') >= k;
}

/** The target's integer range: min and max of its sum over non-negative integer finest counts reproducing the shown cells. */
export function feasibleRange(highs: Highs, target: Cell, shown: readonly Cell[]): Range {
  const model = new RangeModel(target, shown);
  return { min: model.optimum(highs, 'Minimize'), max: model.optimum(highs, 'Maximize') };
}

/**
 * The suppressor's own range model over the part of the tables linked to the target (the rest cannot move it).
 * Finest cells that sit in exactly the same constraints and the same side of the objective act as one variable (their
 * sum): any non-negative integer value of that sum splits into non-negative integer counts, so the optimum is the
 * same as over the finest cells, on a model often a hundred times smaller (a table's blank cells leave their finest
 * cells indistinguishable). Each optimum is first solved as an LP by simplex: when its vertex is integral it is the
 * integer optimum (no integer point beats the LP bound); otherwise the MIP decides. The true counts satisfy every
 * constraint, so "infeasible or unbounded" means unbounded.
 */
class RangeModel {
  private readonly constraints: readonly Cell[];
  /** Whether the target is unbounded above: some finest cell of it is in no constraint. */
  private readonly open: boolean;
  /** The merged variables: in the objective or not, and the constraints (by index) they appear in. */
  private readonly groups: readonly { readonly inTarget: boolean; readonly rows: readonly number[] }[];

  constructor(
    private readonly target: Cell,
    shown: readonly Cell[],
  ) {
    this.constraints = linkedCells(target, shown);
    // Partition refinement: a column's class is its history of memberships (the objective, then each row in turn).
    const classOf = new Map<number, number>();
    const classes: { inTarget: boolean; rows: number[] }[] = [
      { inTarget: false, rows: [] },
      { inTarget: true, rows: [] },
    ];
    for (const c of target.columns) classOf.set(c, 1);
    this.constraints.forEach((cell, row) => {
      const refined = new Map<number, number>();
      for (const c of cell.columns) {
        const before = classOf.get(c) ?? 0;
        let after = refined.get(before);
        if (after === undefined) {
          after = classes.length;
          classes.push({ inTarget: classes[before].inTarget, rows: [...classes[before].rows, row] });
          refined.set(before, after);
        }
        classOf.set(c, after);
      }
    });
    const used = [...new Set(classOf.values())].sort((a, b) => a - b);
    this.open = used.some((id) => classes[id].inTarget && classes[id].rows.length === 0);
    this.groups = used.map((id) => classes[id]);
  }

  optimum(highs: Highs, sense: 'Minimize' | 'Maximize'): number {
    if (sense === 'Maximize' && this.open) return Infinity;
    const relaxed = highs.solve(this.text(sense, false), VERTEX_LP);
    if (relaxed.Status === 'Unbounded' || relaxed.Status === 'Primal infeasible or unbounded') return Infinity;
    if (relaxed.Status === 'Optimal') {
      const point = this.groups.map((_, g) => relaxed.Columns[`x${g}`]?.Primal ?? 0);
      if (this.isIntegralOptimum(point, relaxed.ObjectiveValue)) return Math.round(relaxed.ObjectiveValue);
    }
    const exact = highs.solve(this.text(sense, true), EXACT_MIP);
    if (exact.Status === 'Unbounded' || exact.Status === 'Primal infeasible or unbounded') return Infinity;
    if (exact.Status !== 'Optimal')
      throw new DisclosureInputError(`The range of ${this.target.keys[0]} could not be solved (${exact.Status}).`);
    const value = Math.round(exact.ObjectiveValue);
    if (Math.abs(value - exact.ObjectiveValue) > 1e-6) throw new Error(`HiGHS returned a fractional optimum for ${this.target.keys[0]}`);
    return value;
  }

  /** The LP vertex, rounded, is a non-negative integer point that meets every constraint exactly and the LP bound. */
  private isIntegralOptimum(point: readonly number[], bound: number): boolean {
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

  private text(sense: 'Minimize' | 'Maximize', integer: boolean): string {
    const names = this.groups.map((_, g) => `x${g}`);
    const rows = this.constraints.map((): string[] => []);
    this.groups.forEach((group, g) => group.rows.forEach((row) => rows[row].push(names[g])));
    return [
      sense,
      ` obj: ${names.filter((_, g) => this.groups[g].inTarget).join(' + ')}`,
      'Subject To',
      ...this.constraints.map((c, i) => ` r${i}: ${rows[i].join(' + ')} = ${c.value}`),
      'Bounds',
      ...names.map((name) => ` ${name} >= 0`),
      ...(integer ? ['Generals', ` ${names.join(' ')}`] : []),
      'End',
    ].join('\n');
  }
}

/** The shown cells connected to the target through shared finest cells, directly or through other shown cells. */
export function linkedCells(target: Cell, shown: readonly Cell[]): Cell[] {
  const reached = new Set(target.columns);
  const linked = new Set<Cell>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const cell of shown) {
      if (linked.has(cell) || !cell.columns.some((c) => reached.has(c))) continue;
      linked.add(cell);
      for (const c of cell.columns) reached.add(c);
      grew = true;
    }
  }
  return shown.filter((cell) => linked.has(cell));
}
