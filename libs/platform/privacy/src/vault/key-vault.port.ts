import type { StoreTransaction } from '@vertrouwd/event-sourcing';
import type { KeyRef, SubjectKind } from './key-ref';

/** A transaction of the vault's own database (e.g. the event store's, when the vault lives in it): its statements. */
export type VaultTransaction = Pick<StoreTransaction, 'query'>;

/** A data key ready for use, with the id that travels with every value sealed under it. */
export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/**
 * What the vault holds for a key id: the key and the case it belongs to (a subject's key belongs to
 * the one case it was made for), or the fact that it was shredded.
 */
export type KeyLookup = { readonly status: 'live'; readonly key: Buffer; readonly caseRef: string } | { readonly status: 'erased' };

/** What a shred did; `keys` counts the keys it erased now (0 when already erased: shredding is idempotent). */
export interface ShredResult {
  readonly keys: number;
}

/**
 * Holds one data key per case and per data subject in a case. Erasure is crypto-shredding: the
 * wrapped key is deleted, so every value sealed under it, in every event and copy, reads as erased.
 */
/** Keys made in this process and not yet written: see `KeyVault.newKeys`. */
export interface NewKeys {
  keys: DataKey[];
  store: (tx?: VaultTransaction) => Promise<void>;
}

export interface KeyVault {
  /**
   * The ref's key, created on first use (one per ref, also under concurrent callers).
   * Throws `AlreadyShreddedError` if the ref, its case or its subject was shredded: an erased
   * subject or case never gets a new key.
   */
  keyFor(ref: KeyRef): Promise<DataKey>;
  /**
   * New keys for refs that have none yet (a case or subject just made up, e.g. a report being received), made in
   * this process and written at once: in `tx` when given, which must be a transaction of the vault's database (the
   * keys then exist only if it commits), else in one transaction of their own. One round trip for all of them,
   * instead of a look-up and a transaction per key. Throws `AlreadyShreddedError` if a ref's case or subject was
   * shredded, and fails (nothing written) if a ref has a key already. Not cached until `tx` is known to commit:
   * seal with the returned keys (`Sealer.sealWith`).
   */
  createKeys(refs: KeyRef[], tx?: VaultTransaction): Promise<DataKey[]>;
  /**
   * `createKeys` in two steps: the keys at once, to seal with while their statement travels beside the caller's other
   * writes, and `store(tx?)`, which writes them as `createKeys` does. Whatever is sealed with them may be committed
   * only after `store` succeeded.
   */
  newKeys(refs: KeyRef[]): Promise<NewKeys>;
  /**
   * The key a sealed value names, with its case ref; throws `UnknownKeyError` for an id this vault
   * never held.
   */
  keyById(keyId: string): Promise<KeyLookup>;
  /** Shreds every key of this subject, in every case. Final. */
  shredSubject(subjectKind: SubjectKind, subjectRef: string): Promise<ShredResult>;
  /** Shreds the case's narrative key and the keys of every subject in the case. Final. */
  shredCase(caseRef: string): Promise<ShredResult>;
}
