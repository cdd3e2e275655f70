import { Pool } from 'pg';

/**
 * The number of rows of every table of the public schema, by name: compare two snapshots to show that a request
 * wrote nothing anywhere (read models, event store, outbox, key vault, idempotency keys).
 */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows: tables } = await pool.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await pool.query<{ n: string }>(`select count(*) as n from "${name}"`);
      counts[name] = Number(rows[0].n);
    }
    return counts;
  } finally {
    await pool.end();
  }
}

/** One statement on its own connection, for a test that reads or changes a table behind the code's back. */
export async function queryOnce<R extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    return (await pool.query<R>(text, values)).rows;
  } finally {
    await pool.end();
  }
}
