import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';

const PORTAL = join(__dirname, '..');

const ROOT = join(PORTAL, '../..');
// The portal's specs run in parallel Jest workers: one builds at a time (a build empties build/ first, which would
// pull the assets from under a portal another spec is running), and a build of the same sources is not repeated.
const LOCK = join(tmpdir(), `portal-build-${createHash('sha256').update(PORTAL).digest('hex').slice(0, 12)}.lock`);
const STAMP = join(PORTAL, 'build', '.test-sources.sha256');

/** Builds the portal with its own build (`react-router build`, Vite), unless this worktree's sources are built already. */
export function buildPortal(): void {
  const { sourcesHash } = require(join(ROOT, 'deploy/src/web-services.ts')) as { sourcesHash(name: string, root?: string): string }; // eslint-disable-line @typescript-eslint/no-require-imports -- by path, as platform.ts composes the services
  for (const started = Date.now(); ;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another spec is building; a lock older than five minutes is left by a killed run.
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`the portal's build lock ${LOCK} is held too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    const hash = sourcesHash('portal', ROOT);
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return;
    execFileSync(process.execPath, [join(ROOT, 'node_modules/@react-router/dev/bin.cjs'), 'build'], { cwd: PORTAL, stdio: 'pipe' });
    writeFileSync(STAMP, hash);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** A port free now: the issuer must know the portal's redirect URI before the portal starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningPortal {
  url: string;
  /** Everything the portal wrote to stdout and stderr: its log. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts server/main.ts as `npm start -w services/portal` does, with the given environment. */
export async function startPortal(port: number, env: Record<string, string>): Promise<RunningPortal> {
  const child: ChildProcess = spawn(process.execPath, ['server/main.ts'], {
    cwd: PORTAL,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the portal exited (${code}): ${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
