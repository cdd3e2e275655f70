import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEFAULT_AUDIENCE } from '../auth.options';
import { DEMO_REALM, WEB_CLIENT_ID, demoUser, type DemoUser } from '../demo-users';
import { loadOrCreateSigningKey } from './dev-signing-key';
import { baseClaims, keycloakAccessClaims, type MintContext } from './keycloak-claims';
import { passwordGrant, type TokenResponse } from './token-endpoint';

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
}

/** A running dev issuer. */
export interface DevIssuer {
  /** `http://<host>:<port>/realms/<realm>`: the value for `OIDC_ISSUER`. */
  issuer: string;
  jwksUri: string;
  tokenEndpoint: string;
  /** The private signing key, e.g. to sign reporter tokens RS256 in the embedded setup. */
  signingKey: KeyObject;
  kid: string;
  /** Keycloak-shaped access-token claims of the demo user `username`. */
  claimsFor(username: string): Record<string, unknown>;
  /** Signs a token for a demo user (by username), or signs `claims` laid over Keycloak-shaped base claims. */
  mintToken(userOrClaims: string | Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The embedded dev issuer, used when `OIDC_ISSUER` is unset: Keycloak's discovery, JWKS and token endpoint paths
 * for one realm, RS256 tokens shaped like Keycloak's, the password grant for the demo users. Not for production:
 * it knows only the demo users and their demo password.
 */
export async function startDevIssuer(options: DevIssuerOptions = {}): Promise<DevIssuer> {
  const { host = '127.0.0.1', realm = DEMO_REALM, tokenTtlSec = 300 } = options;
  const key = await loadOrCreateSigningKey(options.keyFile);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}/realms/${realm}`;
  const context: MintContext = { issuer, audience: DEFAULT_AUDIENCE, clientId: WEB_CLIENT_ID, ttlSec: tokenTtlSec };
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
  const mintUser = (user: DemoUser) => sign(keycloakAccessClaims(user, context));
  const paths = {
    discovery: '/.well-known/openid-configuration',
    certs: '/protocol/openid-connect/certs',
    token: '/protocol/openid-connect/token',
  };
  const discovery = {
    issuer,
    token_endpoint: `${issuer}${paths.token}`,
    jwks_uri: `${issuer}${paths.certs}`,
    grant_types_supported: ['password'],
    response_types_supported: ['token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const route = async (): Promise<TokenResponse> => {
      const pathname = new URL(request.url ?? '/', 'http://dev-issuer').pathname;
      const path = pathname.startsWith(`/realms/${realm}/`) ? pathname.slice(`/realms/${realm}`.length) : undefined;
      if (request.method === 'GET' && path === paths.discovery) return { status: 200, body: discovery };
      if (request.method === 'GET' && path === paths.certs) return { status: 200, body: { keys: [key.publicJwk] } };
      if (path !== paths.token) return { status: 404, body: { error: 'Unable to find matching target resource method' } };
      if (request.method !== 'POST') return { status: 405, body: { error: 'HTTP 405 Method Not Allowed' } };
      return passwordGrant(await readForm(request), tokenTtlSec, mintUser);
    };
    route()
      .catch((): TokenResponse => ({ status: 400, body: { error: 'invalid_request', error_description: 'Malformed request' } }))
      .then(({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
      })
      // The client went away before the answer: nothing to answer.
      .catch(() => response.destroy());
  });

  return {
    issuer,
    jwksUri: discovery.jwks_uri,
    tokenEndpoint: discovery.token_endpoint,
    signingKey: key.privateKey,
    kid: key.kid,
    claimsFor: (username) => keycloakAccessClaims(demoUser(username), context),
    mintToken: (userOrClaims) =>
      typeof userOrClaims === 'string' ? mintUser(demoUser(userOrClaims)) : sign({ ...baseClaims(context), ...userOrClaims }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (fetch pools them) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
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
