import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { BearerAuthenticator } from './bearer-authenticator';
import { OidcTokenVerifier } from './oidc-token-verifier';
import { REPORTER_TOKEN_ISSUER, ReporterTokens } from './reporter-tokens';

/**
 * Bearer-token authentication and declared access for a service. `AuthModule.forRoot(options)` registers the
 * {@link AccessGuard} globally, so every endpoint of the application is denied unless it declares its access.
 */
@Module({})
export class AuthModule {
  /**
   * @param options the issuer and audience to verify against (see `authOptionsFromEnv`), and optionally the
   * reporter-token key. Exports `ReporterTokens` when reporter tokens are configured.
   */
  static forRoot(options: AuthOptions): DynamicModule {
    validate(options);
    const clockToleranceSec = options.clockToleranceSec ?? 5;
    const resolved: AuthOptions = { ...options, clockToleranceSec };
    const reporters = options.reporterTokens ? new ReporterTokens(options.reporterTokens, clockToleranceSec) : undefined;
    const providers: Provider[] = [
      { provide: AUTH_OPTIONS, useValue: resolved },
      { provide: BearerAuthenticator, useValue: new BearerAuthenticator(new OidcTokenVerifier(resolved), reporters) },
      ...(reporters ? [{ provide: ReporterTokens, useValue: reporters }] : []),
      { provide: APP_GUARD, useClass: AccessGuard },
    ];
    return {
      module: AuthModule,
      global: true,
      providers,
      exports: [AUTH_OPTIONS, BearerAuthenticator, ...(reporters ? [ReporterTokens] : [])],
    };
  }
}

function validate(options: AuthOptions): void {
  if (!options.issuer) throw new Error('AuthModule: issuer is required');
  if (!options.audience) throw new Error('AuthModule: audience is required');
  if ((options.clockToleranceSec ?? 0) < 0) throw new Error('AuthModule: clockToleranceSec must not be negative');
  if (options.reporterTokens && (options.reporterTokens.issuer ?? REPORTER_TOKEN_ISSUER) === options.issuer) {
    // Tokens are routed to a verifier by issuer: one issuer for both would let either key stand in for the other.
    throw new Error('AuthModule: reporter tokens need an issuer of their own');
  }
}
