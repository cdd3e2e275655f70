// The web services under `npm start`: the reporter's site and the staff portal. Unlike the API services they are
// ES modules rendered by React Router from a Vite build, and they read their configuration from the environment as
// they do in their own containers; so each runs as a child process of the launcher (`node server/main.ts`), with
// its own environment, instead of inside the launcher's process (ADR 0039 hosts only the NestJS services). Their
// build is made when the sources changed since the last one, kept beside the sources, like the compiled TypeScript.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { builtFrom, stampBuild, webSourcesHash } from '@vertrouwd/web-kit/build';
import { checkManifest, isList, readManifests } from './service-manifests';

/** What a web service declares in `services/<name>/web.manifest.json`. */
export interface WebManifest {
  name: string;
  description: string;
  port: number;
  /** Its own database: its server-side sessions. */
  database: string;
  /** The environment variables it reads. */
  environment: string[];
  /** The API services it calls, each given to it as `<NAME>_URL` (e.g. `intake` → `INTAKE_URL`). */
  calls: string[];
}

export const WEB_MANIFEST_FILE = 'web.manifest.json';
const FIELDS = ['name', 'description', 'port', 'database', 'environment', 'calls'];
const ROOT = join(__dirname, '../..');

/** Every web service's manifest, in port order. */
export function readWebManifests(root: string = ROOT): WebManifest[] {
  return readManifests(root, WEB_MANIFEST_FILE, parseWebManifest);
}

/** Reads one manifest, naming the folder and every field that is wrong. */
export function parseWebManifest(folder: string, text: string): WebManifest {
  return checkManifest<WebManifest>(folder, WEB_MANIFEST_FILE, text, FIELDS, (manifest, check) => {
    check(isList(manifest.environment), 'environment must be a list of names');
    check(
      isList(manifest.calls) && (manifest.calls as string[]).every((name) => /^[a-z][a-z-]*$/.test(name)),
      'calls must be a list of service names',
    );
  });
}

/**
 * How many processes each web service runs under `npm start` (`WEB_PROCESSES`): one per core, at most two, so both
 * cores of a small machine render pages; `WEB_PROCESSES` in the launcher's environment overrides it (ADR 0064).
 */
export function webProcesses(env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): string {
  return env.WEB_PROCESSES ?? String(Math.max(1, Math.min(2, cores)));
}

/** `intake` → `INTAKE_URL`. */
export function urlVariableOf(service: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_URL`;
}

/** The hash of everything a web service's build is made from (@vertrouwd/web-kit/build: the tests stamp alike). */
export function sourcesHash(name: string, root: string = ROOT): string {
  return webSourcesHash(join(root, 'services', name), root);
}

/** Whether the web service's build is missing or older than its sources. */
export function needsBuild(name: string, root: string = ROOT): boolean {
  return !builtFrom(join(root, 'services', name), sourcesHash(name, root));
}

/** Builds the web service (`react-router build`) when its sources changed since its last build; resolves when done. */
export async function ensureBuilt(name: string, logDir: string, root: string = ROOT): Promise<{ built: boolean; seconds: number }> {
  const started = Date.now();
  const hash = sourcesHash(name, root);
  if (builtFrom(join(root, 'services', name), hash)) return { built: false, seconds: 0 };
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.build.log`));
  const child = spawn(process.execPath, [join(root, 'node_modules/@react-router/dev/bin.cjs'), 'build'], {
    cwd: join(root, 'services', name),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  log.end();
  if (code !== 0) throw new Error(`${name}: the build failed (exit ${code}); see ${join(logDir, `${name}.build.log`)}`);
  stampBuild(join(root, 'services', name), hash);
  return { built: true, seconds: (Date.now() - started) / 1000 };
}

export interface WebProcess {
  name: string;
  url: string;
  /** The server's process id (the benchmark reads its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

const running = new Set<WebProcess>();

/** Stops every web service still running. */
export function stopAllWebServices(): Promise<void> {
  return Promise.allSettled([...running].map((web) => web.stop())).then(() => undefined);
}

/**
 * Starts a built web service as its container would (`node server/main.ts`), with `env` as its whole configuration
 * on top of the launcher's PATH and HOME; its output goes to `logDir/<name>.log`. Resolves with its address once it
 * listens; rejects with the exit code when it stops before.
 */
export async function startWebService(name: string, env: Record<string, string>, logDir: string, root: string = ROOT): Promise<WebProcess> {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, ['--max-semi-space-size=32', 'server/main.ts'], {
    cwd: join(root, 'services', name),
    // The launcher's pid: the service stops when the launcher is gone, even killed (web-kit's stopWithLauncher).
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      VERTROUWD_LAUNCHER_PID: String(process.pid),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      if (output.length > 4096) return;
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`${name} stopped before it listened (exit ${code}); see ${join(logDir, `${name}.log`)}`)));
  });
  let stopping: Promise<void> | undefined;
  const web: WebProcess = {
    name,
    url,
    pid: child.pid!,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
        log.end();
        running.delete(web);
      })()),
  };
  running.add(web);
  return web;
}
