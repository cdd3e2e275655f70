import { createPublicKey, createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { ReporterTokenOptions } from './auth.options';
import type { Principal } from './principal';

/** The default `iss` of reporter tokens. */
export const REPORTER_TOKEN_ISSUER = 'vertrouwd-intake';
/** A reporter token never lives longer than this, whatever the caller asks. */
export const MAX_REPORTER_TOKEN_TTL_SEC = 3600;

/** Options of {@link ReporterTokens.issue}. */
export interface IssueReporterToken {
  caseId: string;
  /** Lifetime in seconds; default 900 (15 minutes), at most one hour. */
  ttlSec?: number;
}

/**
 * Issues and verifies reporter tokens: compact JWTs for one case, signed HS256 with a shared secret or RS256 with
 * an RSA key. The intake service issues one after checking a receipt code and passphrase; the guard accepts it only
 * on `@ReporterAccess` endpoints for that case. The subject is random per token, so tokens are unlinkable.
 */
export class ReporterTokens {
  /** The `iss` of the tokens this instance issues and accepts. */
  readonly issuer: string;
  private readonly algorithm: 'HS256' | 'RS256';
  private readonly signingKey: KeyObject;
  private readonly verifyingKey: KeyObject;

  constructor(
    options: ReporterTokenOptions,
    private readonly clockToleranceSec = 5,
  ) {
    this.issuer = options.issuer ?? REPORTER_TOKEN_ISSUER;
    const key = options.secretOrKey;
    if (typeof key === 'string' || key instanceof Uint8Array) {
      const secret = typeof key === 'string' ? Buffer.from(key, 'utf8') : Buffer.from(key);
      // HS256 is only as strong as its key: refuse anything shorter than the hash output.
      if (secret.length < 32) throw new Error('reporter token secret must be at least 32 bytes');
      this.algorithm = 'HS256';
      this.signingKey = this.verifyingKey = createSecretKey(secret);
    } else if (key.type === 'private' && key.asymmetricKeyType === 'rsa') {
      this.algorithm = 'RS256';
      this.signingKey = key;
      this.verifyingKey = createPublicKey(key);
    } else if (key.type === 'secret') {
      this.algorithm = 'HS256';
      this.signingKey = this.verifyingKey = key;
    } else {
      throw new Error('reporter tokens need a secret or an RSA private key');
    }
  }

  /** Issues a token that opens case `caseId` until it expires. */
  async issue({ caseId, ttlSec = 900 }: IssueReporterToken): Promise<string> {
    if (!caseId) throw new Error('a reporter token needs a case id');
    if (!(ttlSec > 0 && ttlSec <= MAX_REPORTER_TOKEN_TTL_SEC)) {
      throw new RangeError(`reporter token lifetime must be 1..${MAX_REPORTER_TOKEN_TTL_SEC} seconds`);
    }
    return new SignJWT({ case_id: caseId, kind: 'reporter' })
      .setProtectedHeader({ alg: this.algorithm, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setSubject(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${Math.floor(ttlSec)}s`)
      .sign(this.signingKey);
  }

  /** Verifies a reporter token and returns its principal; throws jose's errors when it is not valid. */
  async verify(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, this.verifyingKey, {
      algorithms: [this.algorithm],
      issuer: this.issuer,
      clockTolerance: this.clockToleranceSec,
      maxTokenAge: MAX_REPORTER_TOKEN_TTL_SEC + this.clockToleranceSec,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (payload.kind !== 'reporter' || typeof payload.case_id !== 'string' || !payload.case_id) {
      throw new ReporterTokenShapeError();
    }
    return { subject: String(payload.sub), kind: 'reporter', roles: [], caseId: payload.case_id };
  }
}

/** A correctly signed token from the reporter issuer that is not shaped like a reporter token. */
export class ReporterTokenShapeError extends Error {
  constructor() {
    super('the token is not a reporter token');
  }
}
