import type { Pool } from 'pg';

/** Serialises concurrent starts of the same service: `CREATE ... IF NOT EXISTS` alone races on the catalog. */
const MIGRATION_LOCK = "pg_advisory_xact_lock(hashtext('vertrouwd.http_idempotency'))";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS http_idempotency (
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
  CREATE INDEX IF NOT EXISTS http_idempotency_created_at ON http_idempotency (created_at);
`;

/**
 * Creates the `http_idempotency` table when missing; safe to run at every start and from several processes.
 * `response_body` is `json`, not `jsonb`, so a replay returns the keys in the order first sent.
 */
export async function migrateIdempotency(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT ${MIGRATION_LOCK}`);
    await client.query(SCHEMA);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** Deletes keys older than `olderThanMs` (default 24 h), answered or not; returns how many. Run it on a schedule. */
export async function purgeIdempotencyKeys(pool: Pick<Pool, 'query'>, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
  const result = await pool.query(
    'DELETE FROM http_idempotency WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)',
    [olderThanMs],
  );
  return result.rowCount ?? 0;
}
