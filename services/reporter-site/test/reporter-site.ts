import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const SITE = join(__dirname, '..');

/** Builds the site with the project's own build (`react-router build`, Vite): a few seconds. */
export function buildSite(): void {
  execFileSync(process.execPath, [join(SITE, '../../node_modules/@react-router/dev/bin.cjs'), 'build'], { cwd: SITE, stdio: 'pipe' });
}

export interface RunningSite {
  url: string;
  /** Everything the site wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

export const SESSION_SECRET = 'reporter-site-e2e-session-secret-0123456789';

/** Starts server/main.ts as `npm start` does, on a free port, against the given intake and its own database. */
export async function startSite(intakeUrl: string, databaseUrl: string): Promise<RunningSite> {
  const child: ChildProcess = spawn(process.execPath, ['server/main.ts'], {
    cwd: SITE,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', INTAKE_URL: intakeUrl, DATABASE_URL: databaseUrl, SESSION_SECRET },
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
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
