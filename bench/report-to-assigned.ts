// The matching part of `npm run bench` (2/2): report → assigned, end to end, on the embedded default. One
// PostgreSQL (the benchmark's, a database per service), the Postgres bus, the dev issuer (accepting accounts made at
// run time), and intake, case and matching in one process as `npm start` composes them. The directory is made
// through matching's API; reports are filed through intake's public API; each is timed from the moment its POST
// leaves to the moment `case.advisor-assigned.v1` for its case reaches a consumer of the bus. Target from the issue:
// p99 ≤ 500 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { Session } from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DevIssuer } from '@vertrouwd/auth';
import type { RunningService, ServiceDefinition } from '@vertrouwd/runtime';
import { DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '../libs/platform/auth/src/demo-users';
import { countStatements, postgresCpu } from './metrics';
import { freshDatabase } from './support';

// Like bench/intake.ts: the services run in a child process (this file, BENCH_ASSIGNED_ROLE set), compiled with the
// runtime tsconfig as deploy/ runs them, loaded by path at run time so the driver never loads them.
const load = <T>(path: string): T => require(path) as T; // eslint-disable-line @typescript-eslint/no-require-imports
const ROOT = resolve(__dirname, '..');

const TARGET_P99_MS = 500;
const STEADY_RATE = 10; // reports per second
const COUNSELLORS = 20;
const ORGANISATIONS = 50;
const PAGE_WAIT_MS = 20_000;
const ASSIGN_WAIT_MS = 60_000;
const ADMIN_SECRET = 'bench-identity-admin-secret-of-some-length';
// Topics by name: `type:tooling` gains nothing from the contracts' types here.
const ASSIGNED_TOPIC = 'case.advisor-assigned.v1';
const MATCHED_TOPIC = 'matching.counsellor-matched.v1';
const UNMATCHED_TOPIC = 'matching.no-counsellor-available.v1';
const SUBMITTED_TOPIC = 'intake.report-submitted.v1';
const UNTHROTTLED = { submissionsPerClient: { max: 1_000_000_000, windowMs: 3_600_000 } };
const REGIONS = ['utrecht', 'gelderland', 'noord-holland', 'zuid-holland', 'noord-brabant'];
const SPECIALISMS = ['bullying', 'sexual-harassment', 'integrity-and-fraud', 'discrimination', 'aggression-and-violence'];
const THEMES = ['bullying', 'intimidation', 'discrimination', 'theft-or-fraud', 'not-sure'];

export interface PhaseFigures {
  reports: number;
  /** Submissions per second as sent (the steady phase's rate, or the burst's). */
  ratePerSec: number;
  assigned: number;
  unmatched: number;
  missing: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Of which submit → intake's report on the bus. */
  onBusP50Ms: number;
  onBusP99Ms: number;
  /** Of which submit → matching's decision on the bus. */
  matchedP50Ms: number;
  matchedP99Ms: number;
  /** What the phase cost, from its first submission until its last report was assigned. */
  cost: PhaseCost;
}

/** CPU and statements of a phase, per report: what the whole chain costs, not intake alone. */
export interface PhaseCost {
  /** The services' process (issuer, intake, case, matching and this driver's submissions), ms per report. */
  processCpuMs: number;
  /** Every PostgreSQL process (all the databases, the server's own), ms per report; absent when not measurable. */
  postgresCpuMs?: number;
  /** Statements and transactions per report, by database (`intake`, `case`, `matching`, `bus`, `privacy`). */
  statements: Record<string, { statements: number; transactions: number }>;
}

export interface ReportToAssignedFigures {
  counsellors: number;
  organisations: number;
  /** Intake codes whose page answered, and so took reports. */
  pages: number;
  steady: PhaseFigures;
  burst: PhaseFigures;
  /** Cores in use with nothing submitted, for 3 s before the steady phase: the services' process, PostgreSQL. */
  idle: { processCores: number; postgresCores?: number };
  loadAverage: number;
}

interface ChildConfig {
  databases: Record<'intake' | 'case' | 'matching' | 'bus' | 'privacy', string>;
  adminUrl: string;
  reports: number;
}

const IDLE_MS = 3_000;

/** Starts measuring a phase's cost; `end(reports)` gives it per report. */
function costMeter(statements: ReturnType<typeof countStatements>, postgres: (() => number) | undefined) {
  statements.reset();
  const cpu = process.cpuUsage();
  const pg0 = postgres?.();
  const at = performance.now();
  return {
    wallMs: () => performance.now() - at,
    processUs: () => {
      const used = process.cpuUsage(cpu);
      return used.user + used.system;
    },
    postgresUs: () => (postgres && pg0 !== undefined ? postgres() - pg0 : undefined),
    end(reports: number): PhaseCost {
      const pg = this.postgresUs();
      const perReport = (n: number) => n / Math.max(1, reports);
      return {
        processCpuMs: perReport(this.processUs()) / 1000,
        ...(pg !== undefined ? { postgresCpuMs: perReport(pg) / 1000 } : {}),
        statements: Object.fromEntries(
          Object.entries(statements.read()).map(([database, c]) => [
            database.replace(/^bench_assigned_/, ''),
            { statements: perReport(c.statements), transactions: perReport(c.transactions) },
          ]),
        ),
      };
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
const uuid = (n: number, kind: number) => `b0000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

async function call(url: string, init: { method: string; token?: string; body?: object }, ok: number[]): Promise<unknown> {
  const response = await fetch(url, {
    method: init.method,
    headers: {
      ...(init.token ? { Authorization: init.token } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  if (!ok.includes(response.status))
    throw new Error(`${init.method} ${new URL(url).pathname} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

async function until<T>(what: string, ms: number, attempt: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (performance.now() > deadline)
        throw new Error(`${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      await sleep(100);
    }
  }
}

/**
 * One agency through matching's API, as its admin and coordinator make it: 20 external counsellors of both roles
 * with room for every report of the run, 50 organisations with intake codes (the first two with the demo
 * organisations' ids and codes, which intake answers for whether it learns organisations from matching or still
 * seeds its own), each with a primary and a substitute.
 */
async function makeDirectory(matching: string, issuer: DevIssuer): Promise<string[]> {
  const admin = `Bearer ${await issuer.mintToken('admin-adam')}`;
  const coordinator = `Bearer ${await issuer.mintToken('coordinator-carla')}`;
  const base = `${matching}/agencies/${DEMO_AGENCY_ID}`;
  await call(
    `${matching}/platform/agencies`,
    { method: 'POST', token: admin, body: { agencyId: DEMO_AGENCY_ID, name: 'Bench agency', poolMatching: true, languages: ['nl', 'en'] } },
    [201],
  );
  await call(
    `${matching}/platform/agencies/${DEMO_AGENCY_ID}/coordinators`,
    { method: 'POST', token: admin, body: { username: 'coordinator-carla', email: 'coordinator-carla@bench.example' } },
    [201, 409],
  );
  const counsellors = Array.from({ length: COUNSELLORS }, (_, i) => uuid(i + 1, 1));
  for (const [i, counsellorId] of counsellors.entries()) {
    await until('onboarding a counsellor', 10_000, () =>
      call(
        `${base}/counsellors`,
        {
          method: 'POST',
          token: coordinator,
          body: {
            counsellorId,
            username: `bench-counsellor-${i + 1}`,
            email: `bench-counsellor-${i + 1}@bench.example`,
            name: `Counsellor ${i + 1}`,
            introduction: 'A counsellor of the benchmark agency.',
            kind: 'external',
            roles: ['unwanted-behaviour', 'integrity'],
            languages: i % 3 === 0 ? ['nl'] : ['nl', 'en'],
            gender: i % 2 === 0 ? 'female' : 'male',
            regions: [REGIONS[i % REGIONS.length]],
            specialisms: [SPECIALISMS[i % SPECIALISMS.length]],
            capacityCases: 200,
            capacityHoursPerWeek: 40,
          },
        },
        [201],
      ),
    );
  }
  const organisations = Array.from({ length: ORGANISATIONS }, (_, i) => ({
    organisationId: i === 0 ? DEMO_ORGANISATIONS['org-bakkerij'] : i === 1 ? DEMO_ORGANISATIONS['org-zorggroep'] : uuid(i + 1, 2),
    intakeCode: i === 0 ? 'bakkerij-2026' : i === 1 ? 'zorggroep-2026' : `bench-org-${i + 1}`,
  }));
  for (const [i, org] of organisations.entries()) {
    await call(
      `${base}/organisations`,
      {
        method: 'POST',
        token: coordinator,
        body: {
          ...org,
          name: `Organisation ${i + 1}`,
          kvkNumber: String(30_000_000 + i),
          sbiCode: '1071',
          headcount: 20 + ((i * 37) % 900),
          regions: [REGIONS[i % REGIONS.length]],
          languages: ['nl', 'en'],
        },
      },
      [201],
    );
  }
  for (const [i, org] of organisations.entries()) {
    await until('an appointment', 10_000, () =>
      call(
        `${base}/organisations/${org.organisationId}/appointment`,
        {
          method: 'PUT',
          token: coordinator,
          body: { primaryId: counsellors[i % COUNSELLORS], substituteId: counsellors[(i + 7) % COUNSELLORS], internalIds: [] },
        },
        [204],
      ),
    );
  }
  // Reports go to the organisations whose intake page answers: all, once intake reads matching's events.
  const answering = new Set<string>();
  const deadline = performance.now() + PAGE_WAIT_MS;
  while (performance.now() < deadline && answering.size < organisations.length) {
    await Promise.all(
      organisations
        .filter((o) => !answering.has(o.intakeCode))
        .map(async (o) => {
          const res = await fetch(`${process.env.BENCH_INTAKE_URL}/intake/${o.intakeCode}`);
          await res.arrayBuffer();
          if (res.status === 200) answering.add(o.intakeCode);
        }),
    );
    if (answering.size < organisations.length) await sleep(250);
  }
  if (answering.size === 0) throw new Error('no intake page answered');
  return [...answering];
}

interface Timings {
  sentAt: Map<string, number>;
  onBusAt: Map<string, number>;
  matchedAt: Map<string, number>;
  assignedAt: Map<string, number>;
  unmatched: Set<string>;
}

async function submit(intake: string, code: string, n: number, timings: Timings): Promise<void> {
  const body = JSON.stringify({
    theme: THEMES[n % THEMES.length],
    relation: 'colleague',
    anonymity: 'anonymous',
    language: n % 4 === 0 ? 'en' : 'nl',
    consentVersion: 'v1',
    account: `bench report ${n}`,
    contact: { channel: 'platform' },
    ...(n % 10 === 0 ? { preferences: { advisorGender: 'female' } } : {}),
  });
  const t0 = performance.now();
  const res = await fetch(`${intake}/intake/${code}/reports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answer = (await res.json()) as { caseId?: string };
  if (res.status !== 201 || !answer.caseId) throw new Error(`a submission answered ${res.status}`);
  timings.sentAt.set(answer.caseId, t0);
}

async function waitForAll(ids: string[], timings: Timings): Promise<void> {
  const deadline = performance.now() + ASSIGN_WAIT_MS;
  while (performance.now() < deadline && ids.some((id) => !timings.assignedAt.has(id) && !timings.unmatched.has(id))) await sleep(20);
}

function phase(ids: string[], timings: Timings, ratePerSec: number, cost: PhaseCost): PhaseFigures {
  const since = (at: Map<string, number>) =>
    ids
      .filter((id) => at.has(id))
      .map((id) => at.get(id)! - timings.sentAt.get(id)!)
      .sort((a, b) => a - b);
  const assigned = since(timings.assignedAt);
  const matched = since(timings.matchedAt);
  const onBus = since(timings.onBusAt);
  const unmatched = ids.filter((id) => timings.unmatched.has(id)).length;
  return {
    reports: ids.length,
    ratePerSec,
    assigned: assigned.length,
    unmatched,
    missing: ids.length - assigned.length - unmatched,
    p50Ms: percentile(assigned, 50),
    p99Ms: percentile(assigned, 99),
    maxMs: assigned[assigned.length - 1],
    onBusP50Ms: percentile(onBus, 50),
    onBusP99Ms: percentile(onBus, 99),
    matchedP50Ms: percentile(matched, 50),
    matchedP99Ms: percentile(matched, 99),
    cost,
  };
}

/** The services' process: issuer, intake, case and matching; the directory; then the reports, steady and in a burst. */
async function runChild(config: ChildConfig): Promise<void> {
  const send = (message: object, exit = false) => process.send?.(message, () => exit && process.exit(0));
  const { startDevIssuer } = load<typeof import('@vertrouwd/auth')>('@vertrouwd/auth');
  const { startService } = load<typeof import('@vertrouwd/runtime')>('@vertrouwd/runtime');
  const { configuredIntake } = load<{ configuredIntake: (limits: object) => ServiceDefinition }>(join(ROOT, 'services/intake/src/service'));
  const { caseService } = load<{ caseService: ServiceDefinition }>(join(ROOT, 'services/case/src/service'));
  const { matchingService } = load<{ matchingService: ServiceDefinition }>(join(ROOT, 'services/matching/src/service'));
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-assigned-'));
  const issuer = await startDevIssuer({ port: 0, adminClientSecret: ADMIN_SECRET, usersFile: join(dataDir, 'users.json') });
  const running: RunningService[] = [];
  try {
    const db = config.databases;
    const common = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: db.bus,
      PRIVACY_DATABASE_URL: db.privacy,
      PORT: '0',
      REPORTER_TOKEN_SECRET: 'bench-reporter-token-secret-of-32-chars-or-more',
      IDENTITY_ADMIN_CLIENT_SECRET: ADMIN_SECRET,
      IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
      VERTROUWD_DATA_DIR: dataDir,
    };
    const intake = await startService({ ...configuredIntake(UNTHROTTLED), logger: false }, { ...common, DATABASE_URL: db.intake });
    running.push(intake);
    running.push(await startService({ ...caseService, logger: false }, { ...common, DATABASE_URL: db.case }));
    const matching = await startService({ ...matchingService, logger: false }, { ...common, DATABASE_URL: db.matching });
    running.push(matching);
    const intakeUrl = intake.url.replace(/\/$/, '');
    process.env.BENCH_INTAKE_URL = intakeUrl;
    console.error('report → assigned: making the directory through matching');
    const codes = await makeDirectory(matching.url.replace(/\/$/, ''), issuer);

    const timings: Timings = { sentAt: new Map(), onBusAt: new Map(), matchedAt: new Map(), assignedAt: new Map(), unmatched: new Set() };
    const observer = intake.platform.bus.consume({
      group: 'bench-assigned-observer',
      topics: [SUBMITTED_TOPIC, ASSIGNED_TOPIC, MATCHED_TOPIC, UNMATCHED_TOPIC],
      handle: (message) => {
        const now = performance.now();
        const caseId = (JSON.parse(message.value) as { payload: { caseId: string } }).payload.caseId;
        if (message.topic === ASSIGNED_TOPIC && !timings.assignedAt.has(caseId)) timings.assignedAt.set(caseId, now);
        else if (message.topic === MATCHED_TOPIC && !timings.matchedAt.has(caseId)) timings.matchedAt.set(caseId, now);
        else if (message.topic === SUBMITTED_TOPIC && !timings.onBusAt.has(caseId)) timings.onBusAt.set(caseId, now);
        else if (message.topic === UNMATCHED_TOPIC) timings.unmatched.add(caseId);
        return Promise.resolve();
      },
    });
    await observer.caughtUp();

    // Warm-up: ten reports, each assigned before the next, so every consumer is running and caught up.
    console.error('report → assigned: warm-up');
    for (let n = 0; n < 10; n++) {
      await submit(intakeUrl, codes[n % codes.length], n, timings);
      await waitForAll([...timings.sentAt.keys()], timings);
    }
    const measured = (before: Set<string>) => [...timings.sentAt.keys()].filter((id) => !before.has(id));

    // Every statement of this process from here on is counted, by database; the idle background first.
    const statements = countStatements();
    const postgres = await postgresCpu(config.adminUrl);
    const quiet = costMeter(statements, postgres);
    await sleep(IDLE_MS);
    const idleWallUs = quiet.wallMs() * 1000;
    const idlePostgresUs = quiet.postgresUs();
    const idle = {
      processCores: quiet.processUs() / idleWallUs,
      ...(idlePostgresUs !== undefined ? { postgresCores: idlePostgresUs / idleWallUs } : {}),
    };

    console.error(`report → assigned: ${config.reports} reports at ${STEADY_RATE}/s`);
    let before = new Set(timings.sentAt.keys());
    const steadyCost = costMeter(statements, postgres);
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < config.reports; i++) {
      const due = started + (i * 1000) / STEADY_RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      inFlight.push(submit(intakeUrl, codes[i % codes.length], 100 + i, timings));
    }
    await Promise.all(inFlight);
    const steadyRate = config.reports / ((performance.now() - started) / 1000);
    const steadyIds = measured(before);
    await waitForAll(steadyIds, timings);
    const steady = phase(steadyIds, timings, steadyRate, steadyCost.end(steadyIds.length));

    const burstSize = Math.max(10, Math.floor(config.reports / 4));
    // BENCH_ASSIGNED_PROFILE=<file>: a CPU profile of this process (every service's event loop) over the burst.
    const profilePath = process.env.BENCH_ASSIGNED_PROFILE;
    const session = profilePath ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    console.error(`report → assigned: a burst of ${burstSize} reports at once`);
    before = new Set(timings.sentAt.keys());
    const burstCost = costMeter(statements, postgres);
    const burstStarted = performance.now();
    await Promise.all(Array.from({ length: burstSize }, (_, i) => submit(intakeUrl, codes[i % codes.length], 100_000 + i, timings)));
    const burstRate = burstSize / ((performance.now() - burstStarted) / 1000);
    const burstIds = measured(before);
    await waitForAll(burstIds, timings);
    const burst = phase(burstIds, timings, burstRate, burstCost.end(burstIds.length));
    if (session && profilePath) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profilePath, JSON.stringify(profile));
      session.disconnect();
    }
    await observer.stop();

    send({
      phase: 'result',
      figures: {
        counsellors: COUNSELLORS,
        organisations: ORGANISATIONS,
        pages: codes.length,
        steady,
        burst,
        idle,
        loadAverage: loadavg()[0],
      },
    });
  } catch (error) {
    send({ phase: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    for (const service of running.reverse()) await service.close().catch(() => undefined);
    await issuer.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  }
}

export async function benchmarkReportToAssigned(adminUrl: string, reports: number): Promise<ReportToAssignedFigures> {
  const config: ChildConfig = {
    databases: {
      intake: await freshDatabase(adminUrl, 'bench_assigned_intake'),
      case: await freshDatabase(adminUrl, 'bench_assigned_case'),
      matching: await freshDatabase(adminUrl, 'bench_assigned_matching'),
      bus: await freshDatabase(adminUrl, 'bench_assigned_bus'),
      privacy: await freshDatabase(adminUrl, 'bench_assigned_privacy'),
    },
    adminUrl,
    reports,
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', __filename], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json'), BENCH_ASSIGNED_ROLE: JSON.stringify(config) },
  });
  return new Promise((resolvePromise, reject) => {
    let result: ReportToAssignedFigures | undefined;
    let failure: string | undefined;
    child.on('message', (message: { phase: string; figures?: ReportToAssignedFigures; error?: string }) => {
      if (message.phase === 'result') result = message.figures;
      else if (message.phase === 'failed') failure = message.error;
    });
    child.once('exit', (code) =>
      result ? resolvePromise(result) : reject(new Error(failure ?? `the report → assigned bench exited with code ${code}`)),
    );
  });
}

export function renderReportToAssigned(f: ReportToAssignedFigures): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const verdict = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
  const row = (name: string, p: PhaseFigures) =>
    `| ${name} | ${p.reports} at ${p.ratePerSec.toFixed(0)}/s | ${ms(p.p50Ms)} / ${ms(p.p99Ms)} / ${ms(p.maxMs)} ` +
    `| ${ms(p.onBusP50Ms)} / ${ms(p.onBusP99Ms)} | ${ms(p.matchedP50Ms)} / ${ms(p.matchedP99Ms)} | ${p.unmatched}; ${p.missing} | p99 ≤ ${TARGET_P99_MS} ms ` +
    `| ${verdict(p.p99Ms <= TARGET_P99_MS && p.missing === 0 && p.unmatched === 0)} |`;
  return [
    '## Matching: report → assigned',
    '',
    'The embedded default end to end: intake, case and matching in one process (as `npm start` runs them), the ' +
      "benchmark's PostgreSQL (a database per service, the Postgres bus, one key vault), the dev issuer making " +
      `accounts at run time. One agency made through matching's API: ${f.counsellors} counsellors, ` +
      `${f.organisations} organisations with intake codes, each with a primary and a substitute ` +
      `(${f.pages} intake pages answered and took the reports). Each report is filed through intake's HTTP API and ` +
      'timed from its POST to `case.advisor-assigned.v1` for its case reaching a consumer of the bus (intake → bus → ' +
      'matching decides → bus → case assigns → bus); after ten warm-up reports, steadily and then all at once. ' +
      `Load average when it ended: ${f.loadAverage.toFixed(1)}.`,
    '',
    '| phase | reports | submit → assigned p50 / p99 / max | of which → report on the bus p50 / p99 | → matched p50 / p99 ' +
      '| unmatched; never assigned | target | |',
    '|---|--:|--:|--:|--:|--:|--:|---|',
    row('steady', f.steady),
    row('burst', f.burst),
    '',
    'What the whole chain costs per report (intake, the bus, matching, case and their databases; this process also ' +
      "submits the reports and observes the bus), from the phase's first submission until its last report was assigned:",
    '',
    "| phase | CPU per report: services' process / PostgreSQL | statements (transactions) per report, by database |",
    '|---|--:|---|',
    costRow('steady', f.steady.cost),
    costRow('burst', f.burst.cost),
    '',
    `With nothing submitted (${IDLE_MS / 1000} s before the steady phase): the services' process ` +
      `${f.idle.processCores.toFixed(2)} cores, PostgreSQL ${f.idle.postgresCores === undefined ? 'not measured' : `${f.idle.postgresCores.toFixed(2)} cores`}.`,
  ].join('\n');
}

function costRow(name: string, cost: PhaseCost): string {
  const pg = cost.postgresCpuMs === undefined ? 'not measured' : `${cost.postgresCpuMs.toFixed(1)} ms`;
  const order = ['intake', 'privacy', 'bus', 'matching', 'case'];
  const rank = (database: string) => (order.includes(database) ? order.indexOf(database) : order.length);
  const databases = Object.entries(cost.statements)
    .filter(([, c]) => c.statements >= 0.05)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([database, c]) => `${database} ${c.statements.toFixed(1)} (${c.transactions.toFixed(1)})`);
  const total = Object.values(cost.statements).reduce((sum, c) => sum + c.statements, 0);
  return `| ${name} | ${cost.processCpuMs.toFixed(1)} ms / ${pg} | ${databases.join(', ')}; ${total.toFixed(0)} in all |`;
}

if (require.main === module && process.env.BENCH_ASSIGNED_ROLE) void runChild(JSON.parse(process.env.BENCH_ASSIGNED_ROLE) as ChildConfig);
