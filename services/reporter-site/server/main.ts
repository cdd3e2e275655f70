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

await serveWebBuild({
  name: 'reporter-site',
  buildDir: join(import.meta.dirname, '../build'),
  headers: SECURITY_HEADERS,
  defaultPort: 3010,
});
