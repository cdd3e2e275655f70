import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import { pooledRandomBytes } from '@vertrouwd/domain';

/** AES-256-GCM: 32-byte keys, 96-bit random IVs (NIST SP 800-38D), 128-bit tags. */
export const KEY_BYTES = 32;
export const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

export interface GcmBox {
  iv: Buffer;
  /** Ciphertext followed by the authentication tag. */
  body: Buffer;
}

/**
 * `key`: a KeyObject for a key used again and again (the master key), made once. A Buffer is made into one here: handed
 * to the cipher as it is, Node 24 tells it from a key object by a check that throws inside, which took 15.7 µs per
 * encryption of a short value against 6.1 µs with `createSecretKey` first (ADR 0070).
 */
export function gcmEncrypt(key: Buffer | KeyObject, plaintext: Buffer, aad: Buffer): GcmBox {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, asKeyObject(key), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, body };
}

/**
 * Undefined when authentication fails: callers raise their own error, so nothing from the cipher
 * (and nothing of the input) reaches a message.
 */
export function gcmDecrypt(key: Buffer | KeyObject, { iv, body }: GcmBox, aad: Buffer): Buffer | undefined {
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, asKeyObject(key), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}

function asKeyObject(key: Buffer | KeyObject): KeyObject {
  return Buffer.isBuffer(key) ? createSecretKey(key) : key;
}
