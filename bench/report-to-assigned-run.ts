// The report → assigned part of the benchmark alone, on an embedded PostgreSQL of its own: for a before/after or a
// look at where PostgreSQL's time goes. Prints the section; writes nothing.
//   node -r @swc-node/register bench/report-to-assigned-run.ts
// BENCH_REPORTS=<n> steady reports (a quarter as many in the burst); BENCH_ASSIGNED_PROFILE=<file> a CPU profile of
// the services' process over the burst. BENCH_ASSIGNED_PG_STATEMENTS=1 loads pg_stat_statements and prints, per report
// (steady and burst together; start and warm-up included), the statements that took most of PostgreSQL's time.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';
import { benchmarkReportToAssigned, renderReportToAssigned } from './report-to-assigned';

const DATA_DIR = clusterDirectory(resolve(__dirname, '../tmp/bench-assigned-pg'), 'bench-assigned');
const PG_STATEMENTS = process.env.BENCH_ASSIGNED_PG_STATEMENTS === '1';

async function main(): Promise<void> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const statistics: Record<string, string> = PG_STATEMENTS
    ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track_planning': 'on' }
    : {};
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 200, ...statistics } });
  try {
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    try {
      if (PG_STATEMENTS) await admin.query('create extension if not exists pg_stat_statements');
      const reports = Number(process.env.BENCH_REPORTS ?? 200);
      const figures = await benchmarkReportToAssigned(server.url, reports);
      console.log(renderReportToAssigned(figures));
      if (PG_STATEMENTS) await printStatements(admin, figures.steady.reports + figures.burst.reports);
    } finally {
      await admin.end();
    }
  } finally {
    await server.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

async function printStatements(admin: Client, reports: number): Promise<void> {
  const { rows } = await admin.query<{ db: string; calls: string; exec: number; plan: number; query: string }>(
    `select d.datname as db, s.calls, s.total_exec_time as exec, s.total_plan_time as plan,
            left(regexp_replace(s.query, '\\s+', ' ', 'g'), 90) as query
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
      order by s.total_exec_time + s.total_plan_time desc limit 25`,
  );
  const per = (n: number) => ((n * 1000) / Math.max(1, reports)).toFixed(0).padStart(6);
  console.log(`\nPostgreSQL per report (${reports}), by statement: calls, execution µs, planning µs`);
  for (const r of rows) {
    console.log(
      `${r.db.padEnd(28)} ${(Number(r.calls) / Math.max(1, reports)).toFixed(2).padStart(6)} ${per(r.exec)} ${per(r.plan)} ${r.query}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
