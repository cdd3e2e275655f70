import { eliminate, firstColumn, isZero, type SparseVector } from './sparse-vector';

interface Step {
  readonly pivot: number;
  readonly reduced: SparseVector;
  readonly residuals: ReadonlyMap<number, SparseVector>;
  /** Protected cells whose residual this step brings to zero. */
  readonly disclosed: readonly number[];
}

/**
 * The linear span of the published cells, kept in reduced row echelon form, together with every protected cell's
 * residual against it: a protected cell can be computed exactly from what is published precisely when its residual
 * is zero. A cell is a vector the caller chooses: its 0/1 vector over the finest cells, or any linear image of those
 * that keeps their dependencies (the Gram rows of structure.ts). Exact rational arithmetic (fraction-free on BigInt).
 */
export class PublishedSpan {
  private readonly basis = new Map<number, SparseVector>();
  private readonly residuals = new Map<number, SparseVector>();

  constructor(protectedCells: ReadonlyMap<number, SparseVector>) {
    for (const [id, vector] of protectedCells) this.residuals.set(id, vector);
  }

  /**
   * Publishes the cell with this vector unless that would make a protected cell exactly derivable; returns
   * the ids of the protected cells it would disclose (and then leaves the span unchanged), or none.
   */
  tryPublish(vector: SparseVector): readonly number[] {
    const step = this.step(vector);
    if (!step) return [];
    if (step.disclosed.length === 0) this.commit(step);
    return step.disclosed;
  }

  /** Publishes the cell whatever it discloses (it is out already); returns the protected cells it newly discloses. */
  publish(vector: SparseVector): readonly number[] {
    const step = this.step(vector);
    if (!step) return [];
    this.commit(step);
    return step.disclosed;
  }

  /** Whether the protected cell can be computed exactly from the published cells. */
  derivable(id: number): boolean {
    return isZero(this.residuals.get(id)!);
  }

  /** What publishing the cell would change; undefined when it is in the span already (its value follows anyway). */
  private step(vector: SparseVector): Step | undefined {
    let reduced: SparseVector = vector;
    for (const [pivot, row] of this.basis) reduced = eliminate(reduced, row, pivot);
    if (isZero(reduced)) return undefined;
    const pivot = firstColumn(reduced);
    const residuals = new Map<number, SparseVector>();
    const disclosed: number[] = [];
    for (const [id, residual] of this.residuals) {
      const after = eliminate(residual, reduced, pivot);
      if (isZero(after) && !isZero(residual)) disclosed.push(id);
      residuals.set(id, after);
    }
    return { pivot, reduced, residuals, disclosed: disclosed.sort((a, b) => a - b) };
  }

  private commit({ pivot, reduced, residuals }: Step): void {
    for (const [p, row] of this.basis) this.basis.set(p, eliminate(row, reduced, pivot));
    this.basis.set(pivot, reduced);
    for (const [id, residual] of residuals) this.residuals.set(id, residual);
  }
}
