import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const SITE = join(__dirname, '..');

/** Builds the site with the project's own build (`react-router build`, Vite): a few seconds. */
export function buildSite(): void {
  execFileSync(process.execPath, [join(SITE, '../../node_modules/@react-router/dev/bin.cjs'), 'build'], { cwd: SITE, stdio: 'pipe' });
}

export interface RunningSite {
  url: string;
  stop(): Promise<void>;
}

/** Starts server/main.ts as `npm start` does, on a free port, against the given intake. */
export async function startSite(intakeUrl: string): Promise<RunningSite> {
  const child: ChildProcess = spawn(process.execPath, ['server/main.ts'], {
    cwd: SITE,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', INTAKE_URL: intakeUrl },
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
    child.once('exit', (code) => reject(new Error(`the site exited (${code}): ${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
