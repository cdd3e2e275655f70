import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { DEFAULT_AUDIENCE } from '../auth.options';
import { DEMO_PASSWORD, demoUser } from '../demo-users';
import { startDevIssuer, type DevIssuer } from './dev-issuer';

// The staff portal signs in through its own server with the authorization code flow and PKCE: the browser sees the
// login page and a one-time code, never a token. These tests play the portal's server and the browser over HTTP.

const PORTAL = { clientId: 'vertrouwd-portal', secret: 'portal-secret-for-tests', redirectUris: ['http://127.0.0.1:3010/auth/callback'] };
const CALLBACK = PORTAL.redirectUris[0];
const verifierAndChallenge = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});
const authParams = (challenge: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: PORTAL.clientId,
    redirect_uri: CALLBACK,
    scope: 'openid profile',
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
const loginIdOf = (html: string) => /name="login" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('the dev issuer: authorization code flow with PKCE for the staff portal', () => {
  let issuer: DevIssuer;
  beforeAll(async () => {
    issuer = await startDevIssuer({ portalClient: { ...PORTAL, postLogoutRedirectUris: ['http://127.0.0.1:3010/'] } });
  });
  afterAll(() => issuer?.stop());

  /** The browser's part: open the login page, sign in, follow nothing: return the redirect. */
  async function signIn(challenge: string, username = 'advisor-anna', password = DEMO_PASSWORD, extra: Record<string, string> = {}) {
    const page = await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge, extra)}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const login = loginIdOf(await page.text());
    return fetch(issuer.authorizationEndpoint, form({ login, username, password }));
  }
  const redeem = (fields: Record<string, string>) =>
    fetch(
      issuer.tokenEndpoint,
      form({ grant_type: 'authorization_code', client_id: PORTAL.clientId, client_secret: PORTAL.secret, ...fields }),
    );

  it('announces the flow in its discovery document', async () => {
    const discovery = (await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      authorization_endpoint: issuer.authorizationEndpoint,
      end_session_endpoint: `${issuer.issuer}/protocol/openid-connect/logout`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
  });

  it("serves a login page without script, with strict headers, in each of the portal's languages", async () => {
    const { challenge } = verifierAndChallenge();
    const nl = await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge)}`);
    const html = await nl.text();
    expect(nl.headers.get('content-security-policy')).toBe(
      "default-src 'none'; form-action 'self' http://127.0.0.1:3010; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(nl.headers.get('referrer-policy')).toBe('no-referrer');
    expect(nl.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<html lang="nl"');
    expect(html).toContain('<label for="password">Wachtwoord</label>');
    expect(html).not.toMatch(/<script|<link|<style|style=/i);
    const en = await (await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge, { ui_locales: 'en' })}`)).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('Sign in');
    // The portal's other languages, Arabic right to left; an unknown tag falls back to Dutch.
    const page = async (ui_locales: string) =>
      (await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge, { ui_locales })}`)).text();
    expect(await page('ar')).toContain('<html lang="ar" dir="rtl"');
    expect(await page('ar')).toContain('<label for="password">كلمة المرور</label>');
    expect(await page('pl')).toContain('<html lang="pl" dir="ltr"');
    expect(await page('tr-TR')).toContain('<label for="password">Parola</label>');
    expect(await page('fr de')).toContain('<html lang="nl" dir="ltr"');
  });

  it('signs in: a one-time code with the state, traded with the verifier for tokens the services accept', async () => {
    const { verifier, challenge } = verifierAndChallenge();
    const back = await signIn(challenge);
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(location.searchParams.get('iss')).toBe(issuer.issuer);
    const code = location.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const tokens = await redeem({ code, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(tokens.status).toBe(200);
    const body = (await tokens.json()) as { access_token: string; id_token: string; refresh_token: string; token_type: string };
    expect(body.token_type).toBe('Bearer');
    const keys = createRemoteJWKSet(new URL(issuer.jwksUri));
    const access = await jwtVerify(body.access_token, keys, { issuer: issuer.issuer, audience: DEFAULT_AUDIENCE });
    const anna = demoUser('advisor-anna');
    expect(access.payload).toMatchObject({ sub: anna.id, azp: PORTAL.clientId, realm_access: { roles: [...anna.roles] } });
    const id = await jwtVerify(body.id_token, keys, { issuer: issuer.issuer, audience: PORTAL.clientId });
    expect(id.payload).toMatchObject({ sub: anna.id, nonce: 'nonce-456', preferred_username: 'advisor-anna', typ: 'ID' });
    expect(typeof id.payload.auth_time).toBe('number');

    // The code works once.
    const again = await redeem({ code, redirect_uri: CALLBACK, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a code with the wrong verifier, redirect URI or client secret, and burns it', async () => {
    for (const fault of ['verifier', 'redirect', 'secret'] as const) {
      const { verifier, challenge } = verifierAndChallenge();
      const code = new URL((await signIn(challenge)).headers.get('location') ?? '').searchParams.get('code') ?? '';
      const wrong = {
        code,
        redirect_uri: fault === 'redirect' ? 'http://127.0.0.1:3010/elsewhere' : CALLBACK,
        code_verifier: fault === 'verifier' ? verifierAndChallenge().verifier : verifier,
        ...(fault === 'secret' ? { client_secret: 'not-the-secret' } : {}),
      };
      const refused = await redeem(wrong);
      expect(refused.status).toBe(fault === 'secret' ? 401 : 400);
      if (fault !== 'secret') {
        // A failed attempt uses the code up: the right verifier afterwards does not help an attacker who raced.
        const right = await redeem({ code, redirect_uri: CALLBACK, code_verifier: verifier });
        expect(right.status).toBe(400);
      }
    }
  });

  it('never redirects to an unregistered address or for an unknown client; other faults go back as errors', async () => {
    const { challenge } = verifierAndChallenge();
    const foreign = await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge, { redirect_uri: 'https://evil.example/cb' })}`, {
      redirect: 'manual',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get('location')).toBeNull();
    expect(await foreign.text()).not.toContain('evil.example');
    const unknown = await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge, { client_id: 'vertrouwd-web' })}`, {
      redirect: 'manual',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('location')).toBeNull();

    for (const [extra, error] of [
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: 'short' }, 'invalid_request'],
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ scope: 'profile' }, 'invalid_scope'],
    ] as const) {
      const answer = await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge, extra)}`, { redirect: 'manual' });
      expect(answer.status).toBe(302);
      const location = new URL(answer.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('state-123');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('answers a wrong password or unknown user alike, keeps the login open, and never echoes the password', async () => {
    const { challenge } = verifierAndChallenge();
    const page = await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge)}`);
    const login = loginIdOf(await page.text());
    const wrong = await fetch(issuer.authorizationEndpoint, form({ login, username: 'advisor-anna', password: 'Secret-Guess-1' }));
    const unknown = await fetch(issuer.authorizationEndpoint, form({ login, username: 'nobody-at-all', password: DEMO_PASSWORD }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('role="alert"');
    expect(wrongHtml).not.toContain('Secret-Guess-1');
    expect(wrongHtml.replace('advisor-anna', 'X')).toBe((await unknown.text()).replace('nobody-at-all', 'X'));
    // The same login can still succeed.
    const ok = await fetch(issuer.authorizationEndpoint, form({ login, username: 'advisor-anna', password: DEMO_PASSWORD }));
    expect(ok.status).toBe(302);
    // …once: the login is used up.
    const replay = await fetch(issuer.authorizationEndpoint, form({ login, username: 'advisor-anna', password: DEMO_PASSWORD }));
    expect(replay.status).toBe(400);
    expect(replay.headers.get('location')).toBeNull();
  });

  it('escapes what the caller sends back into the page', async () => {
    const { challenge } = verifierAndChallenge();
    const login = loginIdOf(await (await fetch(`${issuer.authorizationEndpoint}?${authParams(challenge)}`)).text());
    const html = await (
      await fetch(issuer.authorizationEndpoint, form({ login, username: '"><script>alert(1)</script>', password: 'x' }))
    ).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('rotates refresh tokens, and logout ends them', async () => {
    const { verifier, challenge } = verifierAndChallenge();
    const code = new URL((await signIn(challenge, 'coordinator-carla')).headers.get('location') ?? '').searchParams.get('code') ?? '';
    const first = (await (await redeem({ code, redirect_uri: CALLBACK, code_verifier: verifier })).json()) as Record<string, string>;
    const refresh = (token: string) =>
      fetch(
        issuer.tokenEndpoint,
        form({ grant_type: 'refresh_token', client_id: PORTAL.clientId, client_secret: PORTAL.secret, refresh_token: token }),
      );
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    const rotated = (await second.json()) as Record<string, string>;
    expect(decodeJwt(rotated.access_token).preferred_username).toBe('coordinator-carla');
    expect((await refresh(first.refresh_token)).status).toBe(400); // the old one is gone

    const out = await fetch(
      `${issuer.issuer}/protocol/openid-connect/logout?${new URLSearchParams({ id_token_hint: rotated.id_token, post_logout_redirect_uri: 'http://127.0.0.1:3010/' }).toString()}`,
      { redirect: 'manual' },
    );
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('http://127.0.0.1:3010/');
    expect((await refresh(rotated.refresh_token)).status).toBe(400);
  });

  it('does not give the portal client the password grant', async () => {
    const answer = await fetch(
      issuer.tokenEndpoint,
      form({
        grant_type: 'password',
        client_id: PORTAL.clientId,
        client_secret: PORTAL.secret,
        username: 'advisor-anna',
        password: DEMO_PASSWORD,
      }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'unauthorized_client' });
  });
});
