import { createRemoteJWKSet, jwtVerify, type RemoteJWKSet } from 'jose';
import type { AuthOptions } from './auth.options';
import { userPrincipal, type Principal } from './principal';

/** A correctly signed token from the issuer that is not an access token (an ID or refresh token, or no `sub`). */
export class NotAnAccessTokenError extends Error {
  constructor() {
    super('the token is not an access token');
  }
}

/**
 * Verifies OIDC access tokens locally against the issuer's JWKS (ADR 0004): RS256 only, `iss`, `aud`, `exp` and
 * `nbf` with a small clock tolerance, and Keycloak's `typ: Bearer`. jose caches the key set and refetches it when a
 * token names an unknown `kid`, so key rotation needs no restart.
 */
export class OidcTokenVerifier {
  private keySet?: Promise<RemoteJWKSet>;

  constructor(private readonly options: AuthOptions) {}

  /** Verifies `token` and returns its user principal; throws jose's errors when it is not valid. */
  async verify(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, await this.keys(), {
      algorithms: ['RS256'],
      issuer: this.options.issuer,
      audience: this.options.audience,
      clockTolerance: this.options.clockToleranceSec ?? 5,
      requiredClaims: ['exp', 'sub'],
    });
    if (payload.typ !== 'Bearer') throw new NotAnAccessTokenError();
    return userPrincipal(payload);
  }

  private keys(): Promise<RemoteJWKSet> {
    this.keySet ??= this.jwksUri().then((uri) =>
      createRemoteJWKSet(new URL(uri), { cooldownDuration: (this.options.jwksCooldownSec ?? 30) * 1000 }),
    );
    return this.keySet;
  }

  /** The configured JWKS URL, else the discovery document's, else Keycloak's fixed path under the issuer. */
  private async jwksUri(): Promise<string> {
    if (this.options.jwksUri) return this.options.jwksUri;
    const issuer = this.options.issuer.replace(/\/+$/, '');
    try {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
      const discovery = response.ok ? ((await response.json()) as { jwks_uri?: unknown }) : {};
      if (typeof discovery.jwks_uri === 'string') return discovery.jwks_uri;
    } catch {
      // An unreachable issuer at start-up must not pin a wrong URL: Keycloak's path is right for both issuers.
    }
    return `${issuer}/protocol/openid-connect/certs`;
  }
}
