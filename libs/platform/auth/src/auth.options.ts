import type { KeyObject } from 'node:crypto';

/** Options of reporter tokens: the key that signs and verifies them, and their issuer. */
export interface ReporterTokenOptions {
  /**
   * A shared secret of at least 32 bytes (HS256), or an RSA private key (RS256, e.g. the dev issuer's key).
   * Every service that accepts reporter tokens needs the same value as the intake service that issues them.
   */
  secretOrKey: string | Uint8Array | KeyObject;
  /** The `iss` of reporter tokens; default `vertrouwd-intake`. Must differ from the OIDC issuer. */
  issuer?: string;
}

/** Options of {@link AuthModule.forRoot}. */
export interface AuthOptions {
  /** The OIDC issuer, exactly as tokens carry it in `iss`, e.g. `http://localhost:8080/realms/vertrouwd`. */
  issuer: string;
  /** The audience every access token must carry in `aud` (Keycloak's audience mapper adds it): `vertrouwd-api`. */
  audience: string;
  /** The JWKS URL; default: `jwks_uri` of the issuer's discovery document, else Keycloak's certs path. */
  jwksUri?: string;
  /** Accepted clock skew for `exp` and `nbf`, in seconds; default 5. */
  clockToleranceSec?: number;
  /** How soon a token with an unknown `kid` may make the guard refetch the JWKS, in seconds; default 30. */
  jwksCooldownSec?: number;
  /** Enables reporter tokens (issue and accept); without it they are refused. */
  reporterTokens?: ReporterTokenOptions;
}

/** The injection token of the resolved {@link AuthOptions}. */
export const AUTH_OPTIONS = Symbol('vertrouwd:auth-options');

/** The audience of the platform's APIs, as the realm's audience mapper writes it. */
export const DEFAULT_AUDIENCE = 'vertrouwd-api';

/**
 * Auth options from the environment: `OIDC_ISSUER` (else `fallbackIssuer`, the embedded dev issuer the launcher
 * started), `OIDC_AUDIENCE` (default `vertrouwd-api`) and `REPORTER_TOKEN_SECRET` (optional, enables reporter
 * tokens). Throws when no issuer is known, so a service never starts without verification.
 */
export function authOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, fallbackIssuer?: string): AuthOptions {
  const issuer = env.OIDC_ISSUER || fallbackIssuer;
  if (!issuer) throw new Error('OIDC_ISSUER is not set and no embedded dev issuer was started');
  return {
    issuer,
    // Containers may reach the issuer under another name than the one in its tokens (docker-compose).
    ...(env.OIDC_JWKS_URI ? { jwksUri: env.OIDC_JWKS_URI } : {}),
    audience: env.OIDC_AUDIENCE || DEFAULT_AUDIENCE,
    reporterTokens: env.REPORTER_TOKEN_SECRET ? { secretOrKey: env.REPORTER_TOKEN_SECRET } : undefined,
  };
}
