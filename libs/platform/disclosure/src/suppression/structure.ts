import type { CellSpace, Shape } from './cell-space';
import type { SparseVector } from './sparse-vector';

/**
 * What the suppressor computes over, besides the cells: the finest cells grouped into *atoms*, and which cells share
 * finest cells with which.
 *
 * An atom is a set of finest cells that lie in exactly the same cells (published, ledger, protected). Nothing any
 * cell says can tell them apart: a range model over atoms has the same optimum as over the finest cells (any
 * non-negative integer sum splits into non-negative integer counts), and every cell is a whole number of atoms. In
 * an annual report last year's finest cells, of which only the total and the quarters are published this year,
 * collapse from thousands into four atoms. `mergeAtoms: false` keeps one atom per finest cell (the reference).
 *
 * `shared[i·n + j]` is the number of finest cells cells i and j have in common: the Gram matrix M·Mᵀ of the 0/1
 * cell-by-finest-cell matrix M. Its rows have exactly the linear dependencies of M's rows (aᵀM·Mᵀ = 0 implies
 * |aᵀM|² = 0), so a cell can be computed exactly from others (its row of M lies in the span of theirs) precisely when
 * its Gram row lies in the span of their Gram rows: Gaussian suppression then works on vectors as long as the number
 * of cells (tens) instead of the number of finest cells (thousands). It also says which cells overlap (`shared` > 0).
 */
export interface Structure {
  readonly cellCount: number;
  /** Per cell index: its atoms, ascending (atoms are numbered in the order of their first finest cell). */
  readonly atomsOf: readonly Int32Array[];
  readonly atomCount: number;
  /** Per atom: the true count, the sum over its finest cells. */
  readonly atomValue: Float64Array;
  readonly shared: Float64Array;
}

/** The atoms and the Gram matrix per shape (they do not depend on the counts), by method. */
type CountlessStructure = Omit<Structure, 'atomValue'> & { readonly atomOfColumn: Int32Array };
const structures = new WeakMap<Shape, Map<boolean, CountlessStructure>>();

export function structureOf(space: CellSpace, mergeAtoms: boolean): Structure {
  let byMethod = structures.get(space.shape);
  if (!byMethod) structures.set(space.shape, (byMethod = new Map<boolean, CountlessStructure>()));
  let found = byMethod.get(mergeAtoms);
  if (!found) byMethod.set(mergeAtoms, (found = countlessStructure(space, mergeAtoms)));
  const { atomOfColumn, ...structure } = found;
  const atomValue = new Float64Array(structure.atomCount);
  for (let column = 0; column < space.counts.length; column++) {
    const count = space.counts[column];
    if (count !== 0) atomValue[atomOfColumn[column]] += count;
  }
  return { ...structure, atomValue };
}

function countlessStructure(space: CellSpace, mergeAtoms: boolean) {
  const n = space.cells.length;
  const columns = space.columns.length;
  // A column's class is the history of the cells it lies in, refined cell by cell (partition refinement).
  const classOf = new Int32Array(columns);
  const classCells: number[][] = [[]];
  for (const cell of space.cells) {
    const refined = new Map<number, number>();
    for (const column of cell.columns) {
      const before = classOf[column];
      let after = refined.get(before);
      if (after === undefined) {
        after = classCells.length;
        classCells.push([...classCells[before], cell.index]);
        refined.set(before, after);
      }
      classOf[column] = after;
    }
  }
  // Atoms numbered in the order of their first column; every column lies in some cell, so none is in class 0.
  const atomOfClass = new Int32Array(classCells.length).fill(-1);
  const members: number[][] = [];
  const size: number[] = [];
  const atomOfColumn = new Int32Array(columns);
  for (let column = 0; column < columns; column++) {
    const found = classOf[column];
    let atom = atomOfClass[found];
    if (atom < 0 || !mergeAtoms) {
      atom = members.length;
      atomOfClass[found] = atom;
      members.push(classCells[found]);
      size.push(0);
    }
    size[atom] += 1;
    atomOfColumn[column] = atom;
  }
  const atomsOf = Array.from({ length: n }, (): number[] => []);
  members.forEach((cells, atom) => {
    for (const cell of cells) atomsOf[cell].push(atom);
  });
  const shared = new Float64Array(n * n);
  members.forEach((cells, atom) => {
    for (const i of cells) for (const j of cells) shared[i * n + j] += size[atom];
  });
  return {
    cellCount: n,
    atomsOf: atomsOf.map((atoms) => Int32Array.from(atoms)),
    atomCount: members.length,
    atomOfColumn,
    shared,
  };
}

/** Cell i as its row of the Gram matrix: the vector Gaussian suppression works on (see {@link Structure}). */
export function gramRow(structure: Structure, i: number): SparseVector {
  const n = structure.cellCount;
  const row = new Map<number, bigint>();
  for (let j = 0; j < n; j++) {
    const value = structure.shared[i * n + j];
    if (value !== 0) row.set(j, BigInt(value));
  }
  return row;
}

/** Whether two cells have a finest cell in common. */
export const overlap = (structure: Structure, i: number, j: number): boolean => structure.shared[i * structure.cellCount + j] > 0;
