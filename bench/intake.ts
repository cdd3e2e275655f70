// The intake part of `npm run bench`, on the benchmark's embedded PostgreSQL, in databases of its own:
// (a) report submissions/s with p50/p99 under N concurrent keep-alive HTTP clients, (b) report-submitted →
// case-visible latency with the case service running next to intake. Targets from the issue: ≥ 1,500/s at
// p99 ≤ 50 ms, and case-visible p99 ≤ 250 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { DevIssuer } from '@vertrouwd/auth';
import type { RunningService, ServiceDefinition } from '@vertrouwd/runtime';
import { DEMO_AGENCY_ID } from '../libs/platform/auth/src/demo-users';
import { withDatabase } from '../libs/testing/src/embedded-postgres';
import { countStatements, postgresCpu, type StatementCounts } from './metrics';

// The services run in a child process of their own (this file, BENCH_INTAKE_ROLE set), compiled with the runtime
// tsconfig like deploy/ runs them: NestJS needs decorator metadata, which `npm run bench`'s plain SWC setup lacks,
// and the driver's and load generator's CPU stay out of intake's figures. Only the child loads the services, at run
// time: a static import would load them, without decorator metadata, into the driver too. Loaded by a computed path,
// they are no dependency the boundaries see; the benchmark composes services the way deploy/ does.
interface IntakeServiceModule {
  configuredIntake: (limits: object) => ServiceDefinition;
}
interface CaseServiceModule {
  caseService: ServiceDefinition;
}
/** Intake has no organisation until matching publishes one: the test fixture publishes the demo directory. */
interface DirectoryFixtureModule {
  publishDemoDirectory: (intake: RunningService) => Promise<void>;
}
// A require() by path, at run time (see above); import() would bypass the TypeScript hook the child runs under.
const load = <T>(path: string): T => require(path) as T; // eslint-disable-line @typescript-eslint/no-require-imports
const ROOT = resolve(__dirname, '..');

export interface IntakeFigures {
  cores: number;
  /** The machine's load average (1, 5, 15 min) when the part started: the machine may be shared. */
  loadAverage?: number[];
  load: {
    clients: number;
    /** Set when submissions were offered at this rate per second (open loop, BENCH_INTAKE_RATE) instead of by clients. */
    rate?: number;
    client: 'undici Pool' | 'fetch';
    seconds: number;
    submitted: number;
    perSec: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    /** Answers other than 201, by status (or error code). */
    failures: Record<string, number>;
    /** CPU in cores (CPU seconds per wall second) while measuring. */
    cpu: {
      intakeProcess: number;
      /** Of which in the kernel (system time: mostly socket writes and reads, one pair per statement). */
      intakeKernel: number;
      postgres: number | undefined;
      loadGenerator: number;
      /**
       * The same, with no load, measured just before (background work: the consumers' fallback polls, sweeps, the
       * relay). CPU per report beyond it is what a report adds; on a loaded machine, where few reports pass, the
       * background spread over them would otherwise swell the per-report figure.
       */
      idle?: { intakeProcess: number; postgres: number | undefined };
    };
    /** Event-loop utilisation of the process running intake (1 = never idle). */
    eventLoopUtilisation: number;
    /** Per 201 answer, by database (intake, bus, privacy): statements intake sent and transactions committed there. */
    perReport: Record<string, { statements: number; transactions: number }>;
  };
  /** Absent when skipped (BENCH_INTAKE_VISIBLE=0, the standalone run for a profile). */
  visible?: {
    reports: number;
    ratePerSec: number;
    missing: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    /** Of which: response → the integration event on the bus (outbox relay, bus wake-up). */
    onBusP50Ms: number;
    onBusP99Ms: number;
    /** The coordinator's list (`GET /agencies/…/cases?status=waiting-for-assignment`) showed every report at the end. */
    coordinatorSeesAll: boolean;
  };
}

// Experiments (the report's run uses neither): BENCH_INTAKE_CLIENTS sets the clients (or, with a rate, the connections);
// BENCH_INTAKE_RATE offers that many submissions a second whatever the answers (open loop), each timed from when it
// was due, after the warm-up and a second at that rate.
const LOAD_CLIENTS = Number(process.env.BENCH_INTAKE_CLIENTS ?? 32);
const LOAD_RATE = process.env.BENCH_INTAKE_RATE ? Number(process.env.BENCH_INTAKE_RATE) : undefined;
const WARMUP_MS = 2_000;
// BENCH_INTAKE_SECONDS shortens the measured window (a profile or a quick before/after on a shared machine).
const LOAD_MS = Number(process.env.BENCH_INTAKE_SECONDS ?? 15) * 1000;
const IDLE_MS = 3_000;
const VISIBLE_REPORTS = 200;
const VISIBLE_RATE = 20; // per second
const TARGETS = { perSec: 1_500, loadP99Ms: 50, visibleP99Ms: 250, cpuMsPerReport: 0.6 };
// Submissions come the way the reporter's site sends them: each client is a reporter at an address of its own, which
// the site forwards with the shared proxy secret (ADR 0052). A client submits far more than a reporter's 20 an hour,
// so the benchmark also raises the submission limit; each report still takes it, in its own transaction.
const UNTHROTTLED = { submissionsPerClient: { max: 1_000_000_000, windowMs: 3_600_000 } };
const PROXY_SECRET = 'bench-intake-proxy-secret-of-32-chars-or-more';
const REPORT = {
  theme: 'bullying',
  relation: 'manager',
  anonymity: 'anonymous',
  language: 'nl',
  consentVersion: 'v1',
  contact: { channel: 'platform' },
};

// topicOf(ReportSubmittedV1), by name: `type:tooling` may not depend on the contracts.
const REPORT_SUBMITTED_TOPIC = 'intake.report-submitted.v1';

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

function resolveUndici(): string | undefined {
  try {
    return require.resolve('undici');
  } catch {
    return undefined;
  }
}

// The load generator runs in a child process (plain JavaScript, no TypeScript loader), so its CPU is not intake's.
const LOAD_GENERATOR = String.raw`
const cfg = JSON.parse(process.env.BENCH_INTAKE_LOAD);
let send;
if (cfg.undici) {
  const { Pool } = require(cfg.undici);
  const pool = new Pool(cfg.origin, { connections: cfg.clients, pipelining: 1 });
  send = async (body, headers) => {
    const res = await pool.request({ method: 'POST', path: cfg.path, headers, body });
    await res.body.text();
    return res.statusCode;
  };
} else {
  send = async (body, headers) => {
    const res = await fetch(cfg.origin + cfg.path, { method: 'POST', headers, body });
    await res.text();
    return res.status;
  };
}
const latencies = [];
const statuses = {};
let measuring = false, stopped = false, started = 0, ended = 0, cpu0;
async function client(i) {
  // A reporter's address of its own, forwarded as the reporter's site forwards it.
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': '10.0.' + (i >> 8) + '.' + (i & 255), 'x-intake-proxy-key': cfg.proxyKey };
  for (let n = 0; !stopped; n++) {
    const body = JSON.stringify({ ...cfg.report, account: 'bench report ' + i + '-' + n });
    const t0 = performance.now();
    let status;
    try { status = await send(body, headers); } catch (e) { status = 'error ' + (e.code || e.name); }
    if (measuring) { latencies.push(performance.now() - t0); statuses[status] = (statuses[status] || 0) + 1; }
  }
}
let clients;
let warm = false;
if (cfg.rate) {
  // Open loop: submissions sent at a constant rate whatever the answers; each timed from when it was due. Warmed up
  // by closed-loop clients first (a cold process offered the full rate at once builds a backlog it never works off).
  const outstanding = new Set();
  const warmers = Array.from({ length: 32 }, (_, i) => (async () => { while (!warm) {
    const headers = { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.' + i, 'x-intake-proxy-key': cfg.proxyKey };
    await send(JSON.stringify({ ...cfg.report, account: 'warm ' + i }), headers).catch(() => undefined);
  } })());
  clients = [Promise.all(warmers).then(() => new Promise((done) => {
    const interval = 1000 / cfg.rate;
    const t0 = performance.now();
    let k = 0;
    const tick = () => {
      if (stopped) return Promise.all(outstanding).then(done);
      const now = performance.now();
      for (; t0 + k * interval <= now; k++) {
        const due = t0 + k * interval;
        const i = k % 256;
        const headers = { 'content-type': 'application/json', 'x-forwarded-for': '10.1.0.' + i, 'x-intake-proxy-key': cfg.proxyKey };
        const body = JSON.stringify({ ...cfg.report, account: 'bench report ' + k });
        const counted = measuring;
        const p = send(body, headers).catch((e) => 'error ' + (e.code || e.name)).then((status) => {
          outstanding.delete(p);
          if (counted) { latencies.push(performance.now() - due); statuses[status] = (statuses[status] || 0) + 1; }
        });
        outstanding.add(p);
      }
      setTimeout(tick, 1);
    };
    tick();
  }))];
} else clients = Array.from({ length: cfg.clients }, (_, i) => client(i));
setTimeout(() => { warm = true; }, cfg.warmupMs);
setTimeout(() => {
  measuring = true; started = performance.now(); cpu0 = process.cpuUsage();
  process.send({ phase: 'measuring' });
}, cfg.warmupMs + (cfg.rate ? 1000 : 0));
setTimeout(() => {
  measuring = false; stopped = true; ended = performance.now();
  const cpu = process.cpuUsage(cpu0);
  process.send({ phase: 'ended', cpuUs: cpu.user + cpu.system });
}, cfg.warmupMs + (cfg.rate ? 1000 : 0) + cfg.durationMs);
Promise.all(clients).then(() => {
  process.send({ phase: 'result', latencies, statuses, seconds: (ended - started) / 1000 }, () => process.exit(0));
});
`;

interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  seconds: number;
}
interface ServicesConfig {
  role: 'load' | 'visible';
  databases: Record<string, string>;
}
type Message = { phase?: string; reply?: string; [field: string]: unknown };

/** Starts this file as the services' process; resolves with it and its first message (`ready`). */
function startServicesProcess(config: ServicesConfig): Promise<{ child: ChildProcess; ready: Message }> {
  const profile = process.env.BENCH_INTAKE_PROFILE;
  const flags = profile && config.role === 'load' ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = spawn(process.execPath, [...flags, '-r', '@swc-node/register', __filename], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json'), BENCH_INTAKE_ROLE: JSON.stringify(config) },
  });
  return new Promise((resolvePromise, reject) => {
    const exited = (code: number | null) => reject(new Error(`the services' process exited with code ${code} before it was ready`));
    child.once('exit', exited);
    child.once('message', (ready: Message) => {
      child.off('exit', exited);
      if (ready.phase === 'failed') reject(new Error(String(ready.error)));
      else resolvePromise({ child, ready });
    });
  });
}

function ask(child: ChildProcess, cmd: string): Promise<Message> {
  return new Promise((resolvePromise) => {
    const listen = (message: Message) => {
      if (message.reply !== cmd) return;
      child.off('message', listen);
      resolvePromise(message);
    };
    child.on('message', listen);
    child.send({ cmd });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolvePromise();
    });
    child.send({ cmd: 'stop' });
  });
}

/** Intake's and PostgreSQL's CPU in cores over a few seconds with no load. */
async function idleCpu(
  service: ChildProcess,
  pgCpu: (() => number) | undefined,
): Promise<{ intakeProcess: number; postgres: number | undefined }> {
  await ask(service, 'mark');
  const pg0 = pgCpu?.();
  const at = performance.now();
  await sleep(IDLE_MS);
  const read = await ask(service, 'read');
  const wallUs = (performance.now() - at) * 1000;
  const pg = pgCpu?.();
  return { intakeProcess: Number(read.cpuUs) / wallUs, postgres: pg === undefined || pg0 === undefined ? undefined : (pg - pg0) / wallUs };
}

async function loadTest(service: ChildProcess, url: string, pgCpu: (() => number) | undefined): Promise<IntakeFigures['load']> {
  const idle = await idleCpu(service, pgCpu);
  const undici = resolveUndici();
  const origin = url.replace(/\/$/, '');
  const generator = spawn(process.execPath, ['-e', LOAD_GENERATOR], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      BENCH_INTAKE_LOAD: JSON.stringify({
        origin,
        path: '/intake/bakkerij-2026/reports',
        clients: LOAD_CLIENTS,
        rate: LOAD_RATE,
        warmupMs: WARMUP_MS,
        durationMs: LOAD_MS,
        report: REPORT,
        proxyKey: PROXY_SECRET,
        undici,
      }),
    },
  });
  let before: { pg: number | undefined; at: number } | undefined;
  let after:
    | Promise<{ cpuUs: number; systemUs: number; pgUs?: number; elu: number; wallUs: number; loadUs: number; counts: StatementCounts }>
    | undefined;
  const result = await new Promise<LoadResult>((resolvePromise, reject) => {
    generator.on('message', (message: { phase: string; cpuUs?: number } & Partial<LoadResult>) => {
      if (message.phase === 'measuring') {
        before = { pg: pgCpu?.(), at: performance.now() };
        service.send({ cmd: 'mark' });
      } else if (message.phase === 'ended' && before) {
        const pg = pgCpu?.();
        const wallUs = (performance.now() - before.at) * 1000;
        const pgUs = pg === undefined || before.pg === undefined ? undefined : pg - before.pg;
        after = ask(service, 'read').then((read) => ({
          cpuUs: Number(read.cpuUs),
          systemUs: Number(read.systemUs),
          elu: Number(read.elu),
          counts: read.counts as StatementCounts,
          pgUs,
          wallUs,
          loadUs: message.cpuUs ?? 0,
        }));
      } else if (message.phase === 'result') resolvePromise(message as LoadResult);
    });
    generator.once('exit', (code) => reject(new Error(`the load generator exited with code ${code} before reporting`)));
  });
  if (!after) throw new Error('the load generator reported no measuring window');
  const measured = await after;
  const sorted = result.latencies.sort((a, b) => a - b);
  const submitted = result.statuses['201'] ?? 0;
  for (const [database, c] of Object.entries(measured.counts)) {
    for (const [text, n] of Object.entries(c.texts ?? {}).sort(([, a], [, b]) => b - a)) {
      console.error(`${database}: ${(n / Math.max(1, submitted)).toFixed(2)} per report: ${text}`);
    }
  }
  const failures = Object.fromEntries(Object.entries(result.statuses).filter(([status]) => status !== '201'));
  const cores = (us: number) => us / measured.wallUs;
  return {
    clients: LOAD_CLIENTS,
    ...(LOAD_RATE ? { rate: LOAD_RATE } : {}),
    client: undici ? 'undici Pool' : 'fetch',
    seconds: result.seconds,
    submitted,
    perSec: submitted / result.seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1],
    failures,
    cpu: {
      intakeProcess: cores(measured.cpuUs),
      intakeKernel: cores(measured.systemUs),
      postgres: measured.pgUs === undefined ? undefined : cores(measured.pgUs),
      loadGenerator: cores(measured.loadUs),
      idle,
    },
    eventLoopUtilisation: measured.elu,
    perReport: Object.fromEntries(
      Object.entries(measured.counts).map(([database, c]) => [
        database,
        { statements: c.statements / Math.max(1, submitted), transactions: c.transactions / Math.max(1, submitted) },
      ]),
    ),
  };
}

/** In the services' process: 201 → case in the coordinator's read model, and 201 → report on the bus. */
async function visibility(
  intake: RunningService,
  caseDbUrl: string,
  issuer: DevIssuer,
  caseUrl: string,
): Promise<NonNullable<IntakeFigures['visible']>> {
  const respondedAt = new Map<string, number>();
  const onBusAt = new Map<string, number>();
  const visibleAt = new Map<string, number>();
  const observer = intake.platform.bus.consume({
    group: 'bench-intake-observer',
    topics: [REPORT_SUBMITTED_TOPIC],
    handle: (message) => {
      const caseId = (JSON.parse(message.value) as { payload: { caseId: string } }).payload.caseId;
      if (!onBusAt.has(caseId)) onBusAt.set(caseId, performance.now());
      return Promise.resolve();
    },
  });
  await observer.caughtUp();
  const reader = new Client({ connectionString: caseDbUrl });
  await reader.connect();
  let submitting = true;
  // Polls the coordinator's read model (what `GET /agencies/…/cases` lists) for the cases not seen yet.
  const poller = (async () => {
    const deadline = () => !submitting && performance.now() - Math.max(0, ...respondedAt.values()) > 30_000;
    while (!deadline()) {
      const pending = [...respondedAt.keys()].filter((id) => !visibleAt.has(id));
      if (pending.length === 0 && !submitting) return;
      if (pending.length > 0) {
        const { rows } = await reader.query<{ caseId: string }>(
          `select "caseId" from case_overview where "caseId" = any($1::uuid[]) and status = 'waiting-for-assignment'`,
          [pending],
        );
        const now = performance.now();
        for (const row of rows) visibleAt.set(row.caseId, now);
      }
      await sleep(2);
    }
  })();
  const started = performance.now();
  const origin = intake.url.replace(/\/$/, '');
  for (let i = 0; i < VISIBLE_REPORTS; i++) {
    const due = started + (i * 1000) / VISIBLE_RATE;
    if (due > performance.now()) await sleep(due - performance.now());
    const res = await fetch(`${origin}/intake/bakkerij-2026/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...REPORT, account: `visible ${i}` }),
    });
    const body = (await res.json()) as { caseId?: string };
    if (res.status !== 201 || !body.caseId) throw new Error(`submission answered ${res.status}`);
    respondedAt.set(body.caseId, performance.now());
  }
  const ratePerSec = VISIBLE_REPORTS / ((performance.now() - started) / 1000);
  submitting = false;
  await poller;
  await observer.stop();
  await reader.end();

  const token = await issuer.mintToken('coordinator-carla');
  const list = await fetch(`${caseUrl.replace(/\/$/, '')}/agencies/${DEMO_AGENCY_ID}/cases?status=waiting-for-assignment`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const listed = new Set(((await list.json()) as { cases: { caseId: string }[] }).cases.map((c) => c.caseId));
  const ids = [...respondedAt.keys()];
  const latency = (at: Map<string, number>) =>
    ids
      .filter((id) => at.has(id))
      .map((id) => Math.max(0, at.get(id)! - respondedAt.get(id)!))
      .sort((a, b) => a - b);
  const visible = latency(visibleAt);
  const onBus = latency(onBusAt);
  return {
    reports: ids.length,
    ratePerSec,
    missing: ids.length - visible.length,
    p50Ms: percentile(visible, 50),
    p99Ms: percentile(visible, 99),
    maxMs: visible[visible.length - 1],
    onBusP50Ms: percentile(onBus, 50),
    onBusP99Ms: percentile(onBus, 99),
    coordinatorSeesAll: list.status === 200 && ids.every((id) => listed.has(id)),
  };
}

/** The services' process: intake alone (`load`, answering CPU questions), or intake and case (`visible`). */
async function runServices(config: ServicesConfig): Promise<void> {
  const send = (message: Message) => process.send?.(message);
  const { startDevIssuer } = load<typeof import('@vertrouwd/auth')>('@vertrouwd/auth');
  const { startService } = load<typeof import('@vertrouwd/runtime')>('@vertrouwd/runtime');
  const { configuredIntake } = load<IntakeServiceModule>(join(ROOT, 'services/intake/src/service'));
  const { caseService } = load<CaseServiceModule>(join(ROOT, 'services/case/src/service'));
  const { publishDemoDirectory } = load<DirectoryFixtureModule>(join(ROOT, 'services/intake/test/directory.fixture'));
  const statements = config.role === 'load' ? countStatements() : undefined;
  const issuer = await startDevIssuer({ port: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  const running: RunningService[] = [];
  const stop = async () => {
    for (const service of running.reverse()) await service.close().catch(() => undefined);
    await issuer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('message', (message: Message & { cmd?: string }) => {
    if (message.cmd === 'stop') void stop().finally(() => process.exit(0));
  });
  try {
    const db = config.databases;
    const common = {
      OIDC_ISSUER: issuer.issuer,
      REPORTER_TOKEN_SECRET: 'bench-reporter-token-secret-of-32-chars-or-more',
      INTAKE_PROXY_SECRET: PROXY_SECRET,
      VERTROUWD_DATA_DIR: dataDir,
      PORT: '0',
    };
    const intakeDefinition = { ...configuredIntake(UNTHROTTLED), logger: false as const };
    const intake = await startService(intakeDefinition, {
      ...common,
      DATABASE_URL: db.intake,
      BUS_DATABASE_URL: db.bus,
      PRIVACY_DATABASE_URL: db.privacy,
    });
    running.push(intake);
    await publishDemoDirectory(intake);
    if (config.role === 'load') {
      let cpu = process.cpuUsage();
      let elu = performance.eventLoopUtilization();
      process.on('message', (message: Message & { cmd?: string }) => {
        if (message.cmd === 'mark') {
          cpu = process.cpuUsage();
          elu = performance.eventLoopUtilization();
          statements?.reset();
          send({ reply: 'mark' });
        } else if (message.cmd === 'read') {
          const used = process.cpuUsage(cpu);
          const counts = statements?.read() ?? {};
          send({
            reply: 'read',
            cpuUs: used.user + used.system,
            systemUs: used.system,
            elu: performance.eventLoopUtilization(elu).utilization,
            counts,
          });
        }
      });
      send({ phase: 'ready', url: intake.url });
      return;
    }
    const cases = await startService(
      { ...caseService, logger: false },
      { ...common, DATABASE_URL: db.case, BUS_DATABASE_URL: db.bus, PRIVACY_DATABASE_URL: db.privacy },
    );
    running.push(cases);
    send({ phase: 'ready' });
    send({ phase: 'result', visible: await visibility(intake, db.case, issuer, cases.url) });
  } catch (error) {
    send({ phase: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    await stop();
    process.exit(1);
  }
}

export async function benchmarkIntake(adminUrl: string): Promise<IntakeFigures> {
  const loadAverage = loadavg();
  const pgCpu = await postgresCpu(adminUrl);
  const children: ChildProcess[] = [];
  try {
    // (a) intake alone; nothing consumes its reports but its own outbox relay.
    const a = await startServicesProcess({
      role: 'load',
      databases: {
        intake: await freshDatabase(adminUrl, 'bench_intake_load'),
        bus: await freshDatabase(adminUrl, 'bench_intake_load_bus'),
        privacy: await freshDatabase(adminUrl, 'bench_intake_load_privacy'),
      },
    });
    children.push(a.child);
    const loadFigures = await loadTest(a.child, String(a.ready.url), pgCpu);
    await stopChild(a.child);
    if (process.env.BENCH_INTAKE_VISIBLE === '0') return { cores: availableParallelism(), loadAverage, load: loadFigures };

    // (b) intake and case on fresh databases (no backlog for case to catch up on), one bus, one key vault.
    const databases = {
      intake: await freshDatabase(adminUrl, 'bench_intake'),
      case: await freshDatabase(adminUrl, 'bench_intake_case'),
      bus: await freshDatabase(adminUrl, 'bench_intake_bus'),
      privacy: await freshDatabase(adminUrl, 'bench_intake_privacy'),
    };
    const b = await startServicesProcess({ role: 'visible', databases });
    children.push(b.child);
    const result = await new Promise<Message>((resolvePromise, reject) => {
      b.child.on('message', (message: Message) => {
        if (message.phase === 'result') resolvePromise(message);
        if (message.phase === 'failed') reject(new Error(String(message.error)));
      });
      b.child.once('exit', (code) => reject(new Error(`the services' process exited with code ${code} before reporting`)));
    });
    return { cores: availableParallelism(), loadAverage, load: loadFigures, visible: result.visible as IntakeFigures['visible'] };
  } finally {
    for (const child of children) await stopChild(child);
  }
}

export function renderIntake(f: IntakeFigures): string {
  const int = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const verdict = (ok: boolean) => (ok ? '**PASS**' : '**MISS**');
  const { load, visible } = f;
  const { idle } = load.cpu;
  const cpuMs = (n: number | undefined) => (n === undefined || load.perSec === 0 ? undefined : (n * 1000) / load.perSec);
  const intakeMs = cpuMs(load.cpu.intakeProcess);
  const postgresMs = cpuMs(load.cpu.postgres);
  const cpuOk = (n: number | undefined) => n !== undefined && n <= TARGETS.cpuMsPerReport;
  const loadOk = load.perSec >= TARGETS.perSec && load.p99Ms <= TARGETS.loadP99Ms && Object.keys(load.failures).length === 0;
  const visibleOk = !visible || (visible.p99Ms <= TARGETS.visibleP99Ms && visible.missing === 0 && visible.coordinatorSeesAll);
  const cores = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(2));
  const perReport = (n: number | undefined) => (n === undefined ? 'n/a' : n.toFixed(2));
  const databases = Object.entries(load.perReport ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const lines = [
    '## Intake',
    '',
    (load.rate
      ? `Submissions: offered at ${int(load.rate)}/s whatever the answers (open loop, each timed from when it was due) over ` +
        `${load.clients} keep-alive connections (${load.client}, a separate process), after the warm-up and a second at that rate, posting valid `
      : `Submissions: ${load.clients} concurrent keep-alive HTTP clients (${load.client}, a separate process) posting valid `) +
      `reports to intake (in a process of its own, as deploy/ runs it) for ${load.seconds.toFixed(1)} s after a ` +
      `${WARMUP_MS / 1000} s warm-up; each report sealed, its receipt stored, appended to the event store with its ` +
      "outbox entry and its count against the client's submission limit; each client is a reporter at an address " +
      "of its own, forwarded as the reporter's site forwards it, and the limit is raised for the run. " +
      `Machine: ${f.cores} cores, load average ${f.loadAverage?.map((n) => n.toFixed(1)).join(' / ') ?? 'n/a'} (1/5/15 min) at the start.`,
    ...(visible
      ? [
          `Case visible: ${int(visible.reports)} reports at ${visible.ratePerSec.toFixed(0)}/s, timed from intake's 201 to the ` +
            "case in the coordinator's read model (status waiting-for-assignment), with the case service in intake's process, " +
            'one Postgres bus and one key vault.',
        ]
      : []),
    '',
    '| measure | figure | target | |',
    '|---|--:|--:|---|',
    `| submissions/s | ${int(load.perSec)} | ≥ ${int(TARGETS.perSec)} | ${verdict(load.perSec >= TARGETS.perSec)} |`,
    `| submission latency p50 / p99 / max | ${ms(load.p50Ms)} / ${ms(load.p99Ms)} / ${ms(load.maxMs)} ` +
      `| p99 ≤ ${TARGETS.loadP99Ms} ms | ${verdict(load.p99Ms <= TARGETS.loadP99Ms)} |`,
    `| CPU per report: intake's process (of which kernel) | ${perReport(intakeMs)} ms (${perReport(cpuMs(load.cpu.intakeKernel))} ms) ` +
      `| ≤ ${TARGETS.cpuMsPerReport} ms | ${verdict(cpuOk(intakeMs))} |`,
    `| CPU per report: PostgreSQL (all its processes) | ${perReport(postgresMs)} ms | ≤ ${TARGETS.cpuMsPerReport} ms ` +
      `| ${verdict(cpuOk(postgresMs))} |`,
    ...(idle
      ? [
          `| CPU per report beyond the idle background: intake's process / PostgreSQL | ` +
            `${perReport(cpuMs(load.cpu.intakeProcess - idle.intakeProcess))} ms / ` +
            `${perReport(load.cpu.postgres === undefined || idle.postgres === undefined ? undefined : cpuMs(load.cpu.postgres - idle.postgres))} ms | | |`,
        ]
      : []),
    `| failed submissions | ${
      Object.keys(load.failures).length === 0
        ? 0
        : Object.entries(load.failures)
            .map(([s, n]) => `${n}× ${s}`)
            .join(', ')
    } | 0 | ${verdict(Object.keys(load.failures).length === 0)} |`,
    ...(visible
      ? [
          `| report → case visible p50 / p99 / max | ${ms(visible.p50Ms)} / ${ms(visible.p99Ms)} / ${ms(visible.maxMs)} ` +
            `| p99 ≤ ${TARGETS.visibleP99Ms} ms | ${verdict(visible.p99Ms <= TARGETS.visibleP99Ms)} |`,
          `| of which 201 → on the bus p50 / p99 | ${ms(visible.onBusP50Ms)} / ${ms(visible.onBusP99Ms)} | | |`,
          `| cases not visible after 30 s; coordinator list complete | ${visible.missing}; ${visible.coordinatorSeesAll ? 'yes' : 'no'} ` +
            `| 0; yes | ${verdict(visible.missing === 0 && visible.coordinatorSeesAll)} |`,
        ]
      : []),
    '',
    `CPU while submitting, in cores: intake's process ${cores(load.cpu.intakeProcess)} ` +
      `(event loop busy ${(load.eventLoopUtilisation * 100).toFixed(0)}%), PostgreSQL ${cores(load.cpu.postgres)}, ` +
      `load generator ${cores(load.cpu.loadGenerator)}` +
      (idle ? `; idle just before (no load): intake's process ${cores(idle.intakeProcess)}, PostgreSQL ${cores(idle.postgres)}.` : '.'),
    ...(databases.length > 0
      ? [
          "Per report, counted in intake's process (its background work included: outbox relay, notifications, sweeps): " +
            databases
              .map(([db, c]) => `${db} ${c.statements.toFixed(1)} statements in ${c.transactions.toFixed(1)} transactions`)
              .join('; ') +
            '.',
        ]
      : []),
  ];
  if (!loadOk) {
    const generatorMs = cpuMs(load.cpu.loadGenerator);
    // What the target asks of the whole machine at the CPU per report measured: work, not waiting, as the bound.
    const perReportMs =
      intakeMs !== undefined && postgresMs !== undefined && generatorMs !== undefined ? intakeMs + postgresMs + generatorMs : undefined;
    const budget = perReportMs === undefined ? undefined : { perReportMs, cores: (perReportMs * TARGETS.perSec) / 1000 };
    const tooMuchWork = budget !== undefined && budget.cores >= f.cores * 0.9;
    const bound =
      load.eventLoopUtilisation > 0.9
        ? `intake's single event loop is saturated (${(load.eventLoopUtilisation * 100).toFixed(0)}% busy; ` +
          `${cores(load.cpu.intakeProcess)} cores of ${f.cores}, next to PostgreSQL's ${cores(load.cpu.postgres)}): ` +
          `one Node process is the bound, at ${perReport(intakeMs)} ms of intake CPU per report ` +
          `(PostgreSQL ${perReport(postgresMs)} ms); replicas scale it`
        : load.cpu.postgres !== undefined && load.cpu.postgres > (f.cores - load.cpu.intakeProcess - load.cpu.loadGenerator) * 0.8
          ? `PostgreSQL takes what the machine has left (${cores(load.cpu.postgres)} cores)`
          : tooMuchWork
            ? `the CPU per report: at the rate reached neither intake's event loop ` +
              `(${(load.eventLoopUtilisation * 100).toFixed(0)}%) nor the machine was saturated, but the target rate needs ` +
              'more CPU than the machine has (below): less CPU per report, not less waiting, is what reaches it'
            : `neither intake's event loop (${(load.eventLoopUtilisation * 100).toFixed(0)}%) nor the CPU is saturated: ` +
              'the bound is waiting (commits, locks), not work';
    lines.push('', `Submission target missed: ${bound}.`);
    if (budget) {
      lines.push(
        '',
        `The machine's budget: at ${budget.perReportMs.toFixed(2)} ms of CPU per report (intake ${perReport(intakeMs)}, ` +
          `PostgreSQL ${perReport(postgresMs)}, load generator ${perReport(generatorMs)}), ${int(TARGETS.perSec)}/s needs ` +
          `${budget.cores.toFixed(2)} of its ${f.cores} cores busy without pause.`,
      );
    }
  }
  if (visible && !visibleOk) {
    lines.push(
      '',
      `Visibility target missed: ${ms(visible.onBusP99Ms)} of the p99 is intake's side (outbox relay to the bus), ` +
        'the rest the case service (consumer, command, projection).',
    );
  }
  return lines.join('\n');
}

if (require.main === module && process.env.BENCH_INTAKE_ROLE) void runServices(JSON.parse(process.env.BENCH_INTAKE_ROLE) as ServicesConfig);

/** Intake alone in a process of its own with the demo directory published (for the web benchmark's pages). */
export async function startIntakeProcess(adminUrl: string, prefix: string): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const { child, ready } = await startServicesProcess({
    role: 'load',
    databases: {
      intake: await freshDatabase(adminUrl, `${prefix}_intake`),
      bus: await freshDatabase(adminUrl, `${prefix}_bus`),
      privacy: await freshDatabase(adminUrl, `${prefix}_privacy`),
    },
  });
  return { url: String(ready.url), pid: child.pid!, stop: () => stopChild(child) };
}
