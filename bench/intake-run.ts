// The intake part of the benchmark alone, on an embedded PostgreSQL of its own: for a before/after or a profile on
// a shared machine, where the full `npm run bench` is too long. Prints the intake section; writes nothing.
//   BENCH_INTAKE_SECONDS=5 BENCH_INTAKE_VISIBLE=0 node -r @swc-node/register bench/intake-run.ts
// BENCH_INTAKE_PROFILE=<dir> runs intake's process under `--cpu-prof` (a .cpuprofile per run in that directory).
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmbeddedPostgres } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';
import { benchmarkIntake, renderIntake } from './intake';

const DATA_DIR = clusterDirectory(resolve(__dirname, '../tmp/bench-intake-pg'), 'bench-intake');

async function main(): Promise<void> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 200 } });
  try {
    console.log(renderIntake(await benchmarkIntake(server.url)));
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
