import type { Pool } from 'pg';
import type { KeyWrapper } from './keys/key-wrapper.port';
import { Pseudonymizer } from './pseudonyms/pseudonymizer';
import { Sealer } from './sealing/sealer';
import { claimMasterKey, migratePrivacy } from './vault/migrate';
import { PostgresKeyVault, type KeyVaultOptions } from './vault/postgres-key-vault';
import type { KeyVault } from './vault/key-vault.port';
import { ShredWatcher } from './vault/shred-watcher';

export interface PrivacyOptions extends KeyVaultOptions {
  /** The database of the vault. Owned by the caller (ended by the caller, after `close()`). */
  pool: Pool;
  /** Wraps the data keys: a `MasterKeyWrapper` from `loadMasterKey`, or a KMS adapter. */
  wrapper: KeyWrapper;
}

/** The privacy services of one process, sharing one vault connection and one shred watcher. */
export interface Privacy {
  readonly vault: KeyVault;
  readonly sealer: Sealer;
  readonly pseudonymizer: Pseudonymizer;
  /** Stops listening for shreds and releases that connection; the pool stays open. */
  close(): Promise<void>;
}

/**
 * Opens the key vault: applies its migrations, checks that the vault was created with this wrapper's
 * master key (`MasterKeyMismatchError` otherwise), and starts listening for shreds from other
 * processes before anything is cached. Holds one pooled connection for that LISTEN.
 */
export async function createPrivacy(options: PrivacyOptions): Promise<Privacy> {
  const { pool, wrapper } = options;
  await migratePrivacy(pool);
  await claimMasterKey(pool, wrapper);
  const watcher = await ShredWatcher.start(pool);
  const vault = new PostgresKeyVault(pool, wrapper, watcher, options);
  return {
    vault,
    sealer: new Sealer(vault),
    pseudonymizer: new Pseudonymizer(pool, wrapper, watcher, options.cacheTtlMs, options.erasureLedger),
    close: () => watcher.close(),
  };
}
