import type { Pool } from 'pg';
import { LOCK_NAMESPACE, migrations, type Migration } from './schema.sql';

const MIGRATION_LOCK = 1;

/**
 * Applies the pending migrations, each in its own transaction, under an advisory lock so concurrent
 * starts (several service replicas) apply each version once. Safe to run any number of times.
 */
export async function migrateEventStore(pool: Pool, all: Migration[] = migrations): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
    await client.query(`create table if not exists es_schema_migrations (
      version int primary key, name text not null, applied_at timestamptz not null default now())`);
    const { rows } = await client.query<{ version: number }>('select version from es_schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const migration of all.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version)) {
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into es_schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
        await client.query('commit');
        done.push(migration.version);
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
    }
    return done;
  } finally {
    await client.query('select pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
