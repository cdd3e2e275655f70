import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { DEFAULT_AUDIENCE } from '../auth.options';
import { DEMO_AGENCY_ID, DEMO_PASSWORD, demoUser } from '../demo-users';
import { startAccessTestApp } from '../fixtures/access-test.app';
import { startDevIssuer, type DevIssuer } from './dev-issuer';

const CASES = `/agencies/${DEMO_AGENCY_ID}/cases`;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
// Loosely typed on purpose (the fields the tests read, whichever body it is): the assertions below check the bodies.
interface IssuerBody extends Record<string, unknown> {
  keys: object[];
  access_token: string;
  error: string;
}
const json = async (response: Response) => (await response.json()) as IssuerBody;
const grant = (issuer: DevIssuer, fields: Record<string, string>) =>
  fetch(issuer.tokenEndpoint, form({ grant_type: 'password', client_id: 'vertrouwd-web', ...fields }));

describe('the embedded dev issuer', () => {
  let issuer: DevIssuer;
  beforeAll(async () => {
    issuer = await startDevIssuer({ realm: 'vertrouwd' });
  });
  afterAll(() => issuer?.stop());

  it("serves Keycloak's discovery and JWKS paths for the realm", async () => {
    expect(issuer.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/realms\/vertrouwd$/);
    const discovery = await json(await fetch(`${issuer.issuer}/.well-known/openid-configuration`));
    expect(discovery).toMatchObject({
      issuer: issuer.issuer,
      jwks_uri: `${issuer.issuer}/protocol/openid-connect/certs`,
      token_endpoint: issuer.tokenEndpoint,
    });
    const { keys } = await json(await fetch(issuer.jwksUri));
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: issuer.kid })]);
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('grants a Keycloak-shaped RS256 access token for a demo user and password', async () => {
    const response = await grant(issuer, { username: 'advisor-anna', password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    expect(decodeProtectedHeader(body.access_token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: issuer.kid });
    const anna = demoUser('advisor-anna');
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({
      iss: issuer.issuer,
      aud: DEFAULT_AUDIENCE,
      azp: 'vertrouwd-web',
      typ: 'Bearer',
      sub: anna.id,
      preferred_username: 'advisor-anna',
      realm_access: { roles: ['advisor'] },
      agency_id: anna.agencyId,
      advisor_id: anna.advisorId,
    });
    expect(claims).not.toHaveProperty('organisation_id');
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(typeof claims.jti).toBe('string');
  });

  it('answers wrong credentials, clients and grants as Keycloak does', async () => {
    const invalidGrant = { error: 'invalid_grant', error_description: 'Invalid user credentials' };
    const wrongPassword = await grant(issuer, { username: 'advisor-anna', password: 'wrong' });
    expect([wrongPassword.status, await wrongPassword.json()]).toEqual([401, invalidGrant]);
    const unknownUser = await grant(issuer, { username: 'nobody', password: DEMO_PASSWORD });
    expect([unknownUser.status, await unknownUser.json()]).toEqual([401, invalidGrant]);
    const wrongClient = await grant(issuer, { client_id: 'other', username: 'advisor-anna', password: DEMO_PASSWORD });
    expect([wrongClient.status, (await json(wrongClient)).error]).toEqual([401, 'invalid_client']);
    const wrongGrant = await grant(issuer, { grant_type: 'client_credentials' });
    expect([wrongGrant.status, (await json(wrongGrant)).error]).toEqual([400, 'unsupported_grant_type']);
    const noGrant = await fetch(issuer.tokenEndpoint, form({}));
    expect([noGrant.status, (await json(noGrant)).error]).toEqual([400, 'invalid_request']);
    expect((await fetch(issuer.tokenEndpoint)).status).toBe(405);
    expect((await fetch(`${issuer.issuer}/nothing-here`)).status).toBe(404);
  });
});

describe('the dev issuer against slow clients', () => {
  it('closes a connection that never finishes its headers', async () => {
    const slow = await startDevIssuer({ timeouts: { headersMs: 300, requestMs: 600 } });
    try {
      const { port } = new URL(slow.issuer);
      const ended = await new Promise<{ answer: string; reset: boolean }>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /realms/vertrouwd HTTP/1.1\r\nHost: x\r\nX-Slow: 1'));
        let answer = '';
        // One more header byte every 100 ms, for ever: only the server's limit ends this connection.
        const trickle = setInterval(() => socket.write('a'), 100);
        socket.on('data', (chunk) => ((answer += String(chunk)), clearInterval(trickle)));
        // A byte of the trickle may reach the server after it closed the connection; its kernel then answers with a
        // reset, which can overtake the 408 on this side. A reset is the server ending the connection all the same.
        socket.on('error', (error: NodeJS.ErrnoException) =>
          error.code === 'ECONNRESET' ? (clearInterval(trickle), resolve({ answer, reset: true })) : reject(error),
        );
        socket.on('close', () => (clearInterval(trickle), resolve({ answer, reset: false })));
      });
      // Whatever arrived before a reset is the 408; a connection closed in order always carries it.
      expect(ended.answer).toMatch(ended.reset ? /^(HTTP\/1\.1 408 [\s\S]*)?$/ : /^HTTP\/1\.1 408 /);
    } finally {
      await slow.stop();
    }
  });
});

describe('dev issuer keys across restarts', () => {
  let dir: string;
  let app: INestApplication | undefined;
  let running: DevIssuer | undefined;
  const start = async (keyFile: string, port = 0) => (running = await startDevIssuer({ port, keyFile }));
  const restart = async (keyFile: string) => {
    const port = Number(new URL(running!.issuer).port);
    await running!.stop();
    return start(keyFile, port);
  };
  const call = (target: INestApplication, token: string) =>
    request(target.getHttpServer()).get(CASES).set('Authorization', `Bearer ${token}`);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-issuer-'));
  });
  afterEach(async () => {
    await app?.close();
    await running?.stop();
    app = running = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the key pair in keyFile (owner-only), so tokens from before a restart still verify', async () => {
    const keyFile = join(dir, 'keys', 'dev-issuer.jwk.json');
    const first = await start(keyFile);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    const before = await first.mintToken('coordinator-carla');
    const second = await restart(keyFile);
    expect(second.kid).toBe(first.kid);
    // A fresh guard only knows the restarted issuer's JWKS: the old token verifies because the key is the same.
    app = await startAccessTestApp({ issuer: second.issuer, audience: DEFAULT_AUDIENCE });
    await call(app, before).expect(200);
    await call(app, await second.mintToken('coordinator-carla')).expect(200);
  });

  it('rotates: a running guard looks up a new kid in the refetched JWKS and refuses the retired key', async () => {
    const first = await start(join(dir, 'old.json'));
    app = await startAccessTestApp({ issuer: first.issuer, audience: DEFAULT_AUDIENCE, jwksCooldownSec: 0 });
    const old = await first.mintToken('coordinator-carla');
    await call(app, old).expect(200);
    const rotated = await restart(join(dir, 'new.json'));
    expect(rotated.kid).not.toBe(first.kid);
    await call(app, await rotated.mintToken('coordinator-carla')).expect(200);
    await call(app, old).expect(401);
  });

  it('answers 503, not 401, while the issuer cannot be reached', async () => {
    const gone = await start(join(dir, 'gone.json'));
    const token = await gone.mintToken('coordinator-carla');
    await gone.stop();
    running = undefined;
    app = await startAccessTestApp({ issuer: gone.issuer, audience: DEFAULT_AUDIENCE });
    await call(app, token).expect(503);
  });
});
