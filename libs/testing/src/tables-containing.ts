import { Pool } from 'pg';

/**
 * The tables (of the public schema) with a row whose text, any column, contains `needle`: the canary check of
 * the confidentiality tests. It finds what is stored in clear and nothing that is only ciphertext.
 */
export async function tablesContaining(url: string, needle: string): Promise<string[]> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows: tables } = await pool.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public'");
    const hits: string[] = [];
    for (const { name } of tables) {
      const { rows } = await pool.query(`select 1 from "${name}" t where t::text like $1 limit 1`, [`%${needle}%`]);
      if (rows.length > 0) hits.push(name);
    }
    return hits;
  } finally {
    await pool.end();
  }
}
