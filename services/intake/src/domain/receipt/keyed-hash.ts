import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * HMAC-SHA256 under a server secret: a stolen `receipts` table alone cannot be brute-forced or used to
 * recognise a code, because the secret lives elsewhere (sealed in the key vault).
 */
export class KeyedHash {
  /** A key object, made once: with a Buffer, every HMAC made one first (five times the HMAC's own cost). */
  private readonly secret: KeyObject;

  constructor(secret: Buffer) {
    if (secret.length < 32) throw new Error('the keyed-hash secret must be at least 32 bytes');
    this.secret = createSecretKey(Buffer.from(secret));
  }

  /**
   * Hex digest of `value` in a named domain, so a receipt hash can never stand in for a passphrase hash.
   * `throttle` keys the shared attempt counters: a client address is never stored in the clear.
   */
  hash(domain: 'receipt' | 'passphrase' | 'throttle', value: string): string {
    return createHmac('sha256', this.secret).update(`${domain}\u0000${value}`).digest('hex');
  }

  /** Compares in constant time; a missing `expected` is compared against a dummy so timing says nothing. */
  verify(domain: 'receipt' | 'passphrase', value: string, expected: string | undefined): boolean {
    const actual = Buffer.from(this.hash(domain, value), 'hex');
    const wanted = expected && /^[0-9a-f]{64}$/.test(expected) ? Buffer.from(expected, 'hex') : Buffer.alloc(actual.length);
    return timingSafeEqual(actual, wanted) && expected !== undefined;
  }
}
