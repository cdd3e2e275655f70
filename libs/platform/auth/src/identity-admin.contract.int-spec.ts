import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { describeIdentityAdminContract } from './contract/identity-admin.contract';
import { DEMO_PASSWORD } from './demo-users';
import { startDevIssuer } from './dev-issuer/dev-issuer';
import { IDENTITY_ADMIN_CLIENT_ID } from './identity/identity-admin';
import { identityAdminOptionsFromEnv, realmOf } from './identity/identity-admin.env';
import { KeycloakIdentityAdmin } from './identity/keycloak-identity-admin';

const issuer = process.env.OIDC_ISSUER;
const secret = process.env.IDENTITY_ADMIN_CLIENT_SECRET;
const SKIPPED =
  `Keycloak identity port contract skipped: ${issuer ? '' : 'OIDC_ISSUER and '}IDENTITY_ADMIN_CLIENT_SECRET ${issuer ? 'is' : 'are'} ` +
  'not set (no Keycloak on this machine; start one with `docker compose up keycloak`, which imports ' +
  'deploy/keycloak/realm-export.json with the client vertrouwd-identity-admin, and set ' +
  'OIDC_ISSUER=http://localhost:8080/realms/vertrouwd IDENTITY_ADMIN_CLIENT_SECRET=<its secret in docker-compose.yml>)';

// Always: the adapter against the embedded dev issuer over real HTTP, so the suite itself is proven here.
describeIdentityAdminContract('KeycloakIdentityAdmin on the embedded dev issuer', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'identity-admin-'));
  const adminClientSecret = randomBytes(24).toString('base64url');
  const dev = await startDevIssuer({ adminClientSecret, usersFile: join(dir, 'users.json') });
  const options = { ...realmOf(dev.issuer), passwordEmail: false };
  return {
    admin: new KeycloakIdentityAdmin({ ...options, clientSecret: adminClientSecret }),
    withWrongSecret: new KeycloakIdentityAdmin({ ...options, clientSecret: `${adminClientSecret}-wrong` }),
    tokenEndpoint: dev.tokenEndpoint,
    passwordFor: async () => DEMO_PASSWORD,
    cleanup: async () => {
      await dev.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

if (issuer && secret) {
  describeIdentityAdminContract(`KeycloakIdentityAdmin on Keycloak at ${issuer}`, async () => {
    const options = identityAdminOptionsFromEnv(process.env);
    // The suite's own handle on the realm: Keycloak's new accounts have no password until they set one by email.
    const keycloak = new KcAdminClient({ baseUrl: options.baseUrl, realmName: options.realm });
    const authenticate = () => keycloak.auth({ grantType: 'client_credentials', clientId: IDENTITY_ADMIN_CLIENT_ID, clientSecret: secret });
    return {
      admin: new KeycloakIdentityAdmin(options),
      withWrongSecret: new KeycloakIdentityAdmin({ ...options, clientSecret: `${secret}-wrong` }),
      tokenEndpoint: `${issuer}/protocol/openid-connect/token`,
      passwordFor: async (userId) => {
        const password = randomUUID();
        await authenticate();
        await keycloak.users.resetPassword({ id: userId, credential: { type: 'password', value: password, temporary: false } });
        return password;
      },
      cleanup: async () => {
        await authenticate();
        for (const user of await keycloak.users.find({ search: 'contract-', max: 1000 })) {
          if (user.username?.startsWith('contract-')) await keycloak.users.del({ id: user.id! });
        }
      },
    };
  });
} else {
  console.log(SKIPPED);
  describe('identity port contract: Keycloak', () => {
    it.skip(SKIPPED, () => undefined);
  });
}
