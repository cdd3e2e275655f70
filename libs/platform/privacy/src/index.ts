export * from './errors';
export type { KeyWrapper } from './keys/key-wrapper.port';
export { MasterKeyWrapper } from './keys/master-key-wrapper';
export { loadMasterKey, MASTER_KEY_ENV, type LoadMasterKeyOptions, type LoadedMasterKey } from './keys/load-master-key';
export {
  caseKey, subjectKey, SUBJECT_KINDS, type CaseKeyRef, type KeyRef, type SubjectKeyRef, type SubjectKind,
} from './vault/key-ref';
export type { DataKey, KeyLookup, KeyVault, ShredResult } from './vault/key-vault.port';
export type { KeyCacheOptions } from './vault/postgres-key-vault';
export { InMemoryKeyVault } from './vault/in-memory-key-vault';
export { migratePrivacy } from './vault/migrate';
export { SHRED_CHANNEL } from './vault/shred-watcher';
export { isSealed, SEALED_PREFIX, type Sealed } from './sealing/sealed-format';
export { Sealer, shown, type Sealable, type Shown, type Unsealed, type UnsealedFor, type UnsealOptions } from './sealing/sealer';
export { redactSealed, REDACTED_SEALED } from './sealing/redact-sealed';
export type { Pseudonymizer } from './pseudonyms/pseudonymizer';
export { createPrivacy, type Privacy, type PrivacyOptions } from './create-privacy';
