// The reporter's site: serves the server build of app/ (`npm run build`) and its assets, with the security headers
// on every response (@vertrouwd/web-kit/server). Node runs this file as it is (type stripping): PORT, HOST,
// INTAKE_URL, DATABASE_URL and SESSION_SECRET configure it.
import { join } from 'node:path';
import { serveWebBuild } from '@vertrouwd/web-kit/server';
import { SECURITY_HEADERS } from './security-headers.ts';

// The follow-up sessions live in the site's own database, sealed under a key derived from SESSION_SECRET
// (app/follow-up/session.server.ts): without either the site does not start.
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: the site keeps its follow-up sessions in its own database');
if ((process.env.SESSION_SECRET ?? '').length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');

// An organisation's intake page (`/<code>` or `/<code>/<language>`) is the same for every visitor: rendered at most
// every 5 s per address (with intake's page data kept 10 s, a change shows within 15 s). A visitor with a cookie (a
// follow-up session, a receipt to view) and every other page are rendered for them alone.
const INTAKE_PAGE = /^\/[^/]+(\/[^/]+)?$/;

await serveWebBuild({
  name: 'reporter-site',
  buildDir: join(import.meta.dirname, '../build'),
  headers: SECURITY_HEADERS,
  defaultPort: 3010,
  pageCache: { matches: (pathname) => INTAKE_PAGE.test(pathname) && !pathname.startsWith('/health/'), seconds: 5 },
});
