import type { AgencySettings } from '../../domain/directory/agency.events';
import type { AppointeeCheck } from '../../domain/directory/organisation.aggregate';
import type { OrganisationSnapshot } from '../../domain/directory/organisation.events';
import type { Candidate } from '../../domain/match/match-rules';

/** What the commands read of the directory's read models; implemented with SQL in infrastructure. */
export interface MatchingDirectory {
  /** Every counsellor of the agency as matching sees them: absences over the window, load, this week's minutes. */
  candidates(agencyId: string, window: { from: string; until: string }, week: string): Promise<Candidate[]>;
  organisation(organisationId: string): Promise<OrganisationSnapshot | undefined>;
  agency(agencyId: string): Promise<{ status: 'active' | 'suspended'; settings: AgencySettings } | undefined>;
  /** Whether another organisation has the intake code. */
  intakeCodeTaken(intakeCode: string, exceptOrganisationId: string): Promise<boolean>;
  appointeeChecks(counsellorIds: readonly string[]): Promise<Map<string, AppointeeCheck>>;
  /**
   * Organisations each counsellor is primary or substitute of, and their summed headcount in force on `day` (for the
   * appointment proposal): a change scheduled for a later day does not count yet.
   */
  appointedLoad(agencyId: string, day: string): Promise<Map<string, { organisations: number; headcount: number }>>;
  /** Whether an active counsellor of the agency other than `exceptCounsellorId` signs in with the account. */
  accountInUse(agencyId: string, userId: string, exceptCounsellorId: string): Promise<boolean>;
}
export const MATCHING_DIRECTORY = Symbol('MatchingDirectory');

/** A staff account at the identity provider (port to `@vertrouwd/auth`'s identity admin). */
export interface StaffAccounts {
  ensureAccount(account: {
    username: string;
    email: string;
    roles: ('advisor' | 'coordinator')[];
    agencyId: string;
    advisorId?: string;
    organisationId?: string;
  }): Promise<{ userId: string; created: boolean }>;
  disableAccount(userId: string): Promise<void>;
  /** Enables a disabled account again: it can sign in. Unknown id: no-op. */
  enableAccount(userId: string): Promise<void>;
}
export const STAFF_ACCOUNTS = Symbol('StaffAccounts');
