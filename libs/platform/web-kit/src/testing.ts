import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

// The tests of a web service run its real build and its real server (server/main.ts), as `npm start` does.

/** Builds a web service with its own build (`react-router build`, Vite): a few seconds. */
export function buildWebService(serviceDir: string): void {
  const root = join(serviceDir, '../..');
  execFileSync(process.execPath, [join(root, 'node_modules/@react-router/dev/bin.cjs'), 'build'], { cwd: serviceDir, stdio: 'pipe' });
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
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
