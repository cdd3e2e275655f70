// What the benchmark's parts share: a fresh database per part, and a small deterministic generator.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, withDatabase } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';

/** A database of its own for one part of the benchmark, empty (dropped first if a run left it). */
export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

export { seededRandom as random } from '../libs/testing/src/seeded-random';

/**
 * Runs `work` on an embedded PostgreSQL of its own (a part of the benchmark alone, `bench/*-run.ts`), emptied before and
 * after; with `statements`, pg_stat_statements loaded, and PostgreSQL's costliest statements printed after `work`, per
 * unit of what it returns (`per`), from databases whose name starts with `databasePrefix`.
 */
export async function onStandalonePostgres(
  name: string,
  statements: { databasePrefix: string; unit: string } | undefined,
  work: (url: string) => Promise<number>,
): Promise<void> {
  const dataDir = clusterDirectory(resolve(__dirname, `../tmp/${name}-pg`), name);
  rmSync(dataDir, { recursive: true, force: true });
  const statistics: Record<string, string> = statements
    ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' }
    : {};
  const server = await startEmbeddedPostgres({ dataDir, settings: { max_connections: 200, ...statistics } });
  const admin = new Client({ connectionString: server.url });
  try {
    await admin.connect();
    if (statements) await admin.query('create extension if not exists pg_stat_statements');
    const units = await work(server.url);
    if (statements) await printStatements(admin, server.url, units, statements);
  } finally {
    await admin.end().catch(() => undefined);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function printStatements(
  admin: Client,
  url: string,
  units: number,
  options: { databasePrefix: string; unit: string },
): Promise<void> {
  const { rows } = await admin.query<{ db: string; calls: string; exec: number; plan: number; plans: string; query: string }>(
    `select d.datname as db, s.calls, s.total_exec_time as exec, s.total_plan_time as plan, s.plans,
            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 90) as query
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where starts_with(d.datname, $1)
      order by s.total_exec_time + s.total_plan_time desc limit 25`,
    [options.databasePrefix],
  );
  const per = (n: number) => ((n * 1000) / Math.max(1, units)).toFixed(0).padStart(6);
  console.log(`\nPostgreSQL per ${options.unit} (${units}), by statement: calls, execution µs, planning µs (plans)`);
  for (const r of rows) {
    const calls = (Number(r.calls) / Math.max(1, units)).toFixed(2).padStart(6);
    console.log(`${r.db.padEnd(28)} ${calls} ${per(r.exec)} ${per(r.plan)} (${r.plans}) ${r.query}`);
  }
  // A plan made while a table looked empty can read all of it on every call, long after it has grown (vault migration 4).
  const databases = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [
    options.databasePrefix,
  ]);
  console.log(`\nRows read by sequential scans per ${options.unit}, by table (the most read of each database)`);
  for (const { datname } of databases.rows) {
    const client = new Client({ connectionString: withDatabase(url, datname) });
    try {
      await client.connect();
      const { rows: tables } = await client.query<{ relname: string; seq_scan: string; seq_tup_read: string; n_live_tup: string }>(
        `select relname, seq_scan, seq_tup_read, n_live_tup from pg_stat_user_tables
          where seq_tup_read > 0 order by seq_tup_read desc limit 4`,
      );
      for (const t of tables)
        console.log(
          `${datname.padEnd(28)} ${t.relname.padEnd(28)} ${(Number(t.seq_tup_read) / Math.max(1, units)).toFixed(1).padStart(8)} rows in ${t.seq_scan} scans (${t.n_live_tup} rows now)`,
        );
    } catch (error) {
      // A diagnostic after the figures: its failure must not fail the run.
      console.log(`${datname}: not read (${(error as Error).message})`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
