import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readServiceManifests, type ServiceManifest } from './service-manifests';

/** The services `npm start` runs, each with its own port and database: every folder under services/ with a manifest. */
export const SERVICES: readonly ServiceManifest[] = readServiceManifests();

export interface ServiceProcess {
  name: string;
  url: string;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '../..');

/** Every service process started, from the moment it is spawned: stopped on every way out. */
const children = new Set<ChildProcess>();

/** Stops every service process still running (SIGTERM, then SIGKILL after 10 s). */
export function stopAllServices(): Promise<void> {
  return Promise.all([...children].map(stopChild)).then(() => undefined);
}

/** Starts a service as a process of its own, its log in `logDir`; resolves once it listens (its `listening on` line). */
export function startServiceProcess(
  service: Pick<ServiceManifest, 'name'>,
  env: Record<string, string>,
  logDir: string,
): Promise<ServiceProcess> {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${service.name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'services', service.name, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.runtime.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let logOpen = true;
  child.stdout.once('end', () => ((logOpen = false), log.end()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${service.name} did not start within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${service.name} exited (${code}) while starting`)));
    child.stdout.on('data', (chunk: Buffer) => {
      if (logOpen) log.write(chunk);
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (!match) return;
      clearTimeout(timer);
      resolve({ name: service.name, url: match[1], stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}
