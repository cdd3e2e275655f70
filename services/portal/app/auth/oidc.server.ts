import * as oidc from 'openid-client';
import { portalConfig } from '../config.server';

// OpenID Connect's authorization code flow with PKCE (S256), run by the portal's server with openid-client (ADR 0045):
// the browser only ever carries the one-time code back; the tokens are fetched, checked and kept on the server.

/** What the portal keeps of a sign-in between sending the browser to the issuer and its return. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** A path of the portal to go back to after signing in. */
  returnTo: string;
  language: string;
}

/** The tokens of a signed-in user, kept only in the server-side session. */
export interface Tokens {
  access: string;
  refresh?: string;
  idToken?: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

let configuration: Promise<oidc.Configuration> | undefined;

/** The issuer's configuration from its discovery document, fetched once (and again after a failure). */
function issuer(): Promise<oidc.Configuration> {
  const { issuer: url, clientId, clientSecret } = portalConfig();
  // The embedded dev issuer speaks plain HTTP on the loopback; a real issuer is HTTPS and gets no such allowance.
  const options = url.startsWith('http://') ? { execute: [oidc.allowInsecureRequests] } : undefined;
  configuration ??= oidc.discovery(new URL(url), clientId, clientSecret, undefined, options).catch((error: unknown) => {
    configuration = undefined;
    throw error;
  });
  return configuration;
}

export function redirectUri(): string {
  return `${portalConfig().publicUrl}/auth/callback`;
}

/** A new sign-in: the pending state to keep on the server, and the issuer's address to send the browser to. */
export async function startSignIn(returnTo: string, language: string): Promise<{ pending: PendingSignIn; location: string }> {
  const config = await issuer();
  const verifier = oidc.randomPKCECodeVerifier();
  const pending: PendingSignIn = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier, returnTo, language };
  const location = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: 'openid profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
    ui_locales: language,
  });
  return { pending, location: location.href };
}

/**
 * The browser came back: checks the state, the `iss` parameter, trades the code and the verifier for tokens, and
 * checks the ID token (signature, issuer, audience, nonce). Throws when any of that fails.
 */
export async function finishSignIn(callbackUrl: URL, pending: PendingSignIn): Promise<{ tokens: Tokens; claims: Record<string, unknown> }> {
  const config = await issuer();
  // The address the issuer redirected to, as the portal's public origin names it (behind a proxy the request's own
  // host may differ): openid-client sends it as the redirect URI, which must be the registered one exactly.
  const current = new URL(`${redirectUri()}${callbackUrl.search}`);
  const response = await oidc.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = response.claims();
  if (!claims) throw new Error('the issuer sent no ID token');
  return { tokens: tokensOf(response), claims: { ...claims } };
}

/** New tokens for a refresh token (the issuer may rotate it: the old one then no longer works). */
export async function refreshTokens(previous: Tokens): Promise<Tokens> {
  if (!previous.refresh) throw new Error('no refresh token');
  const response = await oidc.refreshTokenGrant(await issuer(), previous.refresh);
  const tokens = tokensOf(response);
  return { ...tokens, refresh: tokens.refresh ?? previous.refresh, idToken: tokens.idToken ?? previous.idToken };
}

/**
 * Ends the user's session at the issuer too, if it offers a logout. The ID token (the hint that names the session)
 * goes from this server, never through the browser; the browser is then sent to the logout with only the client's id
 * and where to come back, so the issuer's own cookie ends as well. Returns where to send the browser.
 */
export async function endIssuerSession(idToken: string | undefined): Promise<string | undefined> {
  const config = await issuer().catch(() => undefined);
  const endpoint = config?.serverMetadata().end_session_endpoint;
  if (!config || !endpoint) return undefined;
  if (idToken) {
    const url = new URL(endpoint);
    url.searchParams.set('id_token_hint', idToken);
    await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      .then((response) => response.body?.cancel())
      // The issuer is unreachable: the portal's session is gone all the same, and its refresh token expires.
      .catch(() => undefined);
  }
  const browser = new URL(endpoint);
  browser.searchParams.set('client_id', portalConfig().clientId);
  browser.searchParams.set('post_logout_redirect_uri', `${portalConfig().publicUrl}/`);
  return browser.href;
}

function tokensOf(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): Tokens {
  const seconds = response.expiresIn() ?? 60;
  return {
    access: response.access_token,
    expiresAt: Date.now() + seconds * 1000,
    ...(response.refresh_token ? { refresh: response.refresh_token } : {}),
    ...(response.id_token ? { idToken: response.id_token } : {}),
  };
}
