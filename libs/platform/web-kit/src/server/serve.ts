import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { ServerBuild } from 'react-router';
import { passClientAddress } from './client-address.ts';
import { acceptFormOrigin } from './form-origin.ts';
import { stopWithLauncher } from './launcher-watch.ts';
import { PageCache, type PageCacheOptions } from './page-cache.ts';
import { answerRefusal, checkRequest, createWebServer } from './request-limits.ts';

/** A form posted from a page of another site (Fetch Metadata, or its Origin): refused before any page sees it. */
const FOREIGN_FORM = { status: 403, type: 'forbidden', detail: 'A form of another site is not accepted.' };
import { applySecurityHeaders, type SecurityHeaders } from './security-headers.ts';
import { serveSiteIcon } from './site-icon.ts';
import { serveAsset } from './static-assets.ts';

export interface WebServerOptions {
  /** The service's name, in the line `<name> listening on http://…` the launcher and the tests wait for. */
  name: string;
  /** The service's `build/` (`react-router build`): `server/index.js` and `client/`. */
  buildDir: string;
  headers: SecurityHeaders;
  /** `PORT` and `HOST` from the environment win. */
  defaultPort: number;
  /** Public pages every visitor gets alike, rendered at most once per so many seconds (PageCache). */
  pageCache?: PageCacheOptions;
  /** Told of every page answered (not assets or health), with its status, once it is sent: from the cache or not. */
  onPage?: (page: { method: string; pathname: string; status: number }) => void;
  /** Run on SIGINT or SIGTERM once the server is closed, before the process exits (at most 5 s). */
  onClose?: () => Promise<void>;
}

/** Liveness and readiness for the orchestrator (the paths the API services use): nothing in memory to wait for. */
const HEALTH = new Set(['/health/live', '/health/ready']);
const MAX_PROCESSES = 16;

/**
 * How many processes serve the pages: `WEB_PROCESSES`, 1 when unset. Node renders on one thread per process; on one
 * machine, several processes share the port (node:cluster) and each page is rendered by one of them. In a container
 * it stays 1, and replicas scale (ADR 0064).
 */
export function webProcessesOf(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.WEB_PROCESSES;
  if (text === undefined || text === '') return 1;
  const processes = Number(text);
  if (!Number.isInteger(processes) || processes < 1 || processes > MAX_PROCESSES)
    throw new Error(`WEB_PROCESSES must be a whole number from 1 to ${MAX_PROCESSES}`);
  return processes;
}

/**
 * Serves a web service's React Router build: `/health/*`, the built assets, and the pages, with the security
 * headers on every response, a request the pages cannot take refused first (checkRequest: a target that makes no
 * URL, a post that is no form or too large; headers too large or too slow) as problem+json, and form posts from
 * another site refused (403); the pages learn the browser's address
 * from the socket (clientAddressOf). Stops on SIGINT and SIGTERM, closing
 * the connections browsers keep open too. With `WEB_PROCESSES` above 1 this process only starts and watches that
 * many copies of itself, which serve (and resolves with no server); see superviseProcesses.
 */
export async function serveWebBuild(options: WebServerOptions): Promise<Server | undefined> {
  const { name, buildDir, headers, defaultPort, pageCache, onPage, onClose } = options;
  const processes = webProcessesOf();
  if (processes > 1 && cluster.isPrimary) {
    await superviseProcesses(name, processes, process.env.HOST ?? '127.0.0.1');
    return undefined;
  }
  // A copy of several: it stops when the process that started it is gone (killed, not only stopped), never orphaned.
  if (cluster.isWorker) process.once('disconnect', () => process.exit(0));
  // Imported here, not at the top: a supervisor of several processes never loads React Router or the build.
  const [{ createRequestListener }, { createRequestHandler }] = await Promise.all([import('@react-router/node'), import('react-router')]);
  const build = (await import(join(buildDir, 'server/index.js'))) as ServerBuild;
  const pages = createRequestListener({ build, mode: 'production' });
  const kept = pageCache ? new PageCache(createRequestHandler(build, 'production'), pageCache) : undefined;
  const assets = join(buildDir, 'client');

  const server = createWebServer(headers, (req, res) => {
    const refusal = checkRequest(req);
    if (refusal) {
      applySecurityHeaders(res, headers, { cacheable: false });
      answerRefusal(res, refusal);
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://site').pathname;
    const asset = pathname.startsWith('/assets/');
    applySecurityHeaders(res, headers, { cacheable: asset });
    if (HEALTH.has(pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"up"}');
      return;
    }
    if (asset && (req.method === 'GET' || req.method === 'HEAD') && serveAsset(assets, pathname, res)) return;
    if (serveSiteIcon(req.method, pathname, res)) return;
    if (!acceptFormOrigin(req)) {
      answerRefusal(res, FOREIGN_FORM);
      return;
    }
    passClientAddress(req);
    if (onPage) res.once('finish', () => onPage({ method: req.method ?? 'GET', pathname, status: res.statusCode }));
    const key = kept?.keyOf(req, pathname);
    if (kept && key !== undefined) void kept.serve(req, res, key);
    else void pages(req, res);
  });

  const port = Number(process.env.PORT ?? defaultPort);
  const host = process.env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  // One line per service, which the launcher and the tests wait for: with several processes their supervisor says it.
  if (!cluster.isWorker) console.log(`${name} listening on http://${host}:${bound}`);

  // Stopped once: a second signal (Ctrl-C reaches a supervisor and its copies alike, and the supervisor passes it on)
  // must not cut short the first stop's onClose.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      const closed = onClose ? Promise.race([onClose(), new Promise((resolve) => setTimeout(resolve, 5_000))]) : Promise.resolve();
      void closed.catch(() => undefined).finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
  if (cluster.isPrimary) stopWithLauncher(stop);
  return server;
}

/**
 * Starts `processes` copies of this process (node:cluster: they share the listening port and connections are dealt
 * out in turn), says the service listens once every copy does, starts a copy again when one stops, and on SIGINT or
 * SIGTERM stops them (SIGTERM) and exits once all have stopped (each closes its server and runs its onClose first).
 * A copy that stops before it ever listened stops the whole service with its exit code: a broken build or a missing
 * variable must not be restarted forever.
 */
async function superviseProcesses(name: string, processes: number, host: string): Promise<void> {
  let stopping = false;
  const listened = new Set<number>();
  cluster.on('exit', (worker, code, signal) => {
    const alive = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (alive === 0) process.exit(); // with the exit code of a copy that failed to start, if one did
      return;
    }
    if (!listened.has(worker.id)) {
      console.error(`${name}: a process stopped before it listened (exit ${code ?? signal}); stopping`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = code ?? 1;
      if (alive === 0) process.exit(code ?? 1);
      return;
    }
    console.error(`${name}: a process stopped (${signal ?? `exit ${code}`}); starting another`);
    cluster.fork();
  });
  const port = await new Promise<number>((resolve) => {
    cluster.on('listening', (worker, address) => {
      listened.add(worker.id);
      if (listened.size === processes) resolve(address.port);
    });
    for (let i = 0; i < processes; i++) cluster.fork();
  });
  console.log(`${name} listening on http://${host}:${port} (${processes} processes)`);
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      process.exit(0);
    }, 6_000).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
  stopWithLauncher(stop);
}
