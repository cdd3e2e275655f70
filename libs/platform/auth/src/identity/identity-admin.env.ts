import { IDENTITY_ADMIN_CLIENT_ID, type IdentityAdmin } from './identity-admin';
import { KeycloakIdentityAdmin, type KeycloakIdentityAdminOptions } from './keycloak-identity-admin';

/** The base URL and realm of a realm URL `http(s)://host[:port][/path]/realms/<realm>`. */
export function realmOf(realmUrl: string): { baseUrl: string; realm: string } {
  const match = /^(https?:\/\/[^/]+(?:\/.*?)?)\/realms\/([^/]+)\/?$/.exec(realmUrl);
  if (!match) throw new Error('identity admin: the realm URL must have the form http(s)://host/realms/<realm>');
  return { baseUrl: match[1], realm: decodeURIComponent(match[2]) };
}

/**
 * The options of the identity port from the environment:
 * - `OIDC_ISSUER` (required): the realm, `http://host/realms/<realm>`, the embedded dev issuer's or Keycloak's;
 * - `IDENTITY_ADMIN_URL`: the same realm where this service reaches it, when that differs from the issuer URL in
 *   tokens (docker-compose: `http://keycloak:8080/realms/vertrouwd`); default `OIDC_ISSUER`;
 * - `IDENTITY_ADMIN_CLIENT_ID` (default `vertrouwd-identity-admin`) and `IDENTITY_ADMIN_CLIENT_SECRET` (required);
 * - `IDENTITY_ADMIN_PASSWORD_EMAIL`: `on` (default) mails new accounts a link to set their password; the launcher
 *   sets `off` for the embedded dev issuer.
 * Throws, naming the variable, when a required one is missing.
 */
export function identityAdminOptionsFromEnv(env: NodeJS.ProcessEnv): KeycloakIdentityAdminOptions {
  const realmUrl = env.IDENTITY_ADMIN_URL || env.OIDC_ISSUER;
  if (!realmUrl) throw new Error('identity admin: OIDC_ISSUER is not set (the realm whose users the service manages)');
  const clientSecret = env.IDENTITY_ADMIN_CLIENT_SECRET;
  if (!clientSecret) throw new Error('identity admin: IDENTITY_ADMIN_CLIENT_SECRET is not set (the secret of the admin client)');
  const passwordEmail = env.IDENTITY_ADMIN_PASSWORD_EMAIL ?? 'on';
  if (!['on', 'off'].includes(passwordEmail)) throw new Error('identity admin: IDENTITY_ADMIN_PASSWORD_EMAIL must be on or off');
  return {
    ...realmOf(realmUrl),
    clientId: env.IDENTITY_ADMIN_CLIENT_ID || IDENTITY_ADMIN_CLIENT_ID,
    clientSecret,
    passwordEmail: passwordEmail === 'on',
  };
}

/** The adapter chosen by environment: {@link KeycloakIdentityAdmin} on the realm the variables name (see above). */
export function identityAdminFromEnv(env: NodeJS.ProcessEnv): IdentityAdmin {
  return new KeycloakIdentityAdmin(identityAdminOptionsFromEnv(env));
}
