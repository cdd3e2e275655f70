// Who may see which screen. The roles are the realm's (libs/platform/auth principal.ts, `realm_access.roles`);
// the services decide again on every call, this only keeps a screen from being offered or rendered to anyone else.

export const ROLES = ['advisor', 'coordinator', 'employer', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as the portal shows and checks it: identifiers and roles, never a token. */
export interface StaffUser {
  subject: string;
  username: string;
  roles: Role[];
  agencyId?: string;
  organisationId?: string;
  advisorId?: string;
}

/** The portal's screens, in the order of the navigation, and the roles that may open each. */
export const SCREENS = {
  cases: ['advisor'],
  work: ['advisor'],
  consultations: ['advisor'],
  queue: ['coordinator'],
  organisations: ['coordinator'],
  counsellors: ['coordinator'],
  billing: ['coordinator'],
  reports: ['employer'],
  invoices: ['employer'],
  audit: ['auditor'],
  compliance: ['employer'],
  'annual-reports': ['advisor', 'coordinator'],
  'access-log': ['auditor'],
  reproduction: ['auditor'],
  agencies: ['admin'],
  settings: ['coordinator'],
} as const satisfies Record<string, readonly Role[]>;
export type Screen = keyof typeof SCREENS;

export function mayOpen(user: Pick<StaffUser, 'roles'>, screen: Screen): boolean {
  return (SCREENS[screen] as readonly Role[]).some((role) => user.roles.includes(role));
}

export function screensOf(user: Pick<StaffUser, 'roles'>): Screen[] {
  return (Object.keys(SCREENS) as Screen[]).filter((screen) => mayOpen(user, screen));
}

/** The user of verified access-token claims (Keycloak's shape): known roles only, tenant claims where present. */
export function userOfClaims(claims: Record<string, unknown>): StaffUser {
  const granted = (claims.realm_access as { roles?: unknown } | undefined)?.roles;
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const optional = (name: string, value: unknown) => (text(value) ? { [name]: text(value) } : {});
  return {
    subject: String(claims.sub),
    username: text(claims.preferred_username) ?? '',
    roles: ROLES.filter((role) => Array.isArray(granted) && granted.includes(role)),
    ...optional('agencyId', claims.agency_id),
    ...optional('organisationId', claims.organisation_id),
    ...optional('advisorId', claims.advisor_id),
  };
}
