import { ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { NotAnAccessTokenError, type OidcTokenVerifier } from './oidc-token-verifier';
import type { Principal } from './principal';
import { ReporterTokenShapeError, type ReporterTokens } from './reporter-tokens';

/** The `realm` parameter of the Bearer challenge. */
export const CHALLENGE_REALM = 'vertrouwd';

/**
 * A 401 that carries its RFC 6750 challenge, so whichever filter renders it (the guard also sets the header on the
 * response) can send `WWW-Authenticate`. The message says what was wrong with the token, never what it contained.
 */
export class InvalidBearerTokenException extends UnauthorizedException {
  constructor(
    readonly wwwAuthenticate: string,
    message: string,
  ) {
    super(message);
  }
}

const challenge = (error?: string, description?: string): string =>
  [`Bearer realm="${CHALLENGE_REALM}"`, error && `error="${error}"`, description && `error_description="${description}"`]
    .filter(Boolean)
    .join(', ');

/** Reads the bearer token of a request and verifies it as a user token or, by its issuer, as a reporter token. */
export class BearerAuthenticator {
  constructor(
    private readonly oidc: OidcTokenVerifier,
    private readonly reporters?: ReporterTokens,
  ) {}

  /** The verified principal, or an {@link InvalidBearerTokenException} (401) / a 503 when the keys are unreachable. */
  async authenticate(authorization: string | string[] | undefined): Promise<Principal> {
    if (authorization === undefined) {
      // RFC 6750 §3.1: a request without credentials gets a challenge without an error code.
      throw new InvalidBearerTokenException(challenge(), 'a bearer token is required');
    }
    const match = typeof authorization === 'string' ? /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization) : null;
    if (!match) {
      throw new InvalidBearerTokenException(
        challenge('invalid_request', 'malformed Authorization header'),
        'malformed Authorization header',
      );
    }
    try {
      return await this.verify(match[1]);
    } catch (error) {
      throw rejection(error);
    }
  }

  private verify(token: string): Promise<Principal> {
    // Routing on the unverified `iss` only picks the verifier; each one then checks signature, algorithm and issuer.
    const issuer = decodeJwt(token).iss;
    return this.reporters && issuer === this.reporters.issuer ? this.reporters.verify(token) : this.oidc.verify(token);
  }
}

const INVALID_TOKEN: Record<string, string> = {
  ERR_JWT_EXPIRED: 'the token has expired',
  ERR_JWKS_NO_MATCHING_KEY: 'the token is signed with an unknown key',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'the token names no unambiguous key',
  ERR_JOSE_ALG_NOT_ALLOWED: 'the token signing algorithm is not accepted',
  ERR_JOSE_NOT_SUPPORTED: 'the token signing algorithm is not accepted',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'the token signature is invalid',
  ERR_JWS_INVALID: 'the token is malformed',
  ERR_JWT_INVALID: 'the token is malformed',
};

/** jose codes that mean the issuer's key set could not be read: the issuer's problem, not the caller's token. */
const KEYS_UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

/** Maps a verification failure to a 401 with its challenge, or to a 503 when the issuer's keys could not be read. */
function rejection(error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  let description: string;
  if (error instanceof NotAnAccessTokenError || error instanceof ReporterTokenShapeError) description = error.message;
  else if (typeof code !== 'string' || KEYS_UNAVAILABLE.has(code)) {
    // Network errors (fetch throws plain TypeErrors) land here too.
    return new ServiceUnavailableException("the token issuer's signing keys are unavailable");
  } else if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') description = `the token ${(error as { claim: string }).claim} claim is invalid`;
  else description = INVALID_TOKEN[code] ?? 'the token is invalid';
  return new InvalidBearerTokenException(challenge('invalid_token', description), description);
}
