import { pooledRandomBytes } from '@vertrouwd/domain';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not misread. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` random Crockford characters, 5 bits each (rejection-free: 256 is a multiple of 32). */
export function randomCrockford(length: number): string {
  const bytes = pooledRandomBytes(length);
  let out = '';
  for (const byte of bytes) out += CROCKFORD_ALPHABET[byte & 31];
  return out;
}

/** Splits into dash-separated groups for display: `ABCD-EFGH-…`. */
export function grouped(text: string, size: number): string {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('A group is a whole number of at least 1 characters');
  const groups: string[] = [];
  for (let at = 0; at < text.length; at += size) groups.push(text.slice(at, at + size));
  return groups.join('-');
}

/**
 * Normalises what a person typed: case, spaces and dashes do not matter, and the letters Crockford
 * treats as look-alikes (O → 0, I and L → 1) are read as the digits they resemble. Undefined when
 * anything else remains.
 */
export function normaliseCrockford(input: string, length: number): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== length) return undefined;
  for (const char of cleaned) if (!CROCKFORD_ALPHABET.includes(char)) return undefined;
  return cleaned;
}
