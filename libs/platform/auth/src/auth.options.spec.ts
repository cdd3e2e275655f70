import { AuthModule } from './auth.module';
import { authOptionsFromEnv } from './auth.options';

describe('auth configuration', () => {
  it('reads OIDC_ISSUER, OIDC_AUDIENCE and REPORTER_TOKEN_SECRET, falling back to the dev issuer', () => {
    expect(authOptionsFromEnv({ OIDC_ISSUER: 'http://kc/realms/vertrouwd' }, 'http://dev')).toEqual({
      issuer: 'http://kc/realms/vertrouwd',
      audience: 'vertrouwd-api',
      reporterTokens: undefined,
    });
    const fallback = authOptionsFromEnv({ OIDC_AUDIENCE: 'other-api', REPORTER_TOKEN_SECRET: 's'.repeat(32) }, 'http://dev');
    expect(fallback).toEqual({ issuer: 'http://dev', audience: 'other-api', reporterTokens: { secretOrKey: 's'.repeat(32) } });
  });

  it('refuses to configure a service without an issuer', () => {
    expect(() => authOptionsFromEnv({})).toThrow('OIDC_ISSUER is not set');
  });

  it('refuses reporter tokens that share the OIDC issuer', () => {
    const options = { issuer: 'vertrouwd-intake', audience: 'vertrouwd-api', reporterTokens: { secretOrKey: 's'.repeat(32) } };
    expect(() => AuthModule.forRoot(options)).toThrow('issuer of their own');
  });
});
