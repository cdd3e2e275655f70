// The staff portal: serves the server build of app/ (`npm run build`) and its assets, with the security headers on
// every response (@vertrouwd/web-kit/server). Node runs this file as it is (type stripping); PORT, HOST and the
// variables listed in docs/services/portal.md configure it.
import { join } from 'node:path';
import { serveWebBuild } from '@vertrouwd/web-kit/server';
import { securityHeaders } from './security-headers.ts';

// Without these the portal cannot sign anyone in or keep a session: say so now, not at the first request.
const missing = ['OIDC_ISSUER', 'PORTAL_CLIENT_SECRET', 'PORTAL_URL', 'DATABASE_URL', 'SESSION_SECRET'].filter(
  (name) => !process.env[name],
);
if (missing.length > 0) {
  console.error(`portal: ${missing.join(', ')} not set (docs/services/portal.md)`);
  process.exit(1);
}

await serveWebBuild({
  name: 'portal',
  buildDir: join(import.meta.dirname, '../build'),
  headers: securityHeaders(),
  defaultPort: 3011,
});
