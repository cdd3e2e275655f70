import { applyMigrations, type Migration } from '@vertrouwd/event-sourcing';
import type { Pool } from 'pg';

/** Advisory lock id of this migration set (1–4: event store, bus, inbox, privacy). */
export const HTTP_MIGRATION_LOCK = 10;

/**
 * Versioned like every platform schema: a change is a new version, never an edit of an applied one.
 * `response_body` is `json`, not `jsonb`, so a replay returns the keys in the order first sent.
 */
export const idempotencyMigrations: Migration[] = [
  {
    version: 1,
    name: 'http_idempotency',
    sql: `
      CREATE TABLE http_idempotency (
        key              text        NOT NULL,
        scope            text        NOT NULL,
        request_hash     text        NOT NULL,
        claim_id         uuid        NOT NULL,
        status           smallint,
        response_headers jsonb,
        response_body    json,
        created_at       timestamptz NOT NULL DEFAULT now(),
        completed_at     timestamptz,
        PRIMARY KEY (scope, key)
      );
      CREATE INDEX http_idempotency_created_at ON http_idempotency (created_at);`,
  },
];

/** Creates or upgrades `http_idempotency`; safe at every start and from several replicas at once. */
export function migrateIdempotency(pool: Pool): Promise<number[]> {
  return applyMigrations(pool, { historyTable: 'http_schema_migrations', lockId: HTTP_MIGRATION_LOCK, migrations: idempotencyMigrations });
}

/** Deletes keys older than `olderThanMs` (default 24 h), answered or not; returns how many. Run it on a schedule. */
export async function purgeIdempotencyKeys(pool: Pick<Pool, 'query'>, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const result = await pool.query(
    'DELETE FROM http_idempotency WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)',
    [olderThanMs],
  );
  return result.rowCount ?? 0;
}
