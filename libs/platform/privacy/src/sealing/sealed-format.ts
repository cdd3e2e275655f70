import type { GcmBox } from '../crypto/aes-gcm';
import { MalformedSealedValueError } from '../errors';

/** Every sealed value starts with this: loggers and exporters redact what starts with it. */
export const SEALED_PREFIX = 'sealed:';
const VERSION = 'v1';

/**
 * A sealed value as it travels in events: `sealed:v1:<key id>:<iv>:<ciphertext and tag>`, the last
 * two base64url. `T` is what it unseals to; it exists only for the compiler, so a plain string read
 * back from storage is a `Sealed` too.
 */
export type Sealed<T = unknown> = string & { readonly __sealedType?: T };

export interface SealedParts extends GcmBox {
  keyId: string;
}

/** True for anything that looks sealed (by prefix: when redacting, a false positive is harmless). */
export function isSealed(value: unknown): value is Sealed {
  return typeof value === 'string' && value.startsWith(SEALED_PREFIX);
}

/**
 * Authenticated with the ciphertext: the format version and the key id. A ciphertext moved under
 * another key id, or relabelled as another version, fails authentication instead of decrypting.
 */
export function sealedAad(keyId: string): Buffer {
  return Buffer.from(`${SEALED_PREFIX}${VERSION}:${keyId}`);
}

export function formatSealed({ keyId, iv, body }: SealedParts): string {
  return `${SEALED_PREFIX}${VERSION}:${keyId}:${iv.toString('base64url')}:${body.toString('base64url')}`;
}

const PATTERN = /^sealed:v1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22,})$/;

/** Splits a sealed value; throws `MalformedSealedValueError`, which never quotes the input. */
export function parseSealed(value: string): SealedParts {
  const match = typeof value === 'string' ? PATTERN.exec(value) : null;
  if (!match) throw new MalformedSealedValueError();
  return { keyId: match[1], iv: Buffer.from(match[2], 'base64url'), body: Buffer.from(match[3], 'base64url') };
}
