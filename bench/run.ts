// `npm run bench`: one embedded PostgreSQL, every contender in turn in a process of its own, medians of
// BENCH_RUNS runs, written to docs/benchmarks.md.
import { fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../libs/testing/src/embedded-postgres';
import { clusterDirectory } from '../libs/testing/src/postgres-user';
import { readConfig, type BenchConfig } from './config';
import { CONTENDERS } from './contenders';
import type { ContenderName } from './contenders/contender';
import { machineInfo, type MachineInfo } from './machine';
import { benchmarkBus, renderBus } from './bus';
import { benchmarkFootprint, renderFootprint } from './footprint';
import { benchmarkIntake, renderIntake } from './intake';
import { benchmarkInvoiceRun, renderInvoiceRun } from './invoice-run';
import { benchmarkMatchingDecision, renderMatchingDecision } from './matching-decision';
import { benchmarkReportToAssigned, renderReportToAssigned } from './report-to-assigned';
import { renderReport } from './report';
import { benchmarkReporting, renderReporting } from './reporting';
import { benchmarkWeb, renderWeb } from './web';
import type { ScenarioId } from './scenarios';
import { figures, medianFigures, type Figures } from './stats';
import type { WorkerResult, WorkerTask } from './worker';

// As root from a clone the postgres user cannot reach, the cluster lives where it can (libs/testing decides).
const DATA_DIR = clusterDirectory(resolve(__dirname, '../tmp/bench-pg'), 'bench');
const REPORT = resolve(__dirname, '../docs/benchmarks.md');

function runWorker(task: WorkerTask): Promise<WorkerResult> {
  return new Promise((resolvePromise) => {
    const child = fork(resolve(__dirname, 'worker.ts'), [], { execArgv: process.execArgv, stdio: 'inherit' });
    let result: WorkerResult | undefined;
    child.once('message', (message) => (result = message as WorkerResult));
    child.once('exit', (code) =>
      resolvePromise(result ?? { error: `worker exited with code ${code} before reporting`, results: {}, anomalies: [] }),
    );
    child.send(task);
  });
}

/** Rotates the order per run, so no contender always goes first on a cold server. */
function orderFor(run: number, contenders: ContenderName[]): ContenderName[] {
  const shift = (run - 1) % contenders.length;
  return [...contenders.slice(shift), ...contenders.slice(0, shift)];
}

async function benchmark(server: EmbeddedPostgresServer, config: BenchConfig, machine: MachineInfo) {
  const problems: string[] = [];
  // BENCH_CONTENDERS=ours,raw narrows a run (for experiments; the report then lacks the others).
  const only = process.env.BENCH_CONTENDERS?.split(',');
  const contenders = CONTENDERS.filter((c) => !only || only.includes(c));
  const perRun: Partial<Record<ScenarioId, Partial<Record<ContenderName, Figures[]>>>> = {};
  const eventCounts: Partial<Record<ScenarioId, number>> = {};
  const runs: Partial<Record<ContenderName, number>> = {};
  for (let run = 1; run <= config.runs; run++) {
    for (const contender of orderFor(run, contenders)) {
      console.error(`run ${run}/${config.runs}: ${contender}`);
      const outcome = await runWorker({ contender, run, adminUrl: server.url, dataDir: server.dataDir, config });
      for (const [id, measurement] of Object.entries(outcome.results) as [ScenarioId, NonNullable<WorkerResult['results'][ScenarioId]>][]) {
        ((perRun[id] ??= {})[contender] ??= []).push(figures(measurement, machine.cores));
        eventCounts[id] = measurement.events;
      }
      for (const anomaly of outcome.anomalies) {
        console.error(`!! ${contender} run ${run}: ${anomaly}`);
        problems.push(`${contender}, run ${run}, ${anomaly}`);
      }
      if (outcome.error === undefined) runs[contender] = (runs[contender] ?? 0) + 1;
      else {
        console.error(`!! ${contender} run ${run} failed: ${outcome.error}`);
        problems.push(`${contender}, run ${run}, failed: ${outcome.error.split('\n')[0]}`);
      }
    }
  }
  const medians = Object.fromEntries(
    Object.entries(perRun).map(([id, byContender]) => [
      id,
      Object.fromEntries(Object.entries(byContender).map(([name, list]) => [name, medianFigures(list)])),
    ]),
  );
  return { contenders: [...CONTENDERS], eventCounts, medians, runs, problems };
}

async function main(): Promise<void> {
  const config = readConfig();
  const startedAt = new Date();
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 200 } });
  const stop = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    // First, while the machine is quiet: `npm start` as a newcomer runs it, with its own PostgreSQL.
    // Each part's report is kept as it is done (tmp/bench-parts/), so a run that fails or is stopped late keeps
    // what it measured.
    const parts = resolve(__dirname, '../tmp/bench-parts');
    mkdirSync(parts, { recursive: true });
    const part = async (name: string, measure: () => Promise<string>): Promise<string> => {
      console.error(name);
      const markdown = await measure();
      writeFileSync(resolve(parts, `${name.replace(/[^a-z0-9]+/gi, '-')}.md`), markdown);
      return markdown;
    };
    // First, while the machine is quiet: `npm start` as a newcomer runs it, with its own PostgreSQL.
    const footprint = await part('the embedded platform: memory and start', async () => renderFootprint(await benchmarkFootprint()));
    const machine = await machineInfo(server.url);
    const results = await benchmark(server, config, machine);
    const bus = await part('bus', async () => renderBus(await benchmarkBus(server.url, Math.min(config.events, 50_000))));
    const intake = await part('intake', async () => renderIntake(await benchmarkIntake(server.url)));
    const decision = await part('matching: the decision', async () =>
      renderMatchingDecision(await benchmarkMatchingDecision(server.url, config.decisions)),
    );
    const assigned = await part('matching: report → assigned', async () =>
      renderReportToAssigned(await benchmarkReportToAssigned(server.url, config.reports)),
    );
    const invoices = await part('billing: an invoice run', async () =>
      renderInvoiceRun(await benchmarkInvoiceRun(server.url, config.invoiceOrganisations)),
    );
    const web = await part("the web: the reporter's site", async () => renderWeb(await benchmarkWeb(server.url)));
    const reporting = await part('reporting: annual reports', async () =>
      renderReporting(await benchmarkReporting(server.url, config.reportingOrganisations, config.reportingEvents)),
    );
    const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;
    const markdown = renderReport({ config, machine, ...results, startedAt, wallSeconds }).replace(
      '## Method',
      `${footprint}\n\n${bus}\n\n${intake}\n\n${decision}\n\n${assigned}\n\n${invoices}\n\n${reporting}\n\n${web}\n\n## Method`,
    );
    mkdirSync(resolve(REPORT, '..'), { recursive: true });
    writeFileSync(REPORT, markdown);
    console.log(markdown);
    console.error(`written to ${REPORT}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
