import { ROLES, type Role } from '../principal';

/** A staff member's account at the identity provider: who signs in, with which roles and tenant claims. */
export interface StaffAccount {
  /** Login name, e.g. 'counsellor-4f2a' ({@link STAFF_USERNAME}). */
  username: string;
  email?: string;
  /** Realm roles, e.g. 'advisor' or 'coordinator'. */
  roles: Role[];
  /** UUID, the `agency_id` claim. */
  agencyId: string;
  /** UUID, the `advisor_id` claim (counsellors). */
  advisorId?: string;
  /** UUID, the `organisation_id` claim (internal counsellors, employers). */
  organisationId?: string;
}

/** The identity port: creates and disables staff accounts at the identity provider at run time. */
export interface IdentityAdmin {
  /**
   * Creates the account, or brings an existing account with that username up to date (idempotent); returns the user
   * id (token `sub`). An existing account of another agency, or of none, is never changed: {@link StaffAccountTakenError}.
   * Nor is one of the same agency that is another staff member's: holding a platform role not asked for, or bound to
   * another record by its `advisor_id` ({@link StaffAccountInUseError}). So an account's roles are only ever added
   * to, never taken away, and its `advisor_id` never moves.
   */
  ensureAccount(account: StaffAccount): Promise<{ userId: string; created: boolean }>;
  /** Disables the account: it can no longer sign in. Unknown id: no-op. */
  disableAccount(userId: string): Promise<void>;
  /** Enables a disabled account again: it can sign in (with the roles and claims it had). Unknown id: no-op. */
  enableAccount(userId: string): Promise<void>;
}

/** The injection token of the {@link IdentityAdmin}. */
export const IDENTITY_ADMIN = Symbol('IdentityAdmin');

/** The confidential client whose service account manages users (realm-management `manage-users`, `view-users`). */
export const IDENTITY_ADMIN_CLIENT_ID = 'vertrouwd-identity-admin';

/** The form of a staff username. */
export const STAFF_USERNAME = /^[a-z0-9][a-z0-9._-]{2,62}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A staff account the port refuses before asking the identity provider: a caller's mistake, never the provider's. */
export class InvalidStaffAccountError extends Error {
  override readonly name = 'InvalidStaffAccountError';
}

/**
 * The username belongs to an account of another agency, or of none (the platform's admin, an employer): ensuring it
 * would hand that account to the caller's agency with new roles and claims. Nothing was changed.
 */
export class StaffAccountTakenError extends Error {
  override readonly name = 'StaffAccountTakenError';
}

/**
 * The username belongs to an account of the same agency that is already another staff member's: it holds a platform
 * role the caller did not ask for (a coordinator, an auditor), or its `advisor_id` names another record (a counsellor
 * onboarded before). Ensuring it would take that role away or move the account to the new record. Nothing was changed.
 */
export class StaffAccountInUseError extends Error {
  override readonly name = 'StaffAccountInUseError';
}

/** Checks an account's form; throws {@link InvalidStaffAccountError} naming the field (never its value). */
export function assertStaffAccount(account: StaffAccount): void {
  const problems: string[] = [];
  if (!STAFF_USERNAME.test(account.username)) problems.push(`username must match ${STAFF_USERNAME.source}`);
  if (account.roles.length === 0 || account.roles.some((role) => !ROLES.includes(role))) {
    problems.push(`roles must be one or more of ${ROLES.join(', ')}`);
  }
  for (const field of ['agencyId', 'advisorId', 'organisationId'] as const) {
    const value = account[field];
    if ((field === 'agencyId' || value !== undefined) && !UUID.test(value ?? '')) problems.push(`${field} must be a lowercase UUID`);
  }
  if (account.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(account.email)) problems.push('email is not an address');
  if (problems.length > 0) throw new InvalidStaffAccountError(`Staff account: ${problems.join('; ')}`);
}

/** The user attributes of an account, as the realm's user profile declares them and its mappers put them in tokens. */
export function tenantAttributesOf(account: StaffAccount): Record<'agency_id' | 'advisor_id' | 'organisation_id', string[]> {
  return {
    agency_id: [account.agencyId],
    advisor_id: account.advisorId ? [account.advisorId] : [],
    organisation_id: account.organisationId ? [account.organisationId] : [],
  };
}
