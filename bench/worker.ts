// One contender's share of one run, in a process of its own: Emmett's driver swaps pg's global type
// parsers, and a shared heap or JIT would let one contender's cost leak into another's numbers.
import { Client } from 'pg';
import type { BenchConfig } from './config';
import type { ContenderName } from './contenders/contender';
import { createContender } from './contenders';
import { measure, type Measurement } from './metrics';
import { SCENARIO_GROUPS, SCENARIOS, type ScenarioContext, type ScenarioId } from './scenarios';

export interface WorkerTask {
  contender: ContenderName;
  run: number;
  adminUrl: string;
  dataDir: string;
  config: BenchConfig;
}

export interface WorkerResult {
  results: Partial<Record<ScenarioId, Measurement>>;
  anomalies: string[];
  /** Set when the run stopped early. */
  error?: string;
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function runGroup(task: WorkerTask, admin: Client, group: ScenarioId[], outcome: WorkerResult) {
  const database = `bench_${task.contender}_${group[0].replace('-', '_')}_${task.run}`;
  await admin.query(`create database ${database}`);
  const contender = createContender(task.contender);
  const ctx: ScenarioContext = {
    contender,
    config: task.config,
    url: databaseUrl(task.adminUrl, database),
    writtenStreams: [],
    totalEvents: 0,
    anomalies: [],
  };
  try {
    await contender.setup(ctx.url, task.config.poolSize);
    for (const id of group) {
      // The reads find the table as any store would after its writes settle: visible, with statistics.
      if (id === 'c') await vacuum(ctx.url);
      const timed = await SCENARIOS[id](ctx);
      const result = await measure(admin, task.dataDir, () => timed.run());
      await timed.cleanup?.();
      outcome.results[id] = result;
      outcome.anomalies.push(...ctx.anomalies.splice(0).map((a) => `${id}: ${a}`));
      log(`${task.contender} run ${task.run} ${id}: ${Math.round((result.events * 1000) / result.wallMs)} events/s`);
    }
  } catch (error) {
    log(`${task.contender} run ${task.run} ${group.join('+')} failed: ${error instanceof Error ? error.stack : String(error)}`);
    throw error;
  } finally {
    await contender.close();
    await dropWhenDisconnected(admin, database);
  }
}

/**
 * pg's `Pool.end()` resolves before its sockets have closed; dropping WITH (FORCE) then would kill those
 * connections and crash the process with an unhandled pool error. So wait for them to go.
 */
async function dropWhenDisconnected(admin: Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
    if (rows[0].n === 0) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  await admin.query(`drop database if exists ${database}`);
}

async function vacuum(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

function log(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

async function main(task: WorkerTask): Promise<WorkerResult> {
  const outcome: WorkerResult = { results: {}, anomalies: [] };
  const admin = new Client({ connectionString: task.adminUrl });
  await admin.connect();
  try {
    for (const group of SCENARIO_GROUPS) await runGroup(task, admin, group, outcome);
    return outcome;
  } catch (error) {
    return { ...outcome, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  } finally {
    await admin.end();
  }
}

process.once('message', (task: WorkerTask) => {
  main(task).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
});
