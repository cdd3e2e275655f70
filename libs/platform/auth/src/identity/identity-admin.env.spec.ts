import { identityAdminOptionsFromEnv, realmOf } from './identity-admin.env';

describe('the identity port from the environment', () => {
  const env = { OIDC_ISSUER: 'http://localhost:8080/realms/vertrouwd', IDENTITY_ADMIN_CLIENT_SECRET: 'secret' };

  it('derives the base URL and realm from OIDC_ISSUER, with the default client and password emails on', () => {
    expect(identityAdminOptionsFromEnv(env)).toEqual({
      baseUrl: 'http://localhost:8080',
      realm: 'vertrouwd',
      clientId: 'vertrouwd-identity-admin',
      clientSecret: 'secret',
      passwordEmail: true,
    });
  });

  it('reaches the realm at IDENTITY_ADMIN_URL when set, with the client and email setting given', () => {
    const options = identityAdminOptionsFromEnv({
      ...env,
      IDENTITY_ADMIN_URL: 'http://keycloak:8080/auth/realms/vertrouwd/',
      IDENTITY_ADMIN_CLIENT_ID: 'other-admin',
      IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
    });
    expect(options).toMatchObject({
      baseUrl: 'http://keycloak:8080/auth',
      realm: 'vertrouwd',
      clientId: 'other-admin',
      passwordEmail: false,
    });
  });

  it('names the missing or wrong variable, never a value', () => {
    expect(() => identityAdminOptionsFromEnv({ IDENTITY_ADMIN_CLIENT_SECRET: 'secret' })).toThrow(/OIDC_ISSUER is not set/);
    expect(() => identityAdminOptionsFromEnv({ OIDC_ISSUER: env.OIDC_ISSUER })).toThrow(/IDENTITY_ADMIN_CLIENT_SECRET is not set/);
    expect(() => identityAdminOptionsFromEnv({ ...env, IDENTITY_ADMIN_PASSWORD_EMAIL: 'yes' })).toThrow(/must be on or off/);
    expect(() => realmOf('http://localhost:8080/vertrouwd')).toThrow(/\/realms\/<realm>/);
  });
});
