// What a timed section cost: wall time, this process's CPU, the PostgreSQL server's CPU and WAL.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import type { Client } from 'pg';

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
