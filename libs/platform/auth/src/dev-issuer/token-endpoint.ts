import { createHash, timingSafeEqual } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_USERS, WEB_CLIENT_ID, type DemoUser } from '../demo-users';

/** A JSON response of the token endpoint. */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

const oauthError = (status: number, error: string, description: string): TokenResponse => ({
  status,
  body: { error, error_description: description },
});

const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * Keycloak's resource-owner password grant, for the demo users only: the same checks in the same order (grant type
 * present, client, grant type supported, credentials) and the same error bodies and statuses as Keycloak.
 */
export async function passwordGrant(
  form: URLSearchParams,
  ttlSec: number,
  mint: (user: DemoUser) => Promise<string>,
): Promise<TokenResponse> {
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'Missing form parameter: grant_type');
  if (form.get('client_id') !== WEB_CLIENT_ID) return oauthError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
  if (grantType !== 'password') return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
  const user = DEMO_USERS.find((candidate) => candidate.username === form.get('username'));
  // Unknown user and wrong password answer alike, so the endpoint does not reveal which usernames exist.
  if (!sameSecret(form.get('password') ?? '', DEMO_PASSWORD) || !user) {
    return oauthError(401, 'invalid_grant', 'Invalid user credentials');
  }
  return {
    status: 200,
    body: {
      access_token: await mint(user),
      expires_in: ttlSec,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'profile',
    },
  };
}
