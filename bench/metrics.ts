// What a timed section cost: wall time, this process's CPU, the PostgreSQL server's CPU and WAL.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { Client as PgClient, type Client } from 'pg';

const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
const HAS_SCHEDSTAT = existsSync('/proc/self/schedstat');

export interface Measurement {
  events: number;
  wallMs: number;
  nodeCpuUs: number;
  pgCpuUs: number;
  walBytes: number;
}

/**
 * CPU time of one process in µs, and its parent pid: its own time from /proc/<pid>/schedstat (ns, exact),
 * plus cutime+cstime from /proc/<pid>/stat (clock ticks): the children it has reaped.
 */
function procCpu(pid: string): { ppid: number; us: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; fields[0] is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    const ownUs = HAS_SCHEDSTAT
      ? Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1000
      : ((utime + stime) * 1e6) / CLOCK_TICKS;
    return { ppid: Number(fields[1]), us: ownUs + ((cutime + cstime) * 1e6) / CLOCK_TICKS };
  } catch {
    return undefined; // the process exited while we looked
  }
}

/**
 * CPU of the postmaster and all its children, in µs. Children that exit are reaped by the postmaster,
 * so their time moves into its cutime/cstime instead of disappearing.
 */
export function postgresCpuUs(dataDir: string): number {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  let us = procCpu(String(postmaster))?.us ?? 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cpu = procCpu(pid);
    if (cpu?.ppid === postmaster) us += cpu.us;
  }
  return us;
}

function nodeCpuUs(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function walLsn(admin: Client): Promise<string> {
  const { rows } = await admin.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
  return rows[0].lsn;
}

/**
 * Runs `work` between two snapshots. A CHECKPOINT first, so one contender's dirty pages are not
 * flushed on the next one's time; and, where the worker runs with `--expose-gc`, a full garbage collection, so the
 * garbage of the scenario before (e.g. 20,000 appends) is not collected on this one's time. What `work` itself
 * allocates is still collected, and counted, as it runs.
 */
export async function measure(admin: Client, dataDir: string, work: () => Promise<number>): Promise<Measurement> {
  await admin.query('checkpoint');
  (globalThis as { gc?: () => void }).gc?.();
  const lsn = await walLsn(admin);
  const pgBefore = postgresCpuUs(dataDir);
  const nodeBefore = nodeCpuUs();
  const start = process.hrtime.bigint();
  const events = await work();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const nodeCpu = nodeCpuUs() - nodeBefore;
  const pgCpu = postgresCpuUs(dataDir) - pgBefore;
  // A bigint arrives as a string.
  const { rows } = await admin.query<{ bytes: string }>('select pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::bigint as bytes', [lsn]);
  return { events, wallMs, nodeCpuUs: nodeCpu, pgCpuUs: pgCpu, walBytes: Number(rows[0].bytes) };
}

/** The server's CPU in µs, when it runs on this machine (the embedded default); undefined otherwise. */
export async function postgresCpu(adminUrl: string): Promise<(() => number) | undefined> {
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ data_directory: string }>('show data_directory');
    const dataDir = rows[0].data_directory;
    readFileSync(join(dataDir, 'postmaster.pid'));
    return () => postgresCpuUs(dataDir);
  } catch {
    return undefined;
  } finally {
    await admin.end();
  }
}

export type StatementCounts = Record<string, { statements: number; transactions: number; texts?: Record<string, number> }>;

/**
 * Counts, in the services' process, the statements sent to each database and the transactions they commit (a
 * statement outside begin…commit is one). By database name, for the per-report figures. Every client of the process
 * is counted: it wraps `pg`'s `Client.prototype.query`.
 */
export function countStatements(): { reset(): void; read(): StatementCounts } {
  let counts: StatementCounts = {};
  const open = new WeakSet<object>();
  // Read once: `process.env` is a call into the process's environment on every read, on every statement.
  const listTexts = process.env.BENCH_INTAKE_STATEMENTS === '1';
  // Called below with the client as `this` (apply), never unbound.
  const original = Reflect.get(PgClient.prototype, 'query') as (this: unknown, ...args: unknown[]) => unknown;
  PgClient.prototype.query = function (this: InstanceType<typeof PgClient>, ...args: unknown[]) {
    const [first] = args;
    // Only short statements can begin or end a transaction, and only they are lower-cased: doing that to every
    // statement (the append's is 3 kB) cost intake's process a few per cent of its CPU, which the figures then
    // counted as intake's.
    const full = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
    const text = full.length <= 64 ? full.trim().toLowerCase() : '';
    const database = (this as unknown as { database?: string }).database ?? '?';
    const entry = (counts[database] ??= { statements: 0, transactions: 0, texts: {} });
    entry.statements += 1;
    // BENCH_INTAKE_STATEMENTS=1: which statements, by their first words (for the notes; not in the report).
    if (listTexts) {
      const head = full.trim().slice(0, 200).toLowerCase().replace(/\s+/g, ' ').slice(0, 70);
      entry.texts![head] = (entry.texts![head] ?? 0) + 1;
    }
    if (text === 'begin' || text.startsWith('begin ') || text.startsWith('start transaction')) open.add(this);
    else if (text === 'commit' || text === 'rollback') {
      open.delete(this);
      if (text === 'commit') entry.transactions += 1;
    } else if (!open.has(this)) entry.transactions += 1;
    return original.apply(this, args);
  } as typeof PgClient.prototype.query;
  return {
    reset: () => (counts = {}),
    read: () => counts,
  };
}
