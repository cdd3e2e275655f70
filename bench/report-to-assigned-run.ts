// The report → assigned part of the benchmark alone, on an embedded PostgreSQL of its own: for a before/after or a
// look at where PostgreSQL's time goes. Prints the section; writes nothing.
//   node -r @swc-node/register bench/report-to-assigned-run.ts
// BENCH_REPORTS=<n> steady reports (a quarter as many in the burst); BENCH_ASSIGNED_PROFILE=<file> a CPU profile of
// the services' process over the burst. BENCH_ASSIGNED_PG_STATEMENTS=1 loads pg_stat_statements and prints, per report
// (steady and burst together; start and warm-up included), the statements that took most of PostgreSQL's time.
import { benchmarkReportToAssigned, renderReportToAssigned } from './report-to-assigned';
import { onStandalonePostgres } from './support';

const statements = process.env.BENCH_ASSIGNED_PG_STATEMENTS === '1' ? { databasePrefix: 'bench_assigned', unit: 'report' } : undefined;

onStandalonePostgres('bench-assigned', statements, async (url) => {
  const figures = await benchmarkReportToAssigned(url, Number(process.env.BENCH_REPORTS ?? 200));
  console.log(renderReportToAssigned(figures));
  return figures.steady.reports + figures.burst.reports;
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
