// Rotating the master key (ADR 0077; docs/operations/backup-restore.md#rotating-the-master-key): every live data key
// and audit secret of every key vault in a cluster wrapped again by the current master key, then the earlier keys
// forgotten. What a backup still holds under an earlier key (a key shredded since, above all) is then unreadable.
import { Client, Pool } from 'pg';
import { rewrapVault, wrappedByOthers, type KeyWrapper, type Rewrapped } from '@vertrouwd/privacy';
import { withDatabase } from '@vertrouwd/testing';
import { databases } from './base-backup';
import { hasTable } from './restore';

/** The databases of a cluster that hold a key vault. */
async function vaultDatabases(adminUrl: string): Promise<string[]> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const names = await databases(admin).finally(() => admin.end());
  const found: string[] = [];
  for (const name of names) if (await hasTable(withDatabase(adminUrl, name), 'privacy_vault')) found.push(name);
  return found;
}

/** Every key vault of the cluster wrapped again by `wrapper`'s current key; per vault what was done. */
export async function rewrapCluster(
  adminUrl: string,
  wrapper: KeyWrapper,
  log: (line: string) => void = () => undefined,
): Promise<Record<string, Rewrapped>> {
  const done: Record<string, Rewrapped> = {};
  for (const name of await vaultDatabases(adminUrl)) {
    const pool = new Pool({ connectionString: withDatabase(adminUrl, name), max: 2 });
    try {
      done[name] = await rewrapVault(pool, wrapper);
      log(`${name}: ${done[name].keys} keys and ${done[name].auditSecrets} audit secrets wrapped again by ${wrapper.keyId}`);
    } finally {
      await pool.end();
    }
  }
  return done;
}

/** Per key vault of the cluster, how many live keys and secrets are still wrapped by another key than `keyId`. */
export async function leftUnderOtherKeys(adminUrl: string, keyId: string): Promise<Record<string, number>> {
  const left: Record<string, number> = {};
  for (const name of await vaultDatabases(adminUrl)) {
    const pool = new Pool({ connectionString: withDatabase(adminUrl, name), max: 1 });
    try {
      left[name] = await wrappedByOthers(pool, keyId);
    } finally {
      await pool.end();
    }
  }
  return left;
}
