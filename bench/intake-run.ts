// The intake part of the benchmark alone, on an embedded PostgreSQL of its own: for a before/after or a profile on
// a shared machine, where the full `npm run bench` is too long. Prints the intake section; writes nothing.
//   BENCH_INTAKE_SECONDS=5 BENCH_INTAKE_VISIBLE=0 node -r @swc-node/register bench/intake-run.ts
// BENCH_INTAKE_PROFILE=<dir> runs intake's process under `--cpu-prof` (a .cpuprofile per run in that directory).
// BENCH_INTAKE_PG_STATEMENTS=1 loads pg_stat_statements and prints, per report submitted, each statement's calls,
// execution and planning time in PostgreSQL (over the whole run: start, warm-up and idle window included).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';
import { benchmarkIntake, renderIntake } from './intake';

const DATA_DIR = clusterDirectory(resolve(__dirname, '../tmp/bench-intake-pg'), 'bench-intake');
const PG_STATEMENTS = process.env.BENCH_INTAKE_PG_STATEMENTS === '1';

async function main(): Promise<void> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const statistics: Record<string, string> = PG_STATEMENTS
    ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' }
    : {};
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 200, ...statistics } });
  try {
    if (PG_STATEMENTS) await onAdmin(server.url, (admin) => admin.query('create extension if not exists pg_stat_statements'));
    const figures = await benchmarkIntake(server.url);
    console.log(renderIntake(figures));
    if (PG_STATEMENTS) await onAdmin(server.url, (admin) => printStatements(admin, figures.load.submitted));
  } finally {
    await server.stop();
  }
}

async function onAdmin(url: string, work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

async function printStatements(admin: Client, reports: number): Promise<void> {
  const { rows } = await admin.query<{ db: string; calls: string; exec: number; plan: number; plans: string; query: string }>(
    `select d.datname as db, s.calls, s.total_exec_time as exec, s.total_plan_time as plan, s.plans,
            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 80) as query
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname like 'bench_intake_load%'
      order by s.total_exec_time + s.total_plan_time desc limit 15`,
  );
  const per = (n: number) => ((n * 1000) / Math.max(1, reports)).toFixed(0).padStart(5);
  console.log(`\nPostgreSQL per report submitted (${reports}), by statement: calls, execution µs, planning µs (plans)`);
  for (const r of rows) {
    console.log(
      `${r.db.padEnd(26)} ${(Number(r.calls) / Math.max(1, reports)).toFixed(2)} ${per(r.exec)} ${per(r.plan)} (${r.plans}) ${r.query}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
