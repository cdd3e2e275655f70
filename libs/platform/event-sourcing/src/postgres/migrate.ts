import type { Pool } from 'pg';
import { LOCK_NAMESPACE, migrations as eventStoreMigrations, type Migration } from './schema.sql';

export type { Migration };

export interface MigrationSet {
  /** Table that records applied versions, e.g. `es_schema_migrations`. */
  historyTable: string;
  /** Second key of the advisory lock (the first is the platform's namespace): one per migration set. */
  lockId: number;
  migrations: Migration[];
}

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so concurrent starts
 * (several replicas) apply each version once. Safe to run any number of times.
 */
export async function applyMigrations(pool: Pool, set: MigrationSet): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, set.lockId]);
    await client.query(`create table if not exists ${set.historyTable} (
      version int primary key, name text not null, applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ version: number }>(`select version from ${set.historyTable}`);
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const migration of set.migrations.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version)) {
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query(`insert into ${set.historyTable} (version, name) values ($1, $2)`, [migration.version, migration.name]);
        await client.query('commit');
        done.push(migration.version);
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
    return done;
  } finally {
    await client.query('select pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, set.lockId]).catch(() => undefined);
    client.release();
  }
}

/** The event store's migrations. */
export function migrateEventStore(pool: Pool, migrations: Migration[] = eventStoreMigrations): Promise<number[]> {
  return applyMigrations(pool, { historyTable: 'es_schema_migrations', lockId: 1, migrations });
}
