// The reporter's site: serves the server build of app/ (`npm run build`) and its assets, with the security headers
// on every response (@vertrouwd/web-kit/server). Node runs this file as it is (type stripping): PORT, HOST,
// INTAKE_URL, DATABASE_URL and SESSION_SECRET configure it.
import { join } from 'node:path';
import { serveWebBuild } from '@vertrouwd/web-kit/server';
import { PageVisits } from './page-visits.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

// The follow-up sessions live in the site's own database, sealed under a key derived from SESSION_SECRET
// (app/follow-up/session.server.ts): without either the site does not start.
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set: the site keeps its follow-up sessions in its own database');
if ((process.env.SESSION_SECRET ?? '').length < 32) throw new Error('SESSION_SECRET must be at least 32 characters');

// An organisation's intake page (`/<code>` or `/<code>/<language>`) is the same for every visitor: rendered at most
// every 5 s per address (with intake's page data kept 10 s, a change shows within 15 s). A visitor with a cookie (a
// follow-up session, a receipt to view) and every other page are rendered for them alone.
const INTAKE_PAGE = /^\/[^/]+(\/[^/]+)?$/;
/** Where intake's API is: `INTAKE_URL`, the launcher's intake port by default (as the pages' own client). */
const intakeUrl = () => (process.env.INTAKE_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');

const INTAKE_CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const intakeCodeOf = (pathname: string) => {
  const code = INTAKE_PAGE.test(pathname) ? pathname.split('/')[1] : undefined;
  return code !== undefined && INTAKE_CODE.test(code) && code !== 'health' ? code : undefined;
};

// Every visitor of an intake page counts for the organisation's low-visibility signal: the site reports the visits
// it served to intake (intake counts none for the site's own reads). Without INTAKE_PROXY_SECRET intake would not
// take them: then each read of intake's counts one visit, as before, and the visits in between are not counted.
const secret = process.env.INTAKE_PROXY_SECRET;
const visits = secret ? new PageVisits({ intakeUrl: intakeUrl(), secret, intakeCodeOf, log: (line) => console.error(line) }) : undefined;

await serveWebBuild({
  name: 'reporter-site',
  buildDir: join(import.meta.dirname, '../build'),
  headers: SECURITY_HEADERS,
  defaultPort: 3010,
  pageCache: { matches: (pathname) => intakeCodeOf(pathname) !== undefined, seconds: 5 },
  ...(visits ? { onPage: (page) => visits.served(page), onClose: () => visits.stop() } : {}),
});
