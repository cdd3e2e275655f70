import { randomUUID } from 'node:crypto';
import type { DemoUser } from '../demo-users';

/** Where and for whom the dev issuer mints. */
export interface MintContext {
  issuer: string;
  audience: string;
  clientId: string;
  ttlSec: number;
}

/**
 * The claims of a Keycloak access token for `user`, as the realm export configures them: `typ: Bearer`, the client
 * as `azp`, the API audience (audience mapper), realm roles under `realm_access`, and the tenant claims (user
 * attribute mappers) only where the user has them.
 */
export function keycloakAccessClaims(user: DemoUser, context: MintContext, now = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  return {
    exp: now + context.ttlSec,
    iat: now,
    jti: randomUUID(),
    iss: context.issuer,
    aud: context.audience,
    sub: user.id,
    typ: 'Bearer',
    azp: context.clientId,
    sid: randomUUID(),
    acr: '1',
    realm_access: { roles: [...user.roles] },
    scope: 'profile',
    preferred_username: user.username,
    ...(user.agencyId && { agency_id: user.agencyId }),
    ...(user.organisationId && { organisation_id: user.organisationId }),
    ...(user.advisorId && { advisor_id: user.advisorId }),
  };
}

/** The base claims of a hand-made token: a Keycloak-shaped access token with no user, for tests to override. */
export function baseClaims(context: MintContext, now = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  return {
    exp: now + context.ttlSec,
    iat: now,
    jti: randomUUID(),
    iss: context.issuer,
    aud: context.audience,
    sub: randomUUID(),
    typ: 'Bearer',
    azp: context.clientId,
  };
}
