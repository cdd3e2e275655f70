import { Logger } from '@nestjs/common';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import type RoleRepresentation from '@keycloak/keycloak-admin-client/lib/defs/roleRepresentation.js';
import type UserRepresentation from '@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js';
import { ROLES, type Role } from '../principal';
import {
  assertStaffAccount,
  IDENTITY_ADMIN_CLIENT_ID,
  StaffAccountInUseError,
  StaffAccountTakenError,
  tenantAttributesOf,
  type IdentityAdmin,
  type StaffAccount,
} from './identity-admin';

/** Options of {@link KeycloakIdentityAdmin}. */
export interface KeycloakIdentityAdminOptions {
  /** Where the identity provider is reached, without the realm: `http://keycloak:8080`, or the dev issuer's origin. */
  baseUrl: string;
  realm: string;
  /** The confidential client with a service account; default `vertrouwd-identity-admin`. */
  clientId?: string;
  clientSecret: string;
  /**
   * Sends a new account Keycloak's email to set a password (`UPDATE_PASSWORD`), when the account has an email.
   * On in production; off for the dev issuer, which has no mail and whose users sign in with the demo password.
   */
  passwordEmail: boolean;
  /** How long the email's link stays valid, in seconds; default 3 days. */
  passwordEmailLifespanSec?: number;
  /** Timeout of each request in milliseconds; default 10 s. */
  timeoutMs?: number;
}

/** The identity provider refused or failed a request; the message names the status and Keycloak's error text. */
export class IdentityProviderError extends Error {
  override readonly name = 'IdentityProviderError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The fields of a user that a full update sends back (Keycloak replaces the user with the representation). */
const UPDATABLE = ['username', 'email', 'firstName', 'lastName', 'emailVerified', 'enabled', 'attributes', 'requiredActions'] as const;
const updatable = (user: UserRepresentation): UserRepresentation =>
  Object.fromEntries(UPDATABLE.filter((field) => user[field] !== undefined).map((field) => [field, user[field]]));

/**
 * The {@link IdentityAdmin} over Keycloak's admin REST API (`@keycloak/keycloak-admin-client`), authenticated as the
 * service account of a confidential client (client-credentials grant). The same code talks to Keycloak in production
 * and to the embedded dev issuer, which serves the same paths and shapes. Tenant claims are user attributes (the
 * realm's mappers put them in tokens), roles are realm role mappings.
 */
export class KeycloakIdentityAdmin implements IdentityAdmin {
  private clientInstance: KcAdminClient | undefined;
  private readonly clientId: string;
  private readonly logger = new Logger('KeycloakIdentityAdmin');
  private authenticated = false;

  constructor(private readonly options: KeycloakIdentityAdminOptions) {
    this.clientId = options.clientId ?? IDENTITY_ADMIN_CLIENT_ID;
  }

  /** Made on first use, so a service that never makes an account never loads the admin client. */
  private get client(): KcAdminClient {
    const { baseUrl, realm, timeoutMs } = this.options;
    this.clientInstance ??= new (keycloakAdmin().default)({ baseUrl, realmName: realm, timeout: timeoutMs ?? 10_000 });
    return this.clientInstance;
  }

  async ensureAccount(account: StaffAccount): Promise<{ userId: string; created: boolean }> {
    assertStaffAccount(account);
    return this.call(async () => {
      const existing = await this.findByUsername(account.username);
      if (existing) return { userId: await this.bringUpToDate(existing, account), created: false };
      const created = await this.create(account);
      if (!created) {
        // Created by another caller between the search and the create: theirs is ours.
        const raced = await this.findByUsername(account.username);
        if (!raced) throw new IdentityProviderError('the username is taken but no user has it', 409);
        return { userId: await this.bringUpToDate(raced, account), created: false };
      }
      await this.syncRoles(created, account.roles);
      if (this.options.passwordEmail && account.email) await this.sendPasswordEmail(created);
      return { userId: created, created: true };
    });
  }

  async disableAccount(userId: string): Promise<void> {
    await this.setEnabled(userId, false);
  }

  async enableAccount(userId: string): Promise<void> {
    await this.setEnabled(userId, true);
  }

  private async setEnabled(userId: string, enabled: boolean): Promise<void> {
    await this.call(async () => {
      const user = await this.client.users.findOne({ id: userId });
      if (!user || (user.enabled ?? true) === enabled) return;
      await this.client.users.update({ id: userId }, { ...updatable(user), enabled });
    });
  }

  /** Authenticates (again, once the token is about to expire: client credentials bring no refresh token), then runs. */
  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      if (!this.authenticated || this.client.isTokenExpired()) {
        await this.client.auth({ grantType: 'client_credentials', clientId: this.clientId, clientSecret: this.options.clientSecret });
        this.authenticated = true;
      }
      return await operation();
    } catch (error) {
      throw asProviderError(error);
    }
  }

  private async findByUsername(username: string): Promise<UserRepresentation | undefined> {
    const found = await this.client.users.find({ username, exact: true });
    return found.find((user) => user.username === username);
  }

  /** The new user's id, or undefined when the username is already taken (409). */
  private async create(account: StaffAccount): Promise<string | undefined> {
    try {
      const { id } = await this.client.users.create({
        username: account.username,
        ...(account.email && { email: account.email }),
        enabled: true,
        attributes: tenantAttributesOf(account),
      });
      return id;
    } catch (error) {
      if (error instanceof keycloakAdmin().NetworkError && error.response.status === 409 && /username/i.test(error.message))
        return undefined;
      throw error;
    }
  }

  /**
   * Sets the account's email, tenant attributes and roles, and enables it; other attributes stay. Only the same staff
   * account: one of another agency, or of none, stays as it is (a coordinator must not take it over), and so does one
   * of the agency that is someone else's (another role, another advisor record).
   */
  private async bringUpToDate(found: UserRepresentation, account: StaffAccount): Promise<string> {
    const id = found.id!;
    const current = (await this.client.users.findOne({ id })) ?? found;
    const attributes = (current.attributes ?? {}) as Record<string, string[] | undefined>;
    const agencies = attributes.agency_id ?? [];
    if (agencies.length !== 1 || agencies[0] !== account.agencyId)
      throw new StaffAccountTakenError('the username belongs to another account');
    await this.assertSameStaffMember(id, attributes.advisor_id ?? [], account);
    await this.client.users.update(
      { id },
      {
        ...updatable(current),
        ...(account.email && { email: account.email }),
        enabled: true,
        attributes: { ...current.attributes, ...tenantAttributesOf(account) },
      },
    );
    await this.syncRoles(id, account.roles);
    return id;
  }

  /**
   * An account of the agency is ensured again only as what it is: no platform role beyond those asked (a retry may
   * find fewer: the roles are mapped after the user is made), and no advisor record but the one asked.
   */
  private async assertSameStaffMember(id: string, advisorIds: string[], account: StaffAccount): Promise<void> {
    const mapped: RoleRepresentation[] = await this.client.users.listRealmRoleMappings({ id });
    const otherRole = mapped.some(
      (role) => ROLES.some((platformRole) => platformRole === role.name) && !account.roles.some((asked) => asked === role.name),
    );
    const otherRecord = advisorIds.some((advisorId) => advisorId !== account.advisorId);
    if (otherRole || otherRecord) throw new StaffAccountInUseError('the username is already a staff account of the agency');
  }

  /** Maps exactly `roles` among the platform's realm roles; Keycloak's own (default-roles-…) stay. */
  private async syncRoles(id: string, roles: Role[]): Promise<void> {
    const mapped: RoleRepresentation[] = await this.client.users.listRealmRoleMappings({ id });
    const available: RoleRepresentation[] = await this.client.users.listAvailableRealmRoleMappings({ id });
    const isPlatformRole = (name?: string) => ROLES.some((role) => role === name);
    const wanted = (name?: string) => roles.some((role) => role === name);
    const missing = roles.filter((role) => ![...mapped, ...available].some((candidate) => candidate.name === role));
    if (missing.length > 0) throw new IdentityProviderError(`the realm has no role ${missing.join(', ')}`);
    const add = available.filter((role) => wanted(role.name)).map(({ id: roleId, name }) => ({ id: roleId!, name: name! }));
    const remove = mapped
      .filter((role) => isPlatformRole(role.name) && !wanted(role.name))
      .map(({ id: roleId, name }) => ({ id: roleId!, name: name! }));
    if (add.length > 0) await this.client.users.addRealmRoleMappings({ id, roles: add });
    if (remove.length > 0) await this.client.users.delRealmRoleMappings({ id, roles: remove });
  }

  /**
   * Asks Keycloak to mail the new user a link to set their password. A failure (no SMTP configured for the realm)
   * does not undo the account: it is logged, and the realm admin can send the email again from the admin console.
   */
  private async sendPasswordEmail(id: string): Promise<void> {
    try {
      await this.client.users.executeActionsEmail({
        id,
        actions: ['UPDATE_PASSWORD'],
        lifespan: this.options.passwordEmailLifespanSec ?? 3 * 86_400,
      });
    } catch (error) {
      // Only the status: Keycloak's error text can quote the mail server's answer, which may name the address.
      const { status } = asProviderError(error) as Partial<IdentityProviderError>;
      this.logger.warn(
        `account ${id} created, but the password email was not sent (identity provider ${status ? `answered ${status}` : 'unreachable'})`,
      );
    }
  }
}

type KeycloakAdminModule = typeof import('@keycloak/keycloak-admin-client');
let loaded: KeycloakAdminModule | undefined;

/**
 * `@keycloak/keycloak-admin-client`, loaded on first use: every service imports this library, and only the one that
 * makes staff accounts (matching) needs the client (about 18 MiB of heap once loaded).
 */
function keycloakAdmin(): KeycloakAdminModule {
  loaded ??= require('@keycloak/keycloak-admin-client') as KeycloakAdminModule; // eslint-disable-line @typescript-eslint/no-require-imports
  return loaded;
}

function asProviderError(error: unknown): Error {
  if (
    error instanceof IdentityProviderError ||
    error instanceof StaffAccountTakenError ||
    error instanceof StaffAccountInUseError ||
    !(error instanceof Error)
  )
    return error as Error;
  if (loaded && error instanceof loaded.NetworkError) {
    return new IdentityProviderError(`identity provider answered ${error.response.status}: ${error.message}`, error.response.status);
  }
  return new IdentityProviderError(`identity provider unreachable: ${error.message}`);
}
