import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { createHash, createPublicKey, randomUUID, timingSafeEqual } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { DEFAULT_AUDIENCE } from '../auth.options';
import { DEMO_PASSWORD, DEMO_REALM, WEB_CLIENT_ID } from '../demo-users';
import { IDENTITY_ADMIN_CLIENT_ID } from '../identity/identity-admin';
import { ADMIN_CLIENT_ROLES, adminApi, type AdminResponse } from './admin-api';
import {
  CodeFlow,
  LOGIN_PAGE_HEADERS,
  loginLanguage,
  loginPage,
  type CodeFlowClient,
  type LoginLanguage,
  type LoginText,
} from './authorization-code';
import { loadOrCreateSigningKey } from './dev-signing-key';
import { baseClaims, keycloakAccessClaims, type MintContext } from './keycloak-claims';
import { asTokenUser, IssuerUsers, type IssuerUser } from './runtime-users';
import { tokenGrant } from './token-endpoint';

/** Options of {@link startDevIssuer}. */
export interface DevIssuerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on, also used in the issuer URL; default `127.0.0.1`. */
  host?: string;
  /** Realm name in the paths and the issuer; default `vertrouwd`. */
  realm?: string;
  /** Where to keep the RSA key pair so tokens survive a restart; default: a new key per start. */
  keyFile?: string;
  /** Lifetime of minted tokens in seconds; default 300 (Keycloak's default). */
  tokenTtlSec?: number;
  /**
   * The secret of the confidential client `vertrouwd-identity-admin`: enables the client-credentials grant and the
   * admin API (`/admin/realms/<realm>/users…`) for it. Without it that client is unknown and the admin API refuses
   * every request.
   */
  adminClientSecret?: string;
  /** Where to keep the users created through the admin API (owner-only JSON); default: in memory only. */
  usersFile?: string;
  /**
   * The staff portal's confidential client: enables the login page (authorization endpoint), the authorization code
   * grant with PKCE S256 and refresh tokens for it, and logout. Without it the code flow has no client.
   */
  portalClient?: CodeFlowClient;
  /** How long a client may take to send its headers (default 10 s) and its whole request (default 30 s). */
  timeouts?: { headersMs?: number; requestMs?: number };
}

/** A running dev issuer. */
export interface DevIssuer {
  /** `http://<host>:<port>/realms/<realm>`: the value for `OIDC_ISSUER`. */
  issuer: string;
  jwksUri: string;
  tokenEndpoint: string;
  /** The login page that starts the authorization code flow. */
  authorizationEndpoint: string;
  /** The private signing key, e.g. to sign reporter tokens RS256 in the embedded setup. */
  signingKey: KeyObject;
  kid: string;
  /** Keycloak-shaped access-token claims of the user `username` (a demo user or one created at run time). */
  claimsFor(username: string): Record<string, unknown>;
  /** Signs a token for a user (by username), or signs `claims` laid over Keycloak-shaped base claims. */
  mintToken(userOrClaims: string | Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The embedded dev issuer, used when `OIDC_ISSUER` is unset: Keycloak's discovery, JWKS and token endpoint paths
 * for one realm, RS256 tokens shaped like Keycloak's, the password grant for the demo users and for the users
 * created at run time through the subset of Keycloak's admin API that the identity port uses (with
 * `adminClientSecret`). Not for production: every user's password is the demo password.
 */
export async function startDevIssuer(options: DevIssuerOptions = {}): Promise<DevIssuer> {
  const { host = '127.0.0.1', realm = DEMO_REALM, tokenTtlSec = 300 } = options;
  const key = await loadOrCreateSigningKey(options.keyFile);
  const users = await IssuerUsers.open(options.usersFile);
  // The API services' limits: a connection that trickles its headers is closed after headersMs (Node checks every
  // connectionsCheckingInterval, 30 s by default), not held for a minute or more.
  const headersMs = options.timeouts?.headersMs ?? 10_000;
  const server = createServer({
    maxHeaderSize: 16 * 1024,
    headersTimeout: headersMs,
    requestTimeout: options.timeouts?.requestMs ?? 30_000,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersMs / 2))),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const issuer = `${origin}/realms/${realm}`;
  const context: MintContext = { issuer, audience: DEFAULT_AUDIENCE, clientId: WEB_CLIENT_ID, ttlSec: tokenTtlSec };
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
  const mintUser = (user: IssuerUser) => sign(keycloakAccessClaims(asTokenUser(user), context));
  const known = (username: string) => {
    const user = users.byUsername(username);
    if (!user) throw new Error(`no user ${JSON.stringify(username)} in the dev issuer`);
    return user;
  };
  const adminClient = options.adminClientSecret
    ? { clientId: IDENTITY_ADMIN_CLIENT_ID, secret: options.adminClientSecret, mint: () => sign(serviceAccountClaims(context)) }
    : undefined;
  const adminContext = {
    realm,
    issuer,
    baseUrl: origin,
    publicKey: createPublicKey(key.privateKey),
    // Without the secret the admin client does not exist, so no token can open the admin API.
    adminClientId: adminClient?.clientId,
    users,
  };
  const paths = {
    discovery: '/.well-known/openid-configuration',
    certs: '/protocol/openid-connect/certs',
    token: '/protocol/openid-connect/token',
    auth: '/protocol/openid-connect/auth',
    logout: '/protocol/openid-connect/logout',
  };
  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}${paths.auth}`,
    token_endpoint: `${issuer}${paths.token}`,
    end_session_endpoint: `${issuer}${paths.logout}`,
    jwks_uri: `${issuer}${paths.certs}`,
    grant_types_supported: ['authorization_code', 'refresh_token', 'password', 'client_credentials'],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    authorization_response_iss_parameter_supported: true,
  };
  const codeFlow = new CodeFlow(options.portalClient);
  const mintSignedIn = async (user: IssuerUser, grant: { nonce?: string; authTime: number }) => {
    const clientId = options.portalClient?.clientId ?? WEB_CLIENT_ID;
    const access = keycloakAccessClaims(asTokenUser(user), { ...context, clientId });
    const idToken = await sign({
      ...baseClaims({ ...context, clientId }),
      aud: clientId,
      sub: access.sub,
      typ: 'ID',
      auth_time: grant.authTime,
      sid: access.sid,
      preferred_username: user.username,
      ...(grant.nonce !== undefined ? { nonce: grant.nonce } : {}),
    });
    return { accessToken: await sign(access), idToken };
  };
  // form-action must allow the redirect back to the portal: browsers check it on the redirect after the form too.
  const portalOrigins = [...new Set((options.portalClient?.redirectUris ?? []).map((uri) => new URL(uri).origin))];
  const loginHeaders = {
    ...LOGIN_PAGE_HEADERS,
    'content-security-policy': LOGIN_PAGE_HEADERS['content-security-policy'].replace(
      "form-action 'self'",
      ["form-action 'self'", ...portalOrigins].join(' '),
    ),
  };
  const page = (status: number, language: LoginLanguage, extra: { loginId?: string; error?: LoginText; username?: string } = {}) => ({
    status,
    html: loginPage({ language, action: `${issuer}${paths.auth}`, ...extra }),
    headers: loginHeaders,
  });
  const signIn = async (request: IncomingMessage) => {
    const form = await readForm(request);
    const loginId = form.get('login') ?? '';
    const pending = codeFlow.pendingLogin(loginId);
    if (!pending) return page(400, loginLanguage(String(form.get('language') ?? '')), { error: 'expired' });
    const user = users.byUsername(form.get('username') ?? '');
    // Unknown user and wrong password answer alike (as the token endpoint does).
    if (!user || !user.enabled || !sameText(form.get('password') ?? '', DEMO_PASSWORD)) {
      return page(401, pending.language, { loginId, error: 'wrong', username: (form.get('username') ?? '').slice(0, 100) });
    }
    const location = codeFlow.signedIn(loginId, user, issuer);
    if (!location) return page(400, pending.language, { error: 'expired' });
    return { status: 302, headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } };
  };
  const authorize = (query: URLSearchParams) => {
    const check = codeFlow.authorize(query);
    const language = loginLanguage(query.get('ui_locales'));
    if (check.kind === 'show-error') return page(check.status, language, { error: check.message as LoginText });
    if (check.kind === 'redirect-error') return { status: 302, headers: { location: check.location, 'referrer-policy': 'no-referrer' } };
    return page(200, check.pending.language, { loginId: check.loginId });
  };
  const logout = async (query: URLSearchParams) => {
    const back = query.get('post_logout_redirect_uri');
    const hint = query.get('id_token_hint');
    if (hint) {
      const claims = await jwtVerify(hint, createPublicKey(key.privateKey), { issuer }).catch(() => undefined);
      const username = claims?.payload.preferred_username;
      if (typeof username === 'string') codeFlow.signOut(username);
    }
    if (back && options.portalClient?.postLogoutRedirectUris?.includes(back)) {
      return { status: 302, headers: { location: back, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } };
    }
    return { status: 204 };
  };
  const adminPrefix = `/admin/realms/${realm}`;

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const route = async (): Promise<AdminResponse> => {
      const url = new URL(request.url ?? '/', 'http://dev-issuer');
      const { pathname } = url;
      if (pathname === adminPrefix || pathname.startsWith(`${adminPrefix}/`)) {
        const body = ['POST', 'PUT', 'DELETE'].includes(request.method ?? '') ? await readJson(request) : undefined;
        const path = pathname.slice(adminPrefix.length);
        return adminApi(
          { method: request.method ?? 'GET', path, query: url.searchParams, authorization: request.headers.authorization, body },
          adminContext,
        );
      }
      const path = pathname.startsWith(`/realms/${realm}/`) ? pathname.slice(`/realms/${realm}`.length) : undefined;
      if (request.method === 'GET' && path === paths.discovery) return { status: 200, body: discovery };
      if (request.method === 'GET' && path === paths.certs) return { status: 200, body: { keys: [key.publicJwk] } };
      if (request.method === 'GET' && path === paths.auth) return authorize(url.searchParams);
      if (request.method === 'POST' && path === paths.auth) return signIn(request);
      if (request.method === 'GET' && path === paths.logout) return logout(url.searchParams);
      if (path !== paths.token) return { status: 404, body: { error: 'Unable to find matching target resource method' } };
      if (request.method !== 'POST') return { status: 405, body: { error: 'HTTP 405 Method Not Allowed' } };
      const tokenContext = {
        ttlSec: tokenTtlSec,
        findUser: (name: string) => users.byUsername(name),
        mintUser,
        adminClient,
        codeFlow,
        mintSignedIn,
      };
      return tokenGrant(await readForm(request), request.headers.authorization, tokenContext);
    };
    route()
      .catch((): AdminResponse => ({ status: 400, body: { error: 'invalid_request', error_description: 'Malformed request' } }))
      .then((answer: AdminResponse & { html?: string }) => {
        const { status, body, headers, html } = answer;
        if (html !== undefined) return void response.writeHead(status, headers).end(html);
        if (body === undefined) return void response.writeHead(status, { ...headers, 'cache-control': 'no-store' }).end();
        response
          .writeHead(status, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify(body));
      })
      // The client went away before the answer: nothing to answer.
      .catch(() => response.destroy());
  });

  return {
    issuer,
    jwksUri: discovery.jwks_uri,
    tokenEndpoint: discovery.token_endpoint,
    authorizationEndpoint: discovery.authorization_endpoint,
    signingKey: key.privateKey,
    kid: key.kid,
    claimsFor: (username) => keycloakAccessClaims(asTokenUser(known(username)), context),
    mintToken: (userOrClaims) =>
      typeof userOrClaims === 'string' ? mintUser(known(userOrClaims)) : sign({ ...baseClaims(context), ...userOrClaims }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (fetch pools them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** The service account's token of the admin client, as Keycloak grants it for client credentials. */
function serviceAccountClaims(context: MintContext): Record<string, unknown> {
  return {
    ...baseClaims(context),
    sub: SERVICE_ACCOUNT_ID,
    aud: 'realm-management',
    azp: IDENTITY_ADMIN_CLIENT_ID,
    preferred_username: `service-account-${IDENTITY_ADMIN_CLIENT_ID}`,
    client_id: IDENTITY_ADMIN_CLIENT_ID,
    resource_access: { 'realm-management': { roles: [...ADMIN_CLIENT_ROLES] } },
    scope: 'profile email',
    sid: randomUUID(),
  };
}

const SERVICE_ACCOUNT_ID = '0d9e9f3c-5a43-4c41-9d55-2d7a9b0e6f10';

const sameText = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** Reads a JSON body of at most 64 KiB; an empty body is undefined. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 64 * 1024) throw new Error('body too large');
  }
  return body ? JSON.parse(body) : undefined;
}

/** Reads a form-encoded body of at most 16 KiB, as Keycloak's token endpoint expects it. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 16 * 1024) throw new Error('form too large');
  }
  return new URLSearchParams(body);
}
