export * from './errors';
export type { KeyWrapper } from './keys/key-wrapper.port';
export { MasterKeyWrapper } from './keys/master-key-wrapper';
export { RotatingKeyWrapper, masterKeyIds } from './keys/rotating-key-wrapper';
export { rewrapVault, wrappedByOthers, type Rewrapped } from './vault/rewrap';
export {
  loadMasterKey,
  MASTER_KEY_ENV,
  PREVIOUS_MASTER_KEYS_ENV,
  previousKeysFile,
  rotateKeyFile,
  forgetPreviousKeys,
  type LoadMasterKeyOptions,
  type LoadedMasterKey,
} from './keys/load-master-key';
export { caseKey, subjectKey, SUBJECT_KINDS, type CaseKeyRef, type KeyRef, type SubjectKeyRef, type SubjectKind } from './vault/key-ref';
export type { DataKey, KeyLookup, KeyVault, NewKeys, ShredResult, VaultTransaction } from './vault/key-vault.port';
export type { KeyCacheOptions } from './vault/postgres-key-vault';
export { InMemoryKeyVault } from './vault/in-memory-key-vault';
export { migratePrivacy } from './vault/migrate';
export { SHRED_CHANNEL } from './vault/shred-watcher';
export { isSealed, SEALED_PREFIX, type Sealed } from './sealing/sealed-format';
export { Sealer, shown, type Sealable, type Shown, type Unsealed, type UnsealedFor, type UnsealOptions } from './sealing/sealer';
export { redactSealed, REDACTED_SEALED } from './sealing/redact-sealed';
export type { Pseudonymizer } from './pseudonyms/pseudonymizer';
export { createPrivacy, type Privacy, type PrivacyOptions } from './create-privacy';
export { FileErasureLedger, distinctErasures, type Erasure, type ErasureLedger } from './vault/erasure-ledger';
export { ErasureLedgers, PostgresErasureLedger } from './vault/postgres-erasure-ledger';
export type { KeyVaultOptions } from './vault/postgres-key-vault';
export { reapplyErasures, type ReappliedErasures } from './reapply-erasures';
