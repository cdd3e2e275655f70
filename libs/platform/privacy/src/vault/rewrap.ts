import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@vertrouwd/event-sourcing';
import { MasterKeyMismatchError } from '../errors';
import type { KeyWrapper } from '../keys/key-wrapper.port';
import { masterKeyIds, wrapperOf } from '../keys/rotating-key-wrapper';
import { secretContext } from '../pseudonyms/pseudonymizer';
import { migratePrivacy } from './migrate';
import { dataKeyContext } from './key-vault.sql';

/** What a rotation did in one vault: the keys and audit secrets wrapped again by the current master key. */
export interface Rewrapped {
  keys: number;
  auditSecrets: number;
  /** The master key the vault named before, and names now. */
  from: string;
  to: string;
}

interface Table {
  name: 'privacy_keys' | 'privacy_audit_secrets';
  id: 'key_id' | 'audit_id';
  wrapped: 'wrapped_key' | 'wrapped_secret';
  context(id: string): string;
}

const TABLES: Table[] = [
  { name: 'privacy_keys', id: 'key_id', wrapped: 'wrapped_key', context: dataKeyContext },
  { name: 'privacy_audit_secrets', id: 'audit_id', wrapped: 'wrapped_secret', context: secretContext },
];

/**
 * Wraps every live data key and audit secret of the vault again with the wrapper's current master key (ADR 0077), in
 * batches, each in a transaction of its own with its rows locked, so a shred meanwhile either waits or goes first (a
 * shredded key has no wrapped key left and is never touched: it stays shredded). The vault names the current key from
 * the start, so a process holding only an earlier key is refused at its start from then on; every running process must
 * already hold `wrapper` (the current key, the earlier ones as `previous`). A key wrapped by a master key the wrapper
 * does not hold stops the rotation (MasterKeyMismatchError), its batch unchanged. Safe to run again after a stop.
 */
export async function rewrapVault(pool: Pool, wrapper: KeyWrapper, options: { batchSize?: number } = {}): Promise<Rewrapped> {
  const batchSize = options.batchSize ?? 500;
  await migratePrivacy(pool);
  const { rows } = await pool.query<{ master_key_id: string }>('select master_key_id from privacy_vault');
  const from = rows[0]?.master_key_id ?? wrapper.keyId;
  // The vault's own key must be among those held: otherwise this is another vault's key, not a rotation of this one.
  if (!masterKeyIds(wrapper).includes(from)) throw new MasterKeyMismatchError(from, wrapper.keyId);
  await pool.query(
    `insert into privacy_vault (master_key_id) values ($1) on conflict (singleton) do update set master_key_id = excluded.master_key_id`,
    [wrapper.keyId],
  );
  const done = { keys: 0, auditSecrets: 0 };
  for (const table of TABLES) {
    for (;;) {
      const count = await inTransaction(pool, (client) => rewrapBatch(client, table, wrapper, batchSize));
      if (table.name === 'privacy_keys') done.keys += count;
      else done.auditSecrets += count;
      if (count < batchSize) break;
    }
  }
  return { ...done, from, to: wrapper.keyId };
}

/** How many live keys and audit secrets of the vault are still wrapped by another master key than `keyId`. */
export async function wrappedByOthers(pool: Pool, keyId: string): Promise<number> {
  let left = 0;
  for (const table of TABLES) {
    const { rows } = await pool.query<{ n: string }>(
      `select count(*) as n from ${table.name} where ${table.wrapped} is not null and wrapped_by is distinct from $1`,
      [keyId],
    );
    left += Number(rows[0].n);
  }
  return left;
}

async function rewrapBatch(client: PoolClient, table: Table, wrapper: KeyWrapper, batchSize: number): Promise<number> {
  const { rows } = await client.query<{ id: string; wrapped: Buffer; wrapped_by: string | null }>(
    `select ${table.id}::text as id, ${table.wrapped} as wrapped, wrapped_by from ${table.name}
      where ${table.wrapped} is not null and wrapped_by is distinct from $1
      order by ${table.id} limit $2 for update`,
    [wrapper.keyId, batchSize],
  );
  if (rows.length === 0) return 0;
  const again: Buffer[] = [];
  for (const row of rows) {
    const context = table.context(row.id);
    const plain = await wrapperOf(wrapper, row.wrapped_by).unwrap(row.wrapped, context);
    again.push(await wrapper.wrap(plain, context));
    plain.fill(0);
  }
  await client.query(
    `update ${table.name} t set ${table.wrapped} = r.wrapped, wrapped_by = $3
       from unnest($1::text[], $2::bytea[]) as r(id, wrapped)
      where t.${table.id}::text = r.id and t.${table.wrapped} is not null`,
    [rows.map((row) => row.id), again, wrapper.keyId],
  );
  return rows.length;
}
