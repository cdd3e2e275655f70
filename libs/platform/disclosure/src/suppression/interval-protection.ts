import { AlreadyDisclosedError } from '../errors';
import { type Cell, thresholdOf } from './cell-space';
import { feasibleRange, linkedCells, type Range, type RangeContext, wideEnough, widerThan } from './range-solver';

/** How many candidates are tried for the one that widens a narrow range most directly, before taking the first. */
const TRIES = 8;

/**
 * Interval protection: blank more cells until every blank cell's possible range is at least k wide, so no blank can
 * be pinned near one value. Blanking a cell only removes a constraint, so a range that passed stays passed: only the
 * failing cell and each newly blanked one need (re)checking. Returns the cells blanked here.
 */
export function protectIntervals(
  context: RangeContext,
  cells: readonly Cell[],
  published: ReadonlySet<number>,
  k: number,
): ReadonlySet<number> {
  const shown = new Set(published);
  const added = new Set<number>();
  const queue = cells.filter((cell) => !shown.has(cell.index));
  const shownCells = () => cells.filter((cell) => shown.has(cell.index));
  while (queue.length > 0) {
    const target = queue[0];
    if (wideEnough(context, target, shownCells(), thresholdOf(target, k))) {
      queue.shift();
      continue;
    }
    const sacrifice = chooseSacrifice(context, target, feasibleRange(context, target, shownCells()), shownCells());
    if (!sacrifice) throw new AlreadyDisclosedError(target.keys);
    shown.delete(sacrifice.index);
    added.add(sacrifice.index);
    queue.push(sacrifice);
  }
  return added;
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
