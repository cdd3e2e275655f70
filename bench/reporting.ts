// The reporting part of `npm run bench`: an agency of BENCH_REPORTING_ORGANISATIONS client organisations whose facts
// journals together hold about BENCH_REPORTING_EVENTS events (two whole years of cases, hours and activities), built
// through the event store's own append in batches (hash chains intact). Then, as the service runs them:
// the rebuild of reporting's read models from zero (the journal read in global order), one organisation's draft,
// the drafts and the publications of every organisation, and the reproduction of one publication, from its
// organisation's journal and from a scan of the whole event history. Targets from issue 11.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EventStore, NewEvent, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { RunningService, ServiceDefinition } from '@vertrouwd/runtime';
import { journalOf } from '../services/reporting/src/testing/sample-journal';
import { freshDatabase, random } from './support';

const load = <T>(path: string): T => require(path) as T; // eslint-disable-line @typescript-eslint/no-require-imports
const ROOT = resolve(__dirname, '..');
const REPORTING = join(ROOT, 'services/reporting/src');
const AGENCY = '5b0d7c1e-2f4a-4e8b-9c3d-7a6b5c4d3e2f';
const TARGETS = { draftMs: 100, allSeconds: 60, reproduceSeconds: 60, rebuildPerSecond: 50_000 };
const CONCURRENCY = 4;

/**
 * BENCH_REPORTING_TIMED: how many organisations' drafts and publications are timed (default: every one of them, so
 * the target is measured, not projected; a smaller number for a quicker run projects from an evenly spread sample).
 */
function timedOrganisations(): number {
  const value = Number(process.env.BENCH_REPORTING_TIMED ?? Number.MAX_SAFE_INTEGER);
  return Number.isInteger(value) && value > 0 ? value : Number.MAX_SAFE_INTEGER;
}

export interface ReportingFigures {
  organisations: number;
  events: number;
  buildSeconds: number;
  buildPerSecond: number;
  rebuild: { facts: number; organisations: number; cases: number; seconds: number }[];
  one: { headcount: number; facts: number; casesThisYear: number; medianMs: number; p95Ms: number; maxMs: number; runs: number };
  year: number;
  /** How many organisations' drafts and publications were timed (all, or an evenly spread sample). */
  timedOrganisations: number;
  /** Seconds for the timed organisations' drafts, and publications. */
  draftsSeconds: number;
  publicationsSeconds: number;
  reproduceJournal: { medianMs: number; factsRead: number; same: boolean };
  reproduceHistory: { seconds: number; eventsRead: number; factsKept: number; same: boolean };
  loadAverage: number;
}

interface ChildConfig {
  databaseUrl: string;
  organisations: number;
  events: number;
}

type Fact = { type: string } & Record<string, unknown>;

const FACTS_PER_CASE = 9.2; // the mean of journalOf's case facts (services/reporting/src/testing/sample-journal.ts)
const ACTIVITIES_PER_YEAR = 2;

async function runChild(config: ChildConfig): Promise<void> {
  const send = (message: object, exit = false) => process.send?.(message, () => exit && process.exit(0));
  const { startService, EVENT_STORE } = load<typeof import('@vertrouwd/runtime')>('@vertrouwd/runtime');
  const { systemContext } = load<typeof import('@vertrouwd/service-kit')>('@vertrouwd/service-kit');
  const { amsterdamToday } = load<typeof import('@vertrouwd/domain')>('@vertrouwd/domain');
  const vocabulary = load<typeof import('@vertrouwd/contracts')>('@vertrouwd/contracts');
  const { reportingService } = load<{ reportingService: ServiceDefinition }>(join(REPORTING, 'service'));
  const { ReportsService } = load<typeof import('../services/reporting/src/application/reports/reports.service')>(
    join(REPORTING, 'application/reports/reports.service'),
  );
  const { ReportsRepository } = load<typeof import('../services/reporting/src/application/reporting.repositories')>(
    join(REPORTING, 'application/reporting.repositories'),
  );
  const { REPORTING_READS, REPORT_SIGNER } = load<typeof import('../services/reporting/src/application/ports/reporting-reads.port')>(
    join(REPORTING, 'application/ports/reporting-reads.port'),
  );
  const { REPORT_COMPOSER } = load<typeof import('../services/reporting/src/application/ports/report-composer.port')>(
    join(REPORTING, 'application/ports/report-composer.port'),
  );
  const { BenchmarksService } = load<typeof import('../services/reporting/src/application/benchmarks/benchmarks.service')>(
    join(REPORTING, 'application/benchmarks/benchmarks.service'),
  );
  const { ReadModelRebuild } = load<typeof import('../services/reporting/src/infrastructure/read-model-rebuild.sql')>(
    join(REPORTING, 'infrastructure/read-model-rebuild.sql'),
  );
  let service: RunningService | undefined;
  try {
    service = await startService(
      { ...reportingService, logger: false },
      {
        DATABASE_URL: config.databaseUrl,
        OIDC_ISSUER: 'http://127.0.0.1:9/realms/bench',
        PORT: '0',
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-reporting-')),
      },
    );
    const store = service.app.get<EventStore>(EVENT_STORE);
    const today = amsterdamToday();
    const year = Number(today.slice(0, 4)) - 1;
    const years = [year - 1, year];

    // The organisations: the first of 500 employees (the one timed alone), then two in five below 25, the rest up to ~2,000.
    const rng = random(20261206);
    const headcounts = Array.from({ length: config.organisations }, (_, i) =>
      i === 0 ? 500 : rng.next() < 0.4 ? 1 + rng.int(24) : 25 + Math.floor(rng.next() ** 3 * 2_000),
    );
    const employees = headcounts.reduce((a, b) => a + b, 0);
    // Cases per 100 employees a year, chosen so the journals hold about `events` facts in all.
    const perOrganisation = 1 + years.length * ACTIVITIES_PER_YEAR;
    const casesPer100 = Math.max(
      0.1,
      (config.events - config.organisations * perOrganisation) / ((years.length * FACTS_PER_CASE * employees) / 100),
    );
    const ids = headcounts.map(() => rng.uuid());
    const sbi = ['86', '62', '47', '84', '85', '41'];
    const buildStart = performance.now();
    let events = 0;
    let next = 0;
    const oneFacts: number[] = [];
    const build = async () => {
      while (next < ids.length) {
        const i = next++;
        const organisationId = ids[i];
        const record: Fact = {
          type: 'OrganisationRecorded',
          agencyId: AGENCY,
          headcount: headcounts[i],
          headcountFrom: `${years[0]}-01-01`,
          sbiCode: sbi[i % sbi.length],
          wbkObliged: headcounts[i] >= 50,
          pendingBillObliged: headcounts[i] >= 10,
          counsellorAppointed: true,
          active: true,
          sites: ['utrecht', 'gelderland'],
          version: 1,
        };
        const facts = [record, ...journalOf(random(7_000 + i), vocabulary, headcounts[i], casesPer100, years)];
        if (i === 0)
          oneFacts.push(facts.length, facts.filter((f) => f.type === 'CaseReported' && (f.on as string).startsWith(String(year))).length);
        const toEvent = ({ type, ...data }: Fact): NewEvent => ({ id: randomUUID(), type, data });
        for (let start = 0; start < facts.length; start += 1_000)
          await store.appendToStream(`facts-${organisationId}`, facts.slice(start, start + 1_000).map(toEvent), 'any');
        events += facts.length;
      }
    };
    await Promise.all(Array.from({ length: 8 }, build));
    const buildSeconds = (performance.now() - buildStart) / 1000;
    console.error(`reporting: ${events} facts for ${ids.length} organisations built in ${buildSeconds.toFixed(1)} s`);

    // The read models from zero (twice: the first with a cold JIT).
    const rebuild = [];
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      const outcome = await service.app.get(ReadModelRebuild).rebuild();
      rebuild.push({ ...outcome, seconds: (performance.now() - started) / 1000 });
      console.error(`reporting: rebuild ${run + 1}: ${outcome.facts} facts read in ${rebuild[run].seconds.toFixed(1)} s`);
    }

    const reports = service.app.get(ReportsService);
    const inTurn = async (list: readonly string[], work: (id: string) => Promise<unknown>) => {
      let at = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (at < list.length) await work(list[at++]);
        }),
      );
    };

    // One organisation's draft: warm-up, then timed one after another.
    for (let i = 0; i < 3; i++) await reports.draft(AGENCY, ids[0], year, today);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await reports.draft(AGENCY, ids[0], year, today);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);

    // Drafts and publications of every organisation, or of an evenly spread sample of them (every n-th, so every
    // size is in it, the single organisation reproduced below first) when BENCH_REPORTING_TIMED is smaller; the time
    // for all of them is then projected from the sample, and the report says so.
    const step = Math.max(1, Math.ceil(ids.length / timedOrganisations()));
    const timed = ids.filter((_, i) => i % step === 0);
    let started = performance.now();
    await inTurn(timed, (id) => reports.draft(AGENCY, id, year, today));
    const draftsSeconds = (performance.now() - started) / 1000;
    console.error(`reporting: ${timed.length} drafts in ${draftsSeconds.toFixed(1)} s`);

    const context = systemContext('system:bench', randomUUID());
    started = performance.now();
    await inTurn(timed, (id) => reports.publish(AGENCY, id, year, today, context));
    const publicationsSeconds = (performance.now() - started) / 1000;
    console.error(`reporting: ${timed.length} publications in ${publicationsSeconds.toFixed(1)} s`);

    // Reproduction from the organisation's journal, as the service answers the auditor.
    const reproduceTimes: number[] = [];
    let journalSame = true;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const reproduction = await reports.reproduce(AGENCY, ids[0], year, 1);
      if (i > 0) reproduceTimes.push(performance.now() - t);
      journalSame &&= reproduction.same;
    }
    reproduceTimes.sort((a, b) => a - b);

    // Reproduction from the whole event history: every event of the store read in global order (all organisations'
    // journals and every publication), the organisation's facts kept, then the same computation.
    let eventsRead = 0;
    let factsKept = 0;
    const scanningJournal = {
      read: async (organisationId: string) => {
        const stream = `facts-${organisationId}`;
        const kept: RecordedEvent[] = [];
        let position: bigint | undefined;
        for (;;) {
          const page = await store.readAll({ after: position, maxCount: 5_000 });
          eventsRead += page.length;
          for (const event of page) if (event.streamId === stream) kept.push(event);
          if (page.length < 5_000) break;
          position = page[page.length - 1].position;
        }
        factsKept = kept.length;
        return {
          facts: kept.map((e) => ({ ...(e.data as object), type: e.type })),
          version: kept.length === 0 ? -1 : (kept.at(-1)?.version ?? -1),
        };
      },
    };
    const fromHistory = new ReportsService(
      service.app.get(ReportsRepository),
      scanningJournal as never,
      service.app.get(REPORTING_READS),
      service.app.get(REPORT_SIGNER),
      service.app.get(BenchmarksService),
      service.app.get(REPORT_COMPOSER),
    );
    started = performance.now();
    const historical = await fromHistory.reproduce(AGENCY, ids[0], year, 1);
    const historySeconds = (performance.now() - started) / 1000;

    const figures: ReportingFigures = {
      organisations: ids.length,
      events,
      buildSeconds,
      buildPerSecond: events / buildSeconds,
      rebuild,
      one: {
        headcount: headcounts[0],
        facts: oneFacts[0],
        casesThisYear: oneFacts[1],
        medianMs: times[Math.floor(times.length / 2)],
        p95Ms: times[Math.ceil(times.length * 0.95) - 1],
        maxMs: times[times.length - 1],
        runs: times.length,
      },
      year,
      timedOrganisations: timed.length,
      draftsSeconds,
      publicationsSeconds,
      reproduceJournal: { medianMs: reproduceTimes[Math.floor(reproduceTimes.length / 2)], factsRead: oneFacts[0], same: journalSame },
      reproduceHistory: { seconds: historySeconds, eventsRead, factsKept, same: historical.same },
      loadAverage: loadavg()[0] ?? 0,
    };
    await service.close();
    service = undefined;
    send({ phase: 'result', figures }, true);
  } catch (error) {
    await service?.close().catch(() => undefined);
    send({ phase: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, true);
  }
}

export async function benchmarkReporting(adminUrl: string, organisations: number, events: number): Promise<ReportingFigures> {
  const config: ChildConfig = { databaseUrl: await freshDatabase(adminUrl, 'bench_reporting'), organisations, events };
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_REPORTING_NODE_ARGS?.split(' ') ?? []), '-r', '@swc-node/register', __filename],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json'), BENCH_REPORTING_ROLE: JSON.stringify(config) },
    },
  );
  return new Promise((resolvePromise, reject) => {
    let result: ReportingFigures | undefined;
    child.on('message', (message: { phase: string; figures?: ReportingFigures; error?: string }) => {
      if (message.phase === 'result') result = message.figures;
      else if (message.phase === 'failed') reject(new Error(message.error));
    });
    child.once('exit', (code) => (result ? resolvePromise(result) : reject(new Error(`the reporting bench exited with code ${code}`))));
  });
}

export function renderReporting(f: ReportingFigures): string {
  const int = (n: number) => Math.round(n).toLocaleString('en-US');
  const mark = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
  const [first, second] = f.rebuild;
  const rate = (r: (typeof f.rebuild)[number]) => f.events / r.seconds;
  return [
    '## Reporting: annual reports',
    '',
    `An agency of ${int(f.organisations)} client organisations (two in five below 25 employees, the rest up to ~2,000), ` +
      `with two whole years (${f.year - 1} and ${f.year}) of cases and prevention activities: each case reported, ` +
      'acknowledged, feedback given (or its deadline missed), hours logged two to eight times, referred in three, ' +
      'closed in most. Their facts journals hold ' +
      `${int(f.events)} events in all, written through the event store's own append (hash chains intact) in ` +
      `${f.buildSeconds.toFixed(1)} s (${int(f.buildPerSecond)} events/s, not timed against a target). ` +
      `The single organisation has ${int(f.one.headcount)} employees and ${int(f.one.facts)} facts ` +
      `(${int(f.one.casesThisYear)} cases in ${f.year}). Drafts and publications run ${CONCURRENCY} at a time through ` +
      '`ReportsService` (journal read; figures, disclosure control and canonical content on its pool of worker threads; a ' +
      `publication also signs and appends). Load average when it ended: ${f.loadAverage.toFixed(1)}.`,
    '',
    '| measure | value | target | |',
    '|---|--:|--:|---|',
    `| rebuild of the read models from zero (the journal's ${int(f.events)} events in global order, of which the store returns the ${int(first.facts)} the tables need; ${int(first.organisations)} organisations, ${int(first.cases)} cases written) | ${int(rate(first))} journal events/s (again: ${int(rate(second))}) | ≥ ${int(TARGETS.rebuildPerSecond)} events/s | ${mark(rate(first) >= TARGETS.rebuildPerSecond)} |`,
    `| one organisation's draft (${int(f.one.facts)} facts), median / p95 / max of ${f.one.runs} | ${f.one.medianMs.toFixed(1)} / ${f.one.p95Ms.toFixed(1)} / ${f.one.maxMs.toFixed(1)} ms | ≤ ${TARGETS.draftMs} ms | ${mark(f.one.p95Ms <= TARGETS.draftMs)} |`,
    ...(['drafts', 'publications'] as const).map((what) => {
      const seconds = what === 'drafts' ? f.draftsSeconds : f.publicationsSeconds;
      const all = (seconds * f.organisations) / f.timedOrganisations;
      const label = what === 'drafts' ? 'drafts' : 'publications (signed, appended)';
      return f.timedOrganisations === f.organisations
        ? `| ${label} of all ${int(f.organisations)} organisations | ${seconds.toFixed(1)} s | ≤ ${TARGETS.allSeconds} s | ${mark(seconds <= TARGETS.allSeconds)} |`
        : `| ${label} of all ${int(f.organisations)} organisations: **projected** from ${int(f.timedOrganisations)} of them (every ${Math.round(f.organisations / f.timedOrganisations)}th), timed at ${seconds.toFixed(1)} s | ${all.toFixed(0)} s (projected) | ≤ ${TARGETS.allSeconds} s | ${mark(all <= TARGETS.allSeconds)} |`;
    }),
    `| reproduction of one publication from its organisation's journal (${int(f.reproduceJournal.factsRead)} facts read), median of 5 | ${f.reproduceJournal.medianMs.toFixed(1)} ms, same digest: ${f.reproduceJournal.same ? 'yes' : 'NO'} | ≤ ${TARGETS.reproduceSeconds} s | ${mark(f.reproduceJournal.same && f.reproduceJournal.medianMs <= TARGETS.reproduceSeconds * 1000)} |`,
    `| reproduction of one publication from the whole event history (${int(f.reproduceHistory.eventsRead)} events read, ${int(f.reproduceHistory.factsKept)} kept) | ${f.reproduceHistory.seconds.toFixed(1)} s, same digest: ${f.reproduceHistory.same ? 'yes' : 'NO'} | ≤ ${TARGETS.reproduceSeconds} s | ${mark(f.reproduceHistory.same && f.reproduceHistory.seconds <= TARGETS.reproduceSeconds)} |`,
    '',
    "What a reproduction reads. The service reproduces from the organisation's facts journal up to the publication's " +
      'cut-off: one stream read, so its time depends on the organisation, not on the size of the store. The facts are ' +
      "reporting's content-free record of the integration events it consumed (ADR 0033: the bus is a transport, not a " +
      'history to replay); the second row is the stricter reading of "from the event history alone": every event ' +
      'in the store read in global order (all organisations and all publications), the one organisation kept, and the ' +
      'same computation. The rebuild covers every `facts-*` event in global order (the store skips, by type, the ones ' +
      'the tables are not made of) and writes `reporting_organisations` and `reporting_cases` again in one transaction ' +
      "(and `reporting_agency_rules` from the agencies' disclosure-rules streams, which the sample has none of); " +
      'the figures themselves are computed from the journal on each draft, so they need no rebuild. It does not replay ' +
      'the bus into the journal: the journal is the history (ADR 0033).',
  ].join('\n');
}

if (require.main === module && process.env.BENCH_REPORTING_ROLE) void runChild(JSON.parse(process.env.BENCH_REPORTING_ROLE) as ChildConfig);
