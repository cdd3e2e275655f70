import { Inject, Injectable } from '@nestjs/common';
import {
  identityAdminFromEnv,
  IdentityProviderError,
  StaffAccountInUseError as AccountOfSomeoneElse,
  StaffAccountTakenError as AccountOfAnother,
  type IdentityAdmin,
} from '@vertrouwd/auth';
import { conflict, unavailable } from '@vertrouwd/domain';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import type { StaffAccounts } from '../application/ports/directory.port';

export class AccountConflictError extends conflict(
  'AccountConflictError',
  'The identity provider has another account with this username or e-mail address: choose another',
) {}

export class IdentityProviderUnavailableError extends unavailable(
  'IdentityProviderUnavailableError',
  'The identity provider could not be reached: nothing was written, try again',
) {}

/** The username is another agency's account (or the platform's): it is not handed over, nothing was written. */
export class StaffAccountTakenError extends conflict(
  'StaffAccountTakenError',
  'This username belongs to an account outside your agency: choose another',
) {}

/**
 * The username is already a staff account of the agency: another counsellor's (active or not), or one holding another
 * role (a coordinator, an auditor). It is not re-pointed and keeps its roles; nothing was written.
 */
export class StaffAccountInUseError extends conflict(
  'StaffAccountInUseError',
  'This username is already a staff account of the agency: choose another',
) {}

/**
 * Staff accounts through the platform's identity port: the embedded dev issuer's admin API by default, Keycloak's
 * admin REST API in production (both spoken by one adapter, chosen by `OIDC_ISSUER` and `IDENTITY_ADMIN_*`). A
 * provider that cannot be reached is a 503, and the command writes nothing.
 */
@Injectable()
export class IdentityStaffAccounts implements StaffAccounts {
  private admin: IdentityAdmin | undefined;

  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  /** Made on first use: a service that onboards nobody needs no admin client. */
  private get identity(): IdentityAdmin {
    this.admin ??= identityAdminFromEnv(this.platform.config);
    return this.admin;
  }

  async ensureAccount(account: Parameters<StaffAccounts['ensureAccount']>[0]): Promise<{ userId: string; created: boolean }> {
    try {
      return await this.identity.ensureAccount(account);
    } catch (error) {
      if (error instanceof AccountOfAnother) throw new StaffAccountTakenError();
      if (error instanceof AccountOfSomeoneElse) throw new StaffAccountInUseError();
      if (error instanceof IdentityProviderError) throw refusalOf(error);
      throw error;
    }
  }

  async disableAccount(userId: string): Promise<void> {
    try {
      await this.identity.disableAccount(userId);
    } catch (error) {
      if (error instanceof IdentityProviderError) throw refusalOf(error);
      throw error;
    }
  }

  async enableAccount(userId: string): Promise<void> {
    try {
      await this.identity.enableAccount(userId);
    } catch (error) {
      if (error instanceof IdentityProviderError) throw refusalOf(error);
      throw error;
    }
  }
}

/**
 * A refusal of the provider's: 409 (another user has the e-mail address) is the caller's to mend; anything else (it
 * is down, or this service's admin client is misconfigured) is the platform's: 503, try again.
 */
function refusalOf(error: IdentityProviderError): Error {
  return error.status === 409 ? new AccountConflictError() : new IdentityProviderUnavailableError();
}
