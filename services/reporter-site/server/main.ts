// The reporter's site: serves the server build of app/ (`npm run build`) and its assets, with the security headers
// on every response. Node runs this file as it is (type stripping): PORT, HOST, INTAKE_URL, DATABASE_URL and
// SESSION_SECRET configure it.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createRequestListener } from '@react-router/node';
import type { ServerBuild } from 'react-router';
import { acceptFormOrigin } from './form-origin.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { serveAsset } from './static-assets.ts';

// The follow-up sessions live in the site's own database, sealed under a key derived from SESSION_SECRET
// (app/follow-up/session.server.ts): without either the site does not start.
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: the site keeps its follow-up sessions in its own database');
if ((process.env.SESSION_SECRET ?? '').length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');

const BUILD = join(import.meta.dirname, '../build');
const build = (await import(join(BUILD, 'server/index.js'))) as ServerBuild;
const pages = createRequestListener({ build, mode: 'production' });
const assets = join(BUILD, 'client');

/** Liveness and readiness for the orchestrator (the paths the API services use): the site holds no state to wait for. */
const HEALTH = new Set(['/health/live', '/health/ready']);

const server = createServer((req, res) => {
  const pathname = new URL(req.url ?? '/', 'http://site').pathname;
  if (HEALTH.has(pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
    applySecurityHeaders(res, { cacheable: false });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"up"}');
    return;
  }
  const asset = pathname.startsWith('/assets/');
  applySecurityHeaders(res, { cacheable: asset });
  if (asset && (req.method === 'GET' || req.method === 'HEAD') && serveAsset(assets, pathname, res)) return;
  if (!acceptFormOrigin(req)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: a form of another site');
    return;
  }
  void pages(req, res);
});

const port = Number(process.env.PORT ?? 3010);
const host = process.env.HOST ?? '127.0.0.1';
server.listen(port, host, () => {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(`reporter-site listening on http://${host}:${bound}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
