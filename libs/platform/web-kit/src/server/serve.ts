import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { createRequestListener } from '@react-router/node';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { passClientAddress } from './client-address.ts';
import { acceptFormOrigin } from './form-origin.ts';
import { PageCache, type PageCacheOptions } from './page-cache.ts';
import { applySecurityHeaders, type SecurityHeaders } from './security-headers.ts';
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

/**
 * Serves a web service's React Router build: `/health/*`, the built assets, and the pages, with the security
 * headers on every response and form posts from another site refused (403); the pages learn the browser's address
 * from the socket (clientAddressOf). Stops on SIGINT and SIGTERM, closing
 * the connections browsers keep open too.
 */
export async function serveWebBuild(options: WebServerOptions): Promise<Server> {
  const { name, buildDir, headers, defaultPort, pageCache, onPage, onClose } = options;
  const build = (await import(join(buildDir, 'server/index.js'))) as ServerBuild;
  const pages = createRequestListener({ build, mode: 'production' });
  const kept = pageCache ? new PageCache(createRequestHandler(build, 'production'), pageCache) : undefined;
  const assets = join(buildDir, 'client');

  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://site').pathname;
    const asset = pathname.startsWith('/assets/');
    applySecurityHeaders(res, headers, { cacheable: asset });
    if (HEALTH.has(pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"up"}');
      return;
    }
    if (asset && (req.method === 'GET' || req.method === 'HEAD') && serveAsset(assets, pathname, res)) return;
    if (!acceptFormOrigin(req)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: a form of another site');
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
  console.log(`${name} listening on http://${host}:${bound}`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close(() => {
        const closed = onClose ? Promise.race([onClose(), new Promise((resolve) => setTimeout(resolve, 5_000))]) : Promise.resolve();
        void closed.catch(() => undefined).finally(() => process.exit(0));
      });
      server.closeAllConnections();
    });
  }
  return server;
}
