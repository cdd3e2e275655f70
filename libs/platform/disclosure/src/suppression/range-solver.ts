import { DisclosureInputError } from '../errors';
import { EXACT_MIP, type Highs } from '../highs-runtime';
import type { Cell } from './cell-space';

/** The values a blank cell can take given the shown cells: integers min..max, max possibly Infinity. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export const width = (range: Range): number => range.max - range.min;

/**
 * The suppressor's own range computation: min and max of the target's sum over non-negative integer finest counts
 * that reproduce every shown cell, as two MIPs over the part of the table linked to the target (the rest cannot
 * move it). The true counts always satisfy the constraints, so "infeasible or unbounded" means unbounded.
 */
export function feasibleRange(highs: Highs, target: Cell, shown: readonly Cell[]): Range {
  const constraints = linkedCells(target, shown);
  const variables = [...new Set([...target.columns, ...constraints.flatMap((c) => c.columns)])].sort((a, b) => a - b);
  const model = (sense: 'Minimize' | 'Maximize') =>
    [
      sense,
      ` obj: ${target.columns.map((c) => `x${c}`).join(' + ')}`,
      'Subject To',
      ...constraints.map((c, i) => ` r${i}: ${c.columns.map((col) => `x${col}`).join(' + ')} = ${c.value}`),
      'Bounds',
      ...variables.map((c) => ` x${c} >= 0`),
      'Generals',
      ` ${variables.map((c) => `x${c}`).join(' ')}`,
      'End',
    ].join('\n');
  return { min: optimum(highs, model('Minimize'), target), max: optimum(highs, model('Maximize'), target) };
}

function optimum(highs: Highs, model: string, target: Cell): number {
  const result = highs.solve(model, EXACT_MIP);
  if (result.Status === 'Unbounded' || result.Status === 'Primal infeasible or unbounded') return Infinity;
  if (result.Status !== 'Optimal') {
    throw new DisclosureInputError(`The range of ${target.keys[0]} could not be solved (${result.Status}).`);
  }
  const value = Math.round(result.ObjectiveValue);
  if (Math.abs(value - result.ObjectiveValue) > 1e-6) throw new Error(`HiGHS returned a fractional optimum for ${target.keys[0]}`);
  return value;
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
