import { createHash, timingSafeEqual } from 'node:crypto';
import { DEMO_PASSWORD, WEB_CLIENT_ID } from '../demo-users';
import type { CodeFlow } from './authorization-code';
import type { IssuerUser } from './runtime-users';

/** A JSON response of the token endpoint. */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/** What the token endpoint needs to know of the issuer. */
export interface TokenEndpointContext {
  ttlSec: number;
  findUser(username: string): IssuerUser | undefined;
  mintUser(user: IssuerUser): Promise<string>;
  /** The confidential admin client, when the issuer was given its secret; without it the client is unknown. */
  adminClient?: { clientId: string; secret: string; mint(): Promise<string> };
  /** The portal's confidential client and its code flow, when the issuer was given one. */
  codeFlow?: CodeFlow;
  /** The access token and ID token of a user signed in through the code flow. */
  mintSignedIn?(user: IssuerUser, grant: { nonce?: string; authTime: number }): Promise<{ accessToken: string; idToken: string }>;
}

const oauthError = (status: number, error: string, description: string): TokenResponse => ({
  status,
  body: { error, error_description: description },
});

const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

const BAD_CLIENT = 'Invalid client or Invalid client credentials';

/**
 * Keycloak's token endpoint for the two clients the dev issuer knows: the public web client with the
 * resource-owner password grant (demo users and users created at run time, password {@link DEMO_PASSWORD}), and the
 * confidential admin client with the client-credentials grant (secret in HTTP Basic or `client_secret`). The same
 * checks in the same order as Keycloak (grant type present, client, grant type allowed, credentials) and the same
 * error bodies and statuses.
 */
export async function tokenGrant(
  form: URLSearchParams,
  authorization: string | undefined,
  context: TokenEndpointContext,
): Promise<TokenResponse> {
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Missing form parameter: grant_type');
  const basic = basicCredentials(authorization);
  const clientId = basic?.clientId ?? form.get('client_id');
  const admin = context.adminClient;
  if (admin && clientId === admin.clientId) {
    const secret = basic?.secret ?? form.get('client_secret') ?? '';
    if (!sameSecret(secret, admin.secret)) return oauthError(401, 'unauthorized_client', BAD_CLIENT);
    if (grantType === 'password') return oauthError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
    if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
    return granted(await admin.mint(), context.ttlSec);
  }
  const flow = context.codeFlow;
  if (flow?.client && clientId === flow.client.clientId) {
    const secret = basic?.secret ?? form.get('client_secret') ?? '';
    if (!sameSecret(secret, flow.client.secret)) return oauthError(401, 'unauthorized_client', BAD_CLIENT);
    return codeFlowGrant(grantType, form, flow, context);
  }
  if (clientId !== WEB_CLIENT_ID) return oauthError(401, 'invalid_client', BAD_CLIENT);
  if (grantType !== 'password') return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
  const user = context.findUser(form.get('username') ?? '');
  // Unknown user and wrong password answer alike, so the endpoint does not reveal which usernames exist.
  if (!sameSecret(form.get('password') ?? '', DEMO_PASSWORD) || !user) {
    return oauthError(401, 'invalid_grant', 'Invalid user credentials');
  }
  if (!user.enabled) return oauthError(400, 'invalid_grant', 'Account disabled');
  return granted(await context.mintUser(user), context.ttlSec);
}

/** The portal's grants: a code from the login page, or a refresh token (rotated: each works once). */
async function codeFlowGrant(
  grantType: string,
  form: URLSearchParams,
  flow: CodeFlow,
  context: TokenEndpointContext,
): Promise<TokenResponse> {
  if (grantType === 'password') return oauthError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
  let grant: { username: string; nonce?: string; scope: string; authTime: number };
  if (grantType === 'authorization_code') {
    const redeemed = flow.redeem(form);
    if ('error' in redeemed) return oauthError(400, 'invalid_grant', redeemed.error);
    grant = redeemed;
  } else if (grantType === 'refresh_token') {
    const refreshed = flow.refresh(form.get('refresh_token') ?? '');
    if (!refreshed) return oauthError(400, 'invalid_grant', 'Invalid refresh token');
    grant = refreshed;
  } else return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
  const user = context.findUser(grant.username);
  if (!user || !context.mintSignedIn) return oauthError(400, 'invalid_grant', 'Invalid user');
  if (!user.enabled) return oauthError(400, 'invalid_grant', 'Account disabled');
  const { accessToken, idToken } = await context.mintSignedIn(user, grant);
  const refreshToken = flow.issueRefresh(grant);
  return {
    status: 200,
    body: {
      ...granted(accessToken, context.ttlSec).body,
      id_token: idToken,
      refresh_token: refreshToken,
      refresh_expires_in: 1800,
      scope: grant.scope,
    },
  };
}

function granted(accessToken: string, ttlSec: number): TokenResponse {
  return {
    status: 200,
    body: {
      access_token: accessToken,
      expires_in: ttlSec,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'profile',
    },
  };
}

/** RFC 6749 §2.3.1: `Basic base64(urlencoded(client_id):urlencoded(secret))`. */
function basicCredentials(authorization: string | undefined): { clientId: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const decode = (value: string) => decodeURIComponent(value.replaceAll('+', ' '));
  try {
    return { clientId: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
