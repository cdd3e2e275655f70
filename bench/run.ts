// `npm run bench`: one embedded PostgreSQL, every contender in turn in a process of its own, medians of
// BENCH_RUNS runs, written to docs/benchmarks.md.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
import { notes, renderReport } from './report';
import { spliceSection } from './report-sections';
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
    const child = fork(resolve(__dirname, 'worker.ts'), [], { execArgv: [...process.execArgv, '--expose-gc'], stdio: 'inherit' });
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

/**
 * The parts besides the event store's comparison, in the order they run and appear (the footprint first, while the
 * machine is quiet). `BENCH_ONLY=intake,web` measures only those and replaces their sections in the last report.
 */
const PARTS = {
  footprint: async () => renderFootprint(await benchmarkFootprint()),
  bus: async (url: string, config: BenchConfig) => renderBus(await benchmarkBus(url, Math.min(config.events, 50_000))),
  intake: async (url: string) => renderIntake(await benchmarkIntake(url)),
  'matching-decision': async (url: string, config: BenchConfig) =>
    renderMatchingDecision(await benchmarkMatchingDecision(url, config.decisions)),
  'report-to-assigned': async (url: string, config: BenchConfig) =>
    renderReportToAssigned(await benchmarkReportToAssigned(url, config.reports)),
  'invoice-run': async (url: string, config: BenchConfig) => renderInvoiceRun(await benchmarkInvoiceRun(url, config.invoiceOrganisations)),
  reporting: async (url: string, config: BenchConfig) =>
    renderReporting(await benchmarkReporting(url, config.reportingOrganisations, config.reportingEvents)),
  web: async (url: string) => renderWeb(await benchmarkWeb(url)),
} satisfies Record<string, (url: string, config: BenchConfig) => Promise<string>>;
type PartKey = keyof typeof PARTS;

async function main(): Promise<void> {
  const config = readConfig();
  const startedAt = new Date();
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir: DATA_DIR, settings: { max_connections: 200 } });
  const stop = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    // Each part's report is kept as it is done (tmp/bench-parts/), so a run that fails or is stopped late keeps
    // what it measured.
    const partsDir = resolve(__dirname, '../tmp/bench-parts');
    mkdirSync(partsDir, { recursive: true });
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    const unknown = only?.filter((key) => !(key in PARTS));
    if (unknown?.length) throw new Error(`BENCH_ONLY: unknown parts ${unknown.join(', ')}; known: ${Object.keys(PARTS).join(', ')}`);
    const measured: Partial<Record<PartKey, string>> = {};
    for (const key of Object.keys(PARTS) as PartKey[]) {
      if (only && !only.includes(key)) continue;
      console.error(key);
      measured[key] = await PARTS[key](server.url, config);
      writeFileSync(resolve(partsDir, `${key}.md`), measured[key]);
    }
    mkdirSync(resolve(REPORT, '..'), { recursive: true });
    if (only) {
      // Some parts again: each replaces its section of the last full report, stamped with when it was measured.
      const stamp = `_Measured again on its own: ${startedAt.toISOString()}, \`BENCH_ONLY=${only.join(',')} npm run bench\`, load average ${loadavg()[0].toFixed(1)} at the end; the rest of this report is from the run named at the top._`;
      let markdown = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
      for (const [key, section] of Object.entries(measured))
        markdown = spliceSection(markdown, `${section.replace(/\n/, `\n\n${stamp}\n`)}`, key);
      markdown = spliceSection(markdown, `## Notes\n\n${notes()}`, 'notes');
      writeFileSync(REPORT, markdown);
      console.log(Object.values(measured).join('\n\n'));
      console.error(`sections ${only.join(', ')} replaced in ${REPORT}`);
      return;
    }
    const machine = await machineInfo(server.url);
    const results = await benchmark(server, config, machine);
    const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;
    const markdown = renderReport({ config, machine, ...results, startedAt, wallSeconds }).replace(
      '## Method',
      `${(Object.keys(PARTS) as PartKey[]).map((key) => measured[key]).join('\n\n')}\n\n## Method`,
    );
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
