// The staff portal: serves the server build of app/ (`npm run build`) and its assets, with the security headers on
// every response. Node runs this file as it is (type stripping); PORT, HOST and the variables listed in
// docs/services/portal.md configure it.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createRequestListener } from '@react-router/node';
import type { ServerBuild } from 'react-router';
import { acceptFormOrigin } from './form-origin.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { serveAsset } from './static-assets.ts';

// Without these the portal cannot sign anyone in or keep a session: say so now, not at the first request.
const missing = ['OIDC_ISSUER', 'PORTAL_CLIENT_SECRET', 'PORTAL_URL', 'DATABASE_URL', 'SESSION_SECRET'].filter(
  (name) => !process.env[name],
);
if (missing.length > 0) {
  console.error(`portal: ${missing.join(', ')} not set (docs/services/portal.md)`);
  process.exit(1);
}

const BUILD = join(import.meta.dirname, '../build');
const build = (await import(join(BUILD, 'server/index.js'))) as ServerBuild;
const pages = createRequestListener({ build, mode: 'production' });
const assets = join(BUILD, 'client');

/** Liveness and readiness for the orchestrator (the paths the API services use): nothing in memory to wait for. */
const HEALTH = new Set(['/health/live', '/health/ready']);

const server = createServer((req, res) => {
  const pathname = new URL(req.url ?? '/', 'http://site').pathname;
  const asset = pathname.startsWith('/assets/');
  applySecurityHeaders(res, { cacheable: asset });
  if (HEALTH.has(pathname) && (req.method === 'GET' || req.method === 'HEAD')) {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"up"}');
    return;
  }
  if (asset && (req.method === 'GET' || req.method === 'HEAD') && serveAsset(assets, pathname, res)) return;
  if (!acceptFormOrigin(req)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden: a form of another site');
    return;
  }
  void pages(req, res);
});

const port = Number(process.env.PORT ?? 3011);
const host = process.env.HOST ?? '127.0.0.1';
server.listen(port, host, () => {
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(`portal listening on http://${host}:${bound}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Browsers keep connections open: close them too, or close() waits for them.
    server.closeAllConnections();
  });
}
