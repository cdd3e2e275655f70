import type { Pool } from 'pg';
import { applyMigrations, type Migration } from '@vertrouwd/event-sourcing';
import { MasterKeyMismatchError } from '../errors';
import type { KeyWrapper } from '../keys/key-wrapper.port';
import { masterKeyIds } from '../keys/rotating-key-wrapper';
import { PRIVACY_MIGRATION_LOCK, privacyMigrations } from './schema.sql';

/**
 * Applies the pending privacy migrations (`privacy_keys`, `privacy_audit_secrets`, `privacy_vault`),
 * each once, under an advisory lock so replicas can start together. Safe to run any number of times;
 * returns the versions applied. `createPrivacy` runs it.
 */
export function migratePrivacy(pool: Pool, migrations: Migration[] = privacyMigrations): Promise<number[]> {
  return applyMigrations(pool, { historyTable: 'privacy_schema_migrations', lockId: PRIVACY_MIGRATION_LOCK, migrations });
}

/**
 * The first process to open the vault records its master key id; every later one must match it.
 * Fails at start with a clear error rather than at the first unseal.
 */
export async function claimMasterKey(pool: Pool, wrapper: KeyWrapper): Promise<void> {
  await pool.query('insert into privacy_vault (master_key_id) values ($1) on conflict do nothing', [wrapper.keyId]);
  const { rows } = await pool.query<{ master_key_id: string }>('select master_key_id from privacy_vault');
  const recorded = rows[0].master_key_id;
  // A rotation under way (ADR 0077): the vault still names the key this one replaces, which it also holds.
  if (!masterKeyIds(wrapper).includes(recorded)) throw new MasterKeyMismatchError(recorded, wrapper.keyId);
}
