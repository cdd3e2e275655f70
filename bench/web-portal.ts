// The staff portal's server rendering under load: its start page for signed-in staff. The portal signs in through
// the dev issuer as a browser does (the authorization code flow with PKCE, the issuer's login page, the portal's
// callback), so each simulated user has a session of their own in the portal's database, read for every page.
// The dev issuer and the demo users by their files, not through @vertrouwd/auth: its index holds the services'
// guards, whose decorators the driver's compiler does not take (bench/intake.ts loads them in a child).
import { join } from 'node:path';
import type { DevIssuer, DevIssuerOptions } from '@vertrouwd/auth';

type DevIssuerModule = { startDevIssuer(options: DevIssuerOptions): Promise<DevIssuer> };
type DemoUsersModule = typeof import('../libs/platform/auth/src/demo-users');
const AUTH = join(__dirname, '../libs/platform/auth/src');
const load = <T>(path: string): T => require(join(AUTH, path)) as T; // eslint-disable-line @typescript-eslint/no-require-imports
const demo = () => load<DemoUsersModule>('demo-users');

/** agency-demo's staff (advisors, coordinator, auditor) and the bakery's employer contact: the load signs them in in turn. */
export const staff = (): string[] =>
  demo()
    .DEMO_USERS.filter((user) => user.roles.every((role) => role !== 'admin') && (user.agencyId ?? user.organisationId) !== undefined)
    .slice(0, 5)
    .map((user) => user.username);

/** The dev issuer with the portal's confidential client, its redirect URIs at `portalUrl`. */
export function startPortalIssuer(portalUrl: string, secret: string): Promise<DevIssuer> {
  const options: DevIssuerOptions = {
    port: 0,
    portalClient: {
      clientId: 'vertrouwd-portal',
      secret,
      redirectUris: [`${portalUrl}/auth/callback`],
      postLogoutRedirectUris: [`${portalUrl}/`],
    },
  };
  return load<DevIssuerModule>('dev-issuer/dev-issuer').startDevIssuer(options);
}

const cookieOf = (response: Response, name: string): string => {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
  if (!cookie) throw new Error(`no ${name} cookie from ${response.url || 'the portal'} (status ${response.status})`);
  return cookie.split(';')[0];
};

const locationOf = (response: Response, base: string): string => {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(location, base).toString();
};

/**
 * Signs `username` in to the portal at `portalUrl` as a browser does, without following redirects itself: the
 * portal's sign-in, the issuer's login page and form, the portal's callback. Resolves with the session cookie.
 */
export async function signInToPortal(
  portalUrl: string,
  issuer: Pick<DevIssuer, 'authorizationEndpoint'>,
  username: string,
): Promise<string> {
  const start = await fetch(`${portalUrl}/auth/sign-in?lang=nl&returnTo=/nl`, { redirect: 'manual' });
  const pending = cookieOf(start, '__Host-portal-sign-in');
  const loginPage = await fetch(locationOf(start, portalUrl), { redirect: 'manual' });
  const login = /name="login" value="([^"]+)"/.exec(await loginPage.text())?.[1];
  if (!login) throw new Error(`the issuer's login page has no login id (status ${loginPage.status})`);
  const signedIn = await fetch(issuer.authorizationEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, username, password: demo().DEMO_PASSWORD }).toString(),
    redirect: 'manual',
  });
  const callback = await fetch(locationOf(signedIn, issuer.authorizationEndpoint), { headers: { cookie: pending }, redirect: 'manual' });
  await callback.arrayBuffer();
  return cookieOf(callback, '__Host-portal');
}
