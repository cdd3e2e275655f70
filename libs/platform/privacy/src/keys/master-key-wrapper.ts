import { createHash, createSecretKey, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { gcmDecrypt, gcmEncrypt, IV_BYTES, KEY_BYTES } from '../crypto/aes-gcm';
import { KeyUnwrapError, MasterKeyConfigError } from '../errors';
import type { KeyWrapper } from './key-wrapper.port';

/**
 * The default {@link KeyWrapper}: AES-256-GCM under a 32-byte master key held in this process
 * (from `PRIVACY_MASTER_KEY` or the embedded default's key file, see `loadMasterKey`).
 * The key lives in a private field: logging or serialising the wrapper shows only its `keyId`.
 */
export class MasterKeyWrapper implements KeyWrapper {
  /** A key object, made once: every wrap and unwrap uses it (a Buffer would be made into one on every call). */
  readonly #masterKey: KeyObject;
  readonly keyId: string;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) throw new MasterKeyConfigError(`The master key must be ${KEY_BYTES} bytes`);
    this.#masterKey = createSecretKey(Buffer.from(masterKey));
    this.keyId = fingerprint(masterKey);
  }

  async wrap(plainKey: Buffer, context: string): Promise<Buffer> {
    const { iv, body } = gcmEncrypt(this.#masterKey, plainKey, Buffer.from(context));
    return Buffer.concat([iv, body]);
  }

  async unwrap(wrapped: Buffer, context: string): Promise<Buffer> {
    const box = { iv: wrapped.subarray(0, IV_BYTES), body: wrapped.subarray(IV_BYTES) };
    const plain = gcmDecrypt(this.#masterKey, box, Buffer.from(context));
    if (!plain) throw new KeyUnwrapError();
    return plain;
  }

  toJSON(): { keyId: string } {
    return { keyId: this.keyId };
  }

  [inspect.custom](): string {
    return `MasterKeyWrapper { keyId: '${this.keyId}' }`;
  }
}

/**
 * A one-way, domain-separated hash: tells two master keys apart in errors and in the vault without
 * revealing anything about the key (it is 256 bits of randomness, so no guessing either).
 */
function fingerprint(masterKey: Buffer): string {
  const digest = createHash('sha256').update('vertrouwd/privacy/master-key-id\0').update(masterKey).digest('hex');
  return `master:${digest.slice(0, 16)}`;
}
