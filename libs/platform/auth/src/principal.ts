/** The realm roles the platform knows (`realm_access.roles`); any other role in a token is ignored. */
export const ROLES = ['advisor', 'coordinator', 'employer', 'auditor', 'admin'] as const;

/** One of the platform's realm roles. */
export type Role = (typeof ROLES)[number];

/**
 * Who is calling, as the guard verified it. `kind: 'user'` comes from an OIDC access token (Keycloak or the dev
 * issuer); `kind: 'reporter'` from a short-lived reporter token scoped to one case. Holds identifiers only: never a
 * name or any other personal data.
 */
export interface Principal {
  /** The token's `sub`: a stable user id, or a random one per reporter token. */
  subject: string;
  kind: 'user' | 'reporter';
  /** Known realm roles only; empty for reporters. */
  roles: Role[];
  agencyId?: string;
  organisationId?: string;
  advisorId?: string;
  /** Reporter tokens only: the one case the token opens. */
  caseId?: string;
}

/** The token claims that carry tenant scope, as the realm's mappers name them. */
export const TENANT_CLAIMS = { agency: 'agency_id', organisation: 'organisation_id', advisor: 'advisor_id', case: 'case_id' } as const;

/** A tenant dimension an endpoint can be scoped by. */
export type TenantDimension = keyof typeof TENANT_CLAIMS;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** Builds a user principal from verified Keycloak-shaped access-token claims. */
export function userPrincipal(claims: Record<string, unknown>): Principal {
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  const granted = Array.isArray(realmAccess?.roles) ? realmAccess.roles : [];
  return {
    subject: String(claims.sub),
    kind: 'user',
    // Keycloak adds its own roles (offline_access, default-roles-<realm>): keep only ours.
    roles: ROLES.filter((role) => granted.includes(role)),
    agencyId: text(claims.agency_id),
    organisationId: text(claims.organisation_id),
    advisorId: text(claims.advisor_id),
  };
}

/** The principal's value for a tenant dimension, if its token carried one. */
export function tenantOf(principal: Principal, dimension: TenantDimension): string | undefined {
  const values: Record<TenantDimension, string | undefined> = {
    agency: principal.agencyId,
    organisation: principal.organisationId,
    advisor: principal.advisorId,
    case: principal.caseId,
  };
  return values[dimension];
}
