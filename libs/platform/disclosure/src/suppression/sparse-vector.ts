/**
 * Exact sparse integer vectors for fraction-free Gaussian elimination: column index → BigInt coefficient, never a
 * float (rounding would make "lies in the span" unreliable). Vectors are kept primitive (content gcd 1).
 */
export type SparseVector = ReadonlyMap<number, bigint>;

export function unitVector(columns: readonly number[]): SparseVector {
  return new Map(columns.map((column) => [column, 1n]));
}

export const isZero = (vector: SparseVector): boolean => vector.size === 0;

/** `vector` with column `pivot` eliminated by `by` (which has a non-zero at `pivot`): a·vector − b·by, made primitive. */
export function eliminate(vector: SparseVector, by: SparseVector, pivot: number): SparseVector {
  const b = vector.get(pivot);
  if (b === undefined) return vector;
  const a = by.get(pivot)!;
  const result = new Map<number, bigint>();
  for (const [column, value] of vector) result.set(column, a * value);
  for (const [column, value] of by) {
    const next = (result.get(column) ?? 0n) - b * value;
    if (next === 0n) result.delete(column);
    else result.set(column, next);
  }
  return primitive(result);
}

/** The smallest column with a non-zero coefficient: the pivot, chosen the same way every run. */
export function firstColumn(vector: SparseVector): number {
  let first = Infinity;
  for (const column of vector.keys()) if (column < first) first = column;
  return first;
}

function primitive(vector: Map<number, bigint>): SparseVector {
  let divisor = 0n;
  for (const value of vector.values()) divisor = gcd(divisor, value < 0n ? -value : value);
  if (divisor <= 1n) return vector;
  for (const [column, value] of vector) vector.set(column, value / divisor);
  return vector;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
