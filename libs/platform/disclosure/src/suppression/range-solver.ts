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
 * Each optimum is first solved as an LP by simplex: when its vertex is integral it is the integer optimum (no integer
 * point beats the LP bound); otherwise the MIP decides. The true counts satisfy every constraint, so "infeasible or
 * unbounded" means unbounded.
 */
class RangeModel {
  private readonly constraints: readonly Cell[];
  private readonly variables: readonly number[];

  constructor(
    private readonly target: Cell,
    shown: readonly Cell[],
  ) {
    this.constraints = linkedCells(target, shown);
    this.variables = [...new Set([...target.columns, ...this.constraints.flatMap((c) => c.columns)])].sort((a, b) => a - b);
  }

  optimum(highs: Highs, sense: 'Minimize' | 'Maximize'): number {
    const covered = new Set(this.constraints.flatMap((c) => c.columns));
    if (sense === 'Maximize' && this.target.columns.some((c) => !covered.has(c))) return Infinity;
    const relaxed = highs.solve(this.text(sense, false), VERTEX_LP);
    if (relaxed.Status === 'Unbounded' || relaxed.Status === 'Primal infeasible or unbounded') return Infinity;
    if (relaxed.Status === 'Optimal') {
      const point = new Map(this.variables.map((c) => [c, relaxed.Columns[`x${c}`]?.Primal ?? 0]));
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
  private isIntegralOptimum(point: ReadonlyMap<number, number>, bound: number): boolean {
    const rounded = new Map<number, number>();
    for (const [c, v] of point) {
      if (Math.abs(v - Math.round(v)) > 1e-7 || Math.round(v) < 0) return false;
      rounded.set(c, Math.round(v));
    }
    const sum = (columns: readonly number[]) => columns.reduce((s, c) => s + rounded.get(c)!, 0);
    if (!this.constraints.every((c) => sum(c.columns) === c.value)) return false;
    return Math.abs(sum(this.target.columns) - bound) < 1e-6;
  }

  private text(sense: 'Minimize' | 'Maximize', integer: boolean): string {
    const name = (c: number) => `x${c}`;
    return [
      sense,
      ` obj: ${this.target.columns.map(name).join(' + ')}`,
      'Subject To',
      ...this.constraints.map((c, i) => ` r${i}: ${c.columns.map(name).join(' + ')} = ${c.value}`),
      'Bounds',
      ...this.variables.map((c) => ` ${name(c)} >= 0`),
      ...(integer ? ['Generals', ` ${this.variables.map(name).join(' ')}`] : []),
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
