// The intake part of the benchmark alone, on an embedded PostgreSQL of its own: for a before/after or a profile on
// a shared machine, where the full `npm run bench` is too long. Prints the intake section; writes nothing.
//   BENCH_INTAKE_SECONDS=5 BENCH_INTAKE_VISIBLE=0 node -r @swc-node/register bench/intake-run.ts
// BENCH_INTAKE_PROFILE=<dir> runs intake's process under `--cpu-prof` (a .cpuprofile per run in that directory).
// BENCH_INTAKE_PG_STATEMENTS=1 loads pg_stat_statements and prints, per report submitted, each statement's calls,
// execution and planning time in PostgreSQL (over the whole run: start, warm-up and idle window included).
import { benchmarkIntake, renderIntake } from './intake';
import { onStandalonePostgres } from './support';

const statements =
  process.env.BENCH_INTAKE_PG_STATEMENTS === '1' ? { databasePrefix: 'bench_intake_load', unit: 'report submitted' } : undefined;

onStandalonePostgres('bench-intake', statements, async (url) => {
  const figures = await benchmarkIntake(url);
  console.log(renderIntake(figures));
  return figures.load.submitted;
}).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
