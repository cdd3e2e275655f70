// The embedded platform's footprint (issue 13): `npm start` from a fresh data directory, as a newcomer runs it, timed
// to its "is up" line (PostgreSQL's initdb, every service and the dev issuer started, the demo data seeded), then the
// proportional set size (PSS, /proc/<pid>/smaps_rollup) of every process of it by kind, npm and every PostgreSQL
// process included, after it has settled; the CPU it spent to get there and while idle; then a restart on the same
// data. Stopped with SIGINT as Ctrl-C would. `npm run bench` runs it; `BENCH_ONLY=footprint npm run bench` runs it alone.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { clusterDirectory, directoryKey } from '../libs/testing/src/postgres-user';
import { freePort } from '../libs/testing/src/embedded-postgres';
import { ensureBuilt, readWebManifests } from '../deploy/src/web-services';

export const TARGET_PSS_MIB = 1024;
export const TARGET_READY_SECONDS = 15;
const ROOT = resolve(__dirname, '..');
const SETTLE_MS = 10_000;
const IDLE_WINDOW_MS = 10_000;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export type ProcessKind = 'npm' | 'launcher and services' | 'web services' | 'postgres: connections' | 'postgres: server' | 'other';

export interface KindFigures {
  processes: number;
  pssMiB: number;
  /** Of the PSS: anonymous memory (heaps), file pages (the binaries), shared memory (PostgreSQL's buffers). */
  anonMiB: number;
  fileMiB: number;
  shmemMiB: number;
  /** CPU seconds spent until ready (children that ended included: initdb, the compile step). */
  cpuToReady: number;
  /** CPU seconds over the idle window after settling. */
  cpuIdle: number;
}

export interface StartFigures {
  label: string;
  readySeconds: number;
  /** What the launcher itself printed ("is up in …"): from its first line of code, so without npm and Node's start. */
  launcherSeconds: number;
  stopSeconds: number;
}

export interface FootprintFigures {
  starts: StartFigures[];
  byKind: Partial<Record<ProcessKind, KindFigures>>;
  totalPssMiB: number;
  processes: number;
  idleWindowSeconds: number;
  loadAverage: number;
  cores: number;
}

interface ProcessSample {
  pid: number;
  kind: ProcessKind;
  pss: number;
  anon: number;
  file: number;
  shmem: number;
  ticks: number;
}

/** Every process below `root` (itself included), from /proc's parent links. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const all: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    all.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return all;
}

function kindOf(commandLine: string): ProcessKind {
  // A connection: "postgres: <user> <database> <host>(<port>) <state>".
  if (/^postgres: \S+ \S+ \S+\(\d+\)/.test(commandLine)) return 'postgres: connections';
  if (commandLine.startsWith('postgres:') || /\/bin\/postgres /.test(commandLine)) return 'postgres: server';
  if (commandLine.includes('deploy/bin/start.js')) return 'launcher and services';
  if (commandLine.includes('server/main.ts')) return 'web services';
  if (/(^|\/)npm( |$)|npm-cli/.test(commandLine)) return 'npm';
  return 'other';
}

function sample(pid: number): ProcessSample | undefined {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0) / 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime, stime, cutime, cstime: this process's CPU and that of its children that ended and were waited for.
    const [utime, stime, cutime, cstime] = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .slice(11, 15)
      .map(Number);
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return {
      pid,
      kind: kindOf(commandLine),
      pss: field('Pss'),
      anon: field('Pss_Anon'),
      file: field('Pss_File'),
      shmem: field('Pss_Shmem'),
      ticks: utime + stime + cutime + cstime,
    };
  } catch {
    return undefined;
  }
}

const snapshot = (root: number) => tree(root).flatMap((pid) => sample(pid) ?? []);

/** Starts `npm start` in a process group of its own; resolves with the launcher's "is up in" seconds. */
function startPlatform(dataDir: string, port: number): { child: ChildProcess; ready: Promise<number> } {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, VERTROUWD_DATA_DIR: dataDir, PGPORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<number>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not up within 180 s: ${output.slice(-1_000)}`)), 180_000);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const up = /is up in ([\d.]+) s/.exec(output);
      if (!up) return;
      clearTimeout(timer);
      resolvePromise(Number(up[1]));
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`npm start exited (${code}): ${output.slice(-1_000)}`))));
  });
  return { child, ready };
}

/** Ctrl-C as a terminal sends it (SIGINT to the whole group); resolves with the seconds until every process ended. */
async function stopPlatform(child: ChildProcess): Promise<number> {
  const started = Date.now();
  const group = tree(child.pid!);
  try {
    process.kill(-child.pid!, 'SIGINT');
  } catch {
    // already gone
  }
  const alive = () => group.filter((pid) => sample(pid) !== undefined);
  while (alive().length > 0 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 100));
  for (const pid of alive()) process.kill(pid, 'SIGKILL');
  return (Date.now() - started) / 1000;
}

const sum = (list: ProcessSample[], pick: (s: ProcessSample) => number) => list.reduce((total, s) => total + pick(s), 0);

export async function benchmarkFootprint(): Promise<FootprintFigures> {
  const dataDir = resolve(ROOT, 'tmp', 'bench-footprint');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // Where the launcher keeps the cluster (as root, under /var/lib/vertrouwd when the postgres user cannot reach it).
  const cluster = clusterDirectory(join(dataDir, 'postgres'), `data-${directoryKey(dataDir)}`);
  rmSync(cluster, { recursive: true, force: true });
  const clean = () => [cluster, dataDir].forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  // The web services' builds are made before the clock starts, as the compiled TypeScript is: a newcomer's first
  // start makes them once (ADR 0050).
  for (const web of readWebManifests()) await ensureBuilt(web.name, join(dataDir, 'build-logs'));
  const starts: StartFigures[] = [];
  let byKind: FootprintFigures['byKind'] = {};
  let samples: ProcessSample[] = [];
  try {
    for (const label of ['first start (fresh data directory)', 'restart (same data directory)']) {
      const began = Date.now();
      const { child, ready } = startPlatform(dataDir, port);
      try {
        const launcherSeconds = await ready;
        const readySeconds = (Date.now() - began) / 1000;
        if (starts.length === 0) {
          const atReady = snapshot(child.pid!);
          await new Promise((r) => setTimeout(r, SETTLE_MS));
          const settled = snapshot(child.pid!);
          await new Promise((r) => setTimeout(r, IDLE_WINDOW_MS));
          const idle = snapshot(child.pid!);
          samples = settled;
          byKind = figuresByKind(atReady, settled, idle);
        }
        starts.push({ label, readySeconds, launcherSeconds, stopSeconds: await stopPlatform(child) });
      } catch (error) {
        await stopPlatform(child);
        throw error;
      }
    }
  } finally {
    clean();
  }
  return {
    starts,
    byKind,
    totalPssMiB: sum(samples, (s) => s.pss),
    processes: samples.length,
    idleWindowSeconds: IDLE_WINDOW_MS / 1000,
    loadAverage: loadavg()[0],
    cores: availableParallelism(),
  };
}

function figuresByKind(atReady: ProcessSample[], settled: ProcessSample[], idle: ProcessSample[]): FootprintFigures['byKind'] {
  const kinds = [...new Set(settled.map((s) => s.kind))];
  const ticksOf = (list: ProcessSample[], kind: ProcessKind) =>
    sum(
      list.filter((s) => s.kind === kind),
      (s) => s.ticks,
    );
  return Object.fromEntries(
    kinds.map((kind) => {
      const mine = settled.filter((s) => s.kind === kind);
      // Idle CPU: what the processes alive at both ends of the window spent in it.
      const before = new Map(settled.map((s) => [s.pid, s.ticks]));
      const idleTicks = sum(
        idle.filter((s) => s.kind === kind && before.has(s.pid)),
        (s) => s.ticks - before.get(s.pid)!,
      );
      const figures: KindFigures = {
        processes: mine.length,
        pssMiB: sum(mine, (s) => s.pss),
        anonMiB: sum(mine, (s) => s.anon),
        fileMiB: sum(mine, (s) => s.file),
        shmemMiB: sum(mine, (s) => s.shmem),
        cpuToReady: ticksOf(atReady, kind) / TICKS_PER_SECOND,
        cpuIdle: idleTicks / TICKS_PER_SECOND,
      };
      return [kind, figures];
    }),
  );
}

export function renderFootprint(f: FootprintFigures): string {
  const mib = (n: number) => `${n.toFixed(1)} MiB`;
  const first = f.starts[0];
  const pssOk = f.totalPssMiB <= TARGET_PSS_MIB;
  const readyOk = first.readySeconds <= TARGET_READY_SECONDS;
  const kinds = Object.entries(f.byKind).sort(([, a], [, b]) => b.pssMiB - a.pssMiB);
  const cpuToReady = kinds.reduce((total, [, k]) => total + k.cpuToReady, 0);
  const cpuIdle = kinds.reduce((total, [, k]) => total + k.cpuIdle, 0);
  const node = f.byKind['launcher and services'];
  const connections = f.byKind['postgres: connections'];
  const server = f.byKind['postgres: server'];
  return [
    '## The embedded platform: memory and start',
    '',
    '`npm start` from a fresh data directory (a temporary one), as a newcomer runs it: ready at its "is up" line ' +
      '(PostgreSQL initialised and started, every service and the dev issuer listening, the demo data seeded); the ' +
      `proportional set size (PSS, \`/proc/<pid>/smaps_rollup\`) of every process of it, npm and every PostgreSQL ` +
      `process included, ${SETTLE_MS / 1000} s after it was ready; CPU until ready and over the ${f.idleWindowSeconds} s ` +
      `after that; then stopped with SIGINT (Ctrl-C) and started again on the same data. ${f.cores} cores; load ` +
      `average when it ended: ${f.loadAverage.toFixed(1)} (other work on the machine stretches the wall times, not the CPU).`,
    '',
    '| measure | value | target | |',
    '|---|--:|--:|---|',
    `| PSS of the whole platform (${f.processes} processes) | ${mib(f.totalPssMiB)} | ≤ ${TARGET_PSS_MIB} MiB | ${pssOk ? '**PASS**' : '**MISS**'} |`,
    ...f.starts.map(
      (s, i) =>
        `| ${s.label}: ready after | ${s.readySeconds.toFixed(1)} s (launcher: ${s.launcherSeconds.toFixed(1)} s) | ` +
        `${i === 0 ? `≤ ${TARGET_READY_SECONDS} s | ${readyOk ? '**PASS**' : '**MISS**'}` : ' | '} |`,
    ),
    `| CPU until ready (first start, every process) | ${cpuToReady.toFixed(1)} s | | |`,
    // Not yet the steady idle: PostgreSQL's autovacuum and the services' first catch-up run in this window (left alone
    // for minutes, the platform idles at a few per cent of a core, bench/notes.md).
    `| CPU in the ${f.idleWindowSeconds} s after it settled, nothing asked of it | ${((cpuIdle / f.idleWindowSeconds) * 100).toFixed(1)} % of a core | | |`,
    `| stop after Ctrl-C | ${f.starts.map((s) => `${s.stopSeconds.toFixed(1)} s`).join(', ')} | | |`,
    '',
    '| process kind | processes | PSS | of which heap (anonymous) | binaries (file) | shared memory | CPU until ready | CPU after it settled |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...kinds.map(
      ([kind, k]) =>
        `| ${kind} | ${k.processes} | ${mib(k.pssMiB)} | ${mib(k.anonMiB)} | ${mib(k.fileMiB)} | ${mib(k.shmemMiB)} | ` +
        `${k.cpuToReady.toFixed(1)} s | ${((k.cpuIdle / f.idleWindowSeconds) * 100).toFixed(1)} % |`,
    ),
    '',
    'What holds the rest: ' +
      (node
        ? `the one Node process (launcher, dev issuer, mail catcher and every service, each its own Nest application) ` +
          `holds ${mib(node.pssMiB)}, ${mib(node.anonMiB)} of it heaps (V8's and native) and ${mib(node.fileMiB)} the ` +
          'Node binary and native modules; '
        : '') +
      (connections
        ? `PostgreSQL's ${connections.processes} connection processes hold ${mib(connections.pssMiB)} ` +
          `(${mib(connections.pssMiB / connections.processes)} each: the services' pools, one lock-owning connection ` +
          'per bus consumer, and the LISTEN connections of the bus, the key vault and the event store); '
        : '') +
      (server
        ? `its ${server.processes} server processes ${mib(server.pssMiB)}; of all PostgreSQL's PSS, ` +
          `${mib(server.shmemMiB + (connections?.shmemMiB ?? 0))} is its shared memory (buffers), split among them. `
        : '') +
      (f.byKind['web services']
        ? `the web services' ${f.byKind['web services'].processes} Node processes (each service its own, ADR 0050; on more ` +
          `than one core a supervisor and a copy per core, at most two, ADR 0064) hold ${mib(f.byKind['web services'].pssMiB)}. `
        : '') +
      'The services and launcher share one process since ADR 0039; a crash takes them down together, and what each ' +
      'had committed is kept.',
  ].join('\n');
}

if (require.main === module) {
  benchmarkFootprint().then(
    (figures) => console.log(renderFootprint(figures)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
