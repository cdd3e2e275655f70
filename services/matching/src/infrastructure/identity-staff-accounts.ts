import { Inject, Injectable } from '@nestjs/common';
import { identityAdminFromEnv, IdentityProviderError, type IdentityAdmin } from '@vertrouwd/auth';
import { unavailable } from '@vertrouwd/domain';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import type { StaffAccounts } from '../application/ports/directory.port';

export class IdentityProviderUnavailableError extends unavailable(
  'IdentityProviderUnavailableError',
  'The identity provider could not be reached: nothing was written, try again',
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
      if (error instanceof IdentityProviderError) throw new IdentityProviderUnavailableError();
      throw error;
    }
  }

  async disableAccount(userId: string): Promise<void> {
    try {
      await this.identity.disableAccount(userId);
    } catch (error) {
      if (error instanceof IdentityProviderError) throw new IdentityProviderUnavailableError();
      throw error;
    }
  }
}
