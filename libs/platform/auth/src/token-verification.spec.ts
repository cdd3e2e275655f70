import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { SignJWT, base64url } from 'jose';
import request from 'supertest';
import { DEFAULT_AUDIENCE } from './auth.options';
import { DEMO_AGENCY_ID } from './demo-users';
import { startDevIssuer, type DevIssuer } from './dev-issuer/dev-issuer';
import { startAccessTestApp } from './fixtures/access-test.app';

const CASES = `/agencies/${DEMO_AGENCY_ID}/cases`;
const now = () => Math.floor(Date.now() / 1000);

describe('bearer token verification', () => {
  let issuer: DevIssuer;
  let app: INestApplication;
  const get = (token?: string) => {
    const call = request(app.getHttpServer()).get(CASES);
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };
  const carla = (overrides: Record<string, unknown>) => issuer.mintToken({ ...issuer.claimsFor('coordinator-carla'), ...overrides });

  beforeAll(async () => {
    issuer = await startDevIssuer();
    app = await startAccessTestApp({ issuer: issuer.issuer, audience: DEFAULT_AUDIENCE, clockToleranceSec: 5 });
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
  });

  it('accepts a valid token and hands its principal to the handler', async () => {
    const response = await get(await issuer.mintToken('coordinator-carla')).expect(200);
    expect(response.body).toEqual({ kind: 'user', subject: issuer.claimsFor('coordinator-carla').sub });
  });

  it('answers a request without a token with 401 and a bare Bearer challenge (RFC 6750 §3.1)', async () => {
    const response = await get().expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="vertrouwd"');
  });

  it('answers a malformed Authorization header with invalid_request', async () => {
    const response = await request(app.getHttpServer()).get(CASES).set('Authorization', 'Basic YWRhOmRlbW8=').expect(401);
    expect(response.headers['www-authenticate']).toContain('error="invalid_request"');
  });

  it('accepts a token expired within the clock tolerance and refuses one expired beyond it', async () => {
    await get(await carla({ exp: now() - 2 })).expect(200);
    const response = await get(await carla({ exp: now() - 30, iat: now() - 330 })).expect(401);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="vertrouwd", error="invalid_token", error_description="the token has expired"',
    );
  });

  it('refuses a token that is not valid yet', async () => {
    await get(await carla({ nbf: now() + 60 })).expect(401);
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    const wrongIssuer = await get(await carla({ iss: 'http://127.0.0.1:1/realms/other' })).expect(401);
    expect(wrongIssuer.headers['www-authenticate']).toContain('the token iss claim is invalid');
    const wrongAudience = await get(await carla({ aud: 'account' })).expect(401);
    expect(wrongAudience.headers['www-authenticate']).toContain('the token aud claim is invalid');
  });

  it('refuses an ID token (typ ID) even when it is signed by the issuer', async () => {
    await get(await carla({ typ: 'ID' })).expect(401);
  });

  it('refuses HS256 tokens, even one keyed with the public key material, and unsigned (alg none) tokens', async () => {
    const claims = issuer.claimsFor('coordinator-carla');
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
      // The classic key-confusion attack: HMAC keyed with the issuer's public key, which anyone can fetch.
      .sign(Buffer.from(createPublicKey(issuer.signingKey).export({ type: 'spki', format: 'pem' })));
    expect((await get(hs256).expect(401)).headers['www-authenticate']).toContain('algorithm is not accepted');
    const encode = (part: object) => base64url.encode(JSON.stringify(part));
    const none = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
    await get(none).expect(401);
  });

  it('refuses a token signed by an unknown key, with or without a known kid', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const claims = issuer.claimsFor('coordinator-carla');
    const unknownKid = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'unknown-kid' }).sign(privateKey);
    expect((await get(unknownKid).expect(401)).headers['www-authenticate']).toContain('unknown key');
    const stolenKid = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: issuer.kid }).sign(privateKey);
    expect((await get(stolenKid).expect(401)).headers['www-authenticate']).toContain('signature is invalid');
  });

  it('refuses a tampered token and garbage', async () => {
    const [header, , signature] = (await issuer.mintToken('coordinator-carla')).split('.');
    const forged = base64url.encode(JSON.stringify({ ...issuer.claimsFor('coordinator-carla'), realm_access: { roles: ['admin'] } }));
    await get(`${header}.${forged}.${signature}`).expect(401);
    await get('not-a-jwt').expect(401);
  });

  it('keeps denial bodies free of token contents', async () => {
    const response = await get(await carla({ exp: now() - 60 })).expect(401);
    expect(JSON.stringify(response.body)).not.toContain(DEMO_AGENCY_ID);
    expect(JSON.stringify(response.body)).not.toContain('coordinator-carla');
  });
});
