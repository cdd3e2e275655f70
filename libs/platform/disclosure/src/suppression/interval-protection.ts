import { AlreadyDisclosedError } from '../errors';
import { type Cell, thresholdOf } from './cell-space';
import {
  feasibleRange,
  linkedCells,
  type MarkedBlank,
  markedRange,
  blankingCannotWiden,
  markedRangeWhole,
  markedRangeWiderThan,
  markHidesEnough,
  type Range,
  type RangeContext,
  wideEnough,
  widerThan,
  width,
} from './range-solver';

/** How many candidates are tried for the one that widens a narrow range most directly, before taking the first. */
const TRIES = 8;

/**
 * Interval protection: blank more cells until every blank cell's possible range is at least k wide, so no blank can
 * be pinned near one value, and until every primary blank's range given the figures *and the marks* (a primary blank
 * is at most its k − 1, ADR 0074) is still all of 0 … k − 1, so the figures tell nothing of it beyond its mark.
 * Blanking a cell only removes a constraint, so a range that passed stays passed: only the failing cell and each
 * newly blanked one need (re)checking. Returns the cells blanked here.
 */
export function protectIntervals(
  context: RangeContext,
  cells: readonly Cell[],
  published: ReadonlySet<number>,
  k: number,
  /** Whether the audit counts what the primary marks tell (ADR 0074); false only for reports published before it. */
  marks = true,
): ReadonlySet<number> {
  const shown = new Set(published);
  const added = new Set<number>();
  const queue = cells.filter((cell) => !shown.has(cell.index));
  const shownCells = () => cells.filter((cell) => shown.has(cell.index));
  const marked = marks ? primaryMarks(cells, published, k) : [];
  const markOf = new Map(marked.map((blank) => [blank.cell, blank]));
  while (queue.length > 0) {
    const target = queue[0];
    const mark = markOf.get(target);
    if (!wideEnough(context, target, shownCells(), thresholdOf(target, k))) {
      const sacrifice = chooseSacrifice(context, target, feasibleRange(context, target, shownCells()), shownCells());
      if (!sacrifice) throw new AlreadyDisclosedError(target.keys);
      shown.delete(sacrifice.index);
      added.add(sacrifice.index);
      queue.push(sacrifice);
      continue;
    }
    if (mark && !markHidesEnough(context, mark, shownCells(), marked)) {
      const sacrifice = chooseMarkedSacrifice(context, mark, shownCells(), marked);
      if (!sacrifice) throw new AlreadyDisclosedError(target.keys);
      shown.delete(sacrifice.index);
      added.add(sacrifice.index);
      queue.push(sacrifice);
      continue;
    }
    queue.shift();
  }
  return added;
}

/**
 * The blanks published as primary (fewer than their k cases, zero included): a reader of the reasons knows each is at
 * most its k − 1. A cell shown before is never primary; a blank before keeps the k it was protected at.
 */
export function primaryMarks(cells: readonly Cell[], published: ReadonlySet<number>, k: number): MarkedBlank[] {
  return cells
    .filter((cell) => !published.has(cell.index) && !cell.shownBefore && cell.value < thresholdOf(cell, k))
    .map((cell) => ({ cell, atMost: thresholdOf(cell, k) - 1 }));
}

/**
 * Which shown cell to blank for a primary blank its mark and the figures pin down: as {@link chooseSacrifice}, over the
 * cells linked to it through shown cells and marked blanks; the first of the first few that widens its marked range.
 */
function chooseMarkedSacrifice(
  context: RangeContext,
  target: MarkedBlank,
  shown: readonly Cell[],
  marked: readonly MarkedBlank[],
): Cell | undefined {
  const linked = new Set(linkedCells(target.cell, [...shown, ...marked.map((blank) => blank.cell)], context.structure));
  const candidates = shown
    .filter((cell) => linked.has(cell) && !cell.shownBefore)
    .sort((a, b) => a.columns.length - b.columns.length || a.value - b.value || a.index - b.index);
  // The target's marked range is narrower than its mark allows (that is why a cell is blanked): a candidate whose
  // blanking opens it to all of 0 … atMost widens it, whatever it was.
  const before = width(markedRange(context, target, shown, marked));
  const widening = candidates.slice(0, TRIES).find((candidate) => {
    if (blankingCannotWiden(context, target, shown, marked, candidate, before)) return false;
    const without = shown.filter((cell) => cell !== candidate);
    if (markedRangeWhole(context, target, without, marked)) return true;
    return markedRangeWiderThan(context, target, without, marked, before);
  });
  return widening ?? candidates[0];
}

/**
 * Which shown cell to blank for a narrow target: cells linked to the target that were not shown before, inner cells
 * first, then small counts, then the signature; the first of the first few whose blanking widens the range, else
 * the first.
 */
function chooseSacrifice(context: RangeContext, target: Cell, range: Range, shown: readonly Cell[]): Cell | undefined {
  const candidates = linkedCells(target, shown, context.structure)
    .filter((cell) => !cell.shownBefore)
    .sort((a, b) => a.columns.length - b.columns.length || a.value - b.value || a.index - b.index);
  const widening = candidates.slice(0, TRIES).find((candidate) => {
    const without = shown.filter((cell) => cell !== candidate);
    return widerThan(context, target, without, range);
  });
  return widening ?? candidates[0];
}
