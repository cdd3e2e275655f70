import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { ReporterTokenShapeError, ReporterTokens } from './reporter-tokens';

const SECRET = 'reporter-token-test-secret-32-bytes!';
const now = () => Math.floor(Date.now() / 1000);
const handMade = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));

describe('ReporterTokens', () => {
  const tokens = new ReporterTokens({ secretOrKey: SECRET });

  it('issues a short-lived HS256 token for one case with a random subject', async () => {
    const token = await tokens.issue({ caseId: 'case-1' });
    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    expect(claims).toMatchObject({ iss: 'vertrouwd-intake', case_id: 'case-1', kind: 'reporter' });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(decodeJwt(await tokens.issue({ caseId: 'case-1' })).sub).not.toBe(claims.sub);
    await expect(tokens.verify(token)).resolves.toEqual({ subject: claims.sub, kind: 'reporter', roles: [], caseId: 'case-1' });
  });

  it('signs RS256 with an RSA private key', async () => {
    const rsa = new ReporterTokens({ secretOrKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, issuer: 'intake-x' });
    const token = await rsa.issue({ caseId: 'case-2', ttlSec: 60 });
    expect(decodeProtectedHeader(token).alg).toBe('RS256');
    await expect(rsa.verify(token)).resolves.toMatchObject({ caseId: 'case-2' });
    await expect(tokens.verify(token)).rejects.toThrow();
  });

  it('refuses expired tokens, tokens living longer than an hour, and foreign issuers', async () => {
    const base = { case_id: 'case-1', kind: 'reporter', sub: 's', iss: 'vertrouwd-intake' };
    await expect(tokens.verify(await handMade({ ...base, iat: now() - 120, exp: now() - 60 }))).rejects.toMatchObject({
      code: 'ERR_JWT_EXPIRED',
    });
    await expect(tokens.verify(await handMade({ ...base, iat: now() - 7200, exp: now() + 60 }))).rejects.toMatchObject({
      code: 'ERR_JWT_EXPIRED',
    });
    await expect(tokens.verify(await handMade({ ...base, iss: 'elsewhere', iat: now(), exp: now() + 60 }))).rejects.toMatchObject({
      claim: 'iss',
    });
  });

  it('refuses a correctly signed token that is not a reporter token', async () => {
    const token = await handMade({ sub: 's', iss: 'vertrouwd-intake', iat: now(), exp: now() + 60, kind: 'user' });
    await expect(tokens.verify(token)).rejects.toBeInstanceOf(ReporterTokenShapeError);
  });

  it('refuses weak secrets, unusable keys and lifetimes beyond an hour', async () => {
    expect(() => new ReporterTokens({ secretOrKey: 'short' })).toThrow('at least 32 bytes');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => new ReporterTokens({ secretOrKey: ec })).toThrow('secret or an RSA private key');
    await expect(tokens.issue({ caseId: 'case-1', ttlSec: 3601 })).rejects.toThrow(RangeError);
    await expect(tokens.issue({ caseId: '' })).rejects.toThrow('case id');
  });
});
