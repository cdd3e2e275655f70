import AxeBuilder from '@axe-core/playwright';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { builtFrom, stampBuild, webSourcesHash } from './build-stamp.ts';

// The tests of a web service run its real build and its real server (server/main.ts), as `npm start` does.

/**
 * Builds a web service with its own build (`react-router build`, Vite): a few seconds. A service's specs run in
 * parallel Jest workers: one builds at a time (a build empties build/ first, which would pull the assets from under
 * a server another spec is running), and sources built already by an earlier spec are not built again.
 */
export function buildWebService(serviceDir: string): void {
  const root = join(serviceDir, '../..');
  const lock = join(tmpdir(), `web-build-${createHash('sha256').update(serviceDir).digest('hex').slice(0, 12)}.lock`);
  for (const started = Date.now(); ;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another spec is building; a lock older than five minutes is left by a killed run.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`the build lock ${lock} is held too long`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    const hash = webSourcesHash(serviceDir, root);
    if (builtFrom(serviceDir, hash)) return;
    // A production build, as `npm start` makes: under Jest NODE_ENV is `test`, and Vite would bundle React's
    // development build (larger, slower), which `npm start` and the benchmark would then reuse (same sources stamp).
    execFileSync(process.execPath, [join(root, 'node_modules/@react-router/dev/bin.cjs'), 'build'], {
      cwd: serviceDir,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    stampBuild(serviceDir, hash);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A port free now (e.g. the issuer must know the portal's redirect URI before the portal starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningWebService {
  url: string;
  /** The server's process (with several processes: the one that started them). */
  pid: number;
  /** Everything the service wrote to stdout and stderr: its log. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a web service's server/main.ts with the given environment (PORT 0 for any free port) and waits for its
 * `listening on` line; a server that exits first fails with its output.
 */
export async function startWebService(serviceDir: string, env: Record<string, string>): Promise<RunningWebService> {
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: serviceDir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${serviceDir} exited (${code}): ${output}`)));
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The WCAG rules the web services' pages are held to: 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's WCAG 2.1 A and AA violations on the page as it stands (`@axe-core/playwright`), each as its rule and the
 * elements it found: an empty list is a pass. axe runs as a script: check a page with scripts on (the reporter's pages
 * render the same either way).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
