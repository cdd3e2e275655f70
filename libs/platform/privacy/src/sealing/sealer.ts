import { gcmDecrypt, gcmEncrypt } from '../crypto/aes-gcm';
import { MalformedSealedValueError, SealedValueTamperedError } from '../errors';
import { opaqueId, type KeyRef } from '../vault/key-ref';
import type { DataKey, KeyVault } from '../vault/key-vault.port';
import { formatSealed, parseSealed, sealedAad, type Sealed } from './sealed-format';

/** What `unseal` finds: the value, or the fact that its key was shredded. */
export type Unsealed<T> = { readonly status: 'ok'; readonly value: T } | { readonly status: 'erased' };

/**
 * What `unseal` finds when told which case the value must belong to: also `foreign` when it was sealed
 * under another case's key (a value moved from one case's data into another's). Never the content.
 */
export type UnsealedFor<T> = Unsealed<T> | { readonly status: 'foreign' };

/** A sealed value as a reader is shown it: the value, or which of the two reasons it is withheld. */
export type Shown<T> = T | { readonly erased: true } | { readonly refused: true };

/** What `unseal` found, as a person reading one case is shown it: `erased` when shredded, `refused` when foreign. */
export function shown<T>(opened: UnsealedFor<T>): Shown<T> {
  if (opened.status === 'ok') return opened.value;
  return opened.status === 'foreign' ? { refused: true } : { erased: true };
}

export interface UnsealOptions {
  /**
   * The case the value must belong to: its key must be that case's key or the key of a subject in that
   * case. Anything that shows a value to a person reading one case should say which.
   */
  readonly caseRef: string;
}

/** Anything JSON can carry: a string, or an object or array of JSON values. */
export type Sealable = string | object;

/**
 * Seals personal data before it enters an event, and unseals it for those allowed to read it.
 * AES-256-GCM with a fresh IV per value, under the data key of the case or subject it is about.
 */
export class Sealer {
  constructor(private readonly vault: KeyVault) {}

  /**
   * Encrypts `value` (a string or a JSON-serialisable object) under `ref`'s key. Throws
   * `AlreadyShreddedError` if that case or subject has been erased.
   */
  async seal<T extends Sealable>(value: T, ref: KeyRef): Promise<Sealed<T>> {
    const plaintext = serialise(value);
    return this.sealWith(value, await this.vault.keyFor(ref), plaintext);
  }

  /** Encrypts `value` under a key already in hand, e.g. one just made by `KeyVault.createKeys`. */
  sealWith<T extends Sealable>(value: T, dataKey: DataKey, plaintext: Buffer = serialise(value)): Sealed<T> {
    const { keyId, key } = dataKey;
    return formatSealed({ keyId, ...gcmEncrypt(key, plaintext, sealedAad(keyId)) });
  }

  /**
   * Decrypts a sealed value: `{ status: 'ok', value }`, or `{ status: 'erased' }` once its key is
   * shredded. Throws `SealedValueTamperedError` if it was altered, `MalformedSealedValueError` if
   * it is not a sealed value; neither repeats any of the input.
   *
   * With `{ caseRef }`, the value must also have been sealed under a key of that case (its narrative
   * key or a subject's key in it): a value of another case is not decrypted and reads as
   * `{ status: 'foreign' }`. An erased value stays `erased` either way. Throws `InvalidRefError` if
   * `caseRef` is not an opaque id.
   */
  unseal<T = unknown>(sealed: Sealed<T>): Promise<Unsealed<T>>;
  unseal<T = unknown>(sealed: Sealed<T>, options: UnsealOptions): Promise<UnsealedFor<T>>;
  async unseal<T = unknown>(sealed: Sealed<T>, options?: UnsealOptions): Promise<UnsealedFor<T>> {
    const caseRef = options === undefined ? undefined : opaqueId(options?.caseRef, 'caseRef');
    const parts = parseSealed(sealed);
    const lookup = await this.vault.keyById(parts.keyId);
    if (lookup.status === 'erased') return lookup;
    if (caseRef !== undefined && lookup.caseRef !== caseRef) return FOREIGN;
    const plaintext = gcmDecrypt(lookup.key, parts, sealedAad(parts.keyId));
    if (!plaintext) throw new SealedValueTamperedError(parts.keyId);
    return { status: 'ok', value: deserialise(plaintext) as T };
  }
}

const FOREIGN = Object.freeze({ status: 'foreign' as const });

// JSON for strings too, so a string and an object round-trip to what they were.
function serialise(value: Sealable): Buffer {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined; // a cycle or a BigInt: the engine's message would name the offending property
  }
  if (json === undefined || (typeof value !== 'string' && (typeof value !== 'object' || value === null))) {
    throw new TypeError('Only a string or a JSON-serialisable object can be sealed');
  }
  return Buffer.from(json, 'utf8');
}

// Reached only with a valid tag, so only with what a key holder sealed; still, a parse error would
// quote the plaintext, so it is replaced.
function deserialise(plaintext: Buffer): unknown {
  try {
    return JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new MalformedSealedValueError();
  }
}
