/**
 * Money in integer euro cents, and the two roundings invoices need. No float ever touches an amount: products are
 * taken in bigint and divided once, rounding half up (amounts here are never negative).
 */

/** `numerator / denominator` rounded half up, for non-negative integers. */
export function divideHalfUp(numerator: bigint | number, denominator: bigint | number): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (n < 0n || d <= 0n) throw new RangeError('divideHalfUp takes a non-negative numerator and a positive denominator');
  return Number((2n * n + d) / (2n * d));
}

/** A VAT rate written as a decimal string with at most two decimals (`"21"`, `"9"`, `"0"`), in hundredths of a percent. */
export function basisPoints(ratePercent: string): number {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(ratePercent);
  if (!match) throw new RangeError('a VAT rate is a percentage with at most two decimals');
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The VAT on a category total (EN 16931: per category, never summed per line), rounded half up to a cent. */
export function vatOn(netCents: number, ratePercent: string): number {
  return divideHalfUp(BigInt(netCents) * BigInt(basisPoints(ratePercent)), 10_000n);
}

/** Splits `total` cents over `parts` periods without losing a cent: the first `total % parts` get one cent more. */
export function allocate(total: number, parts: number, index: number): number {
  const base = Math.floor(total / parts);
  return base + (index < total % parts ? 1 : 0);
}

/** A count of quarter hours as an hours quantity with two decimals: 5 → `"1.25"`. */
export function quartersAsHours(quarters: number): string {
  return `${Math.floor(quarters / 4)}.${String((quarters % 4) * 25).padStart(2, '0')}`;
}
