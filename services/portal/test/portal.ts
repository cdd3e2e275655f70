import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const PORTAL = join(__dirname, '..');

/** Builds the portal with its own build (`react-router build`, Vite): a few seconds. */
export function buildPortal(): void {
  execFileSync(process.execPath, [join(PORTAL, '../../node_modules/@react-router/dev/bin.cjs'), 'build'], { cwd: PORTAL, stdio: 'pipe' });
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
