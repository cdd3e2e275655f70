import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { DEFAULT_AUDIENCE } from '../auth.options';
import {
  DEMO_ADVISORS,
  DEMO_AGENCY_2_ADVISORS,
  DEMO_AGENCY_2_ID,
  DEMO_AGENCY_2_ORGANISATIONS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  WEB_CLIENT_ID,
} from '../demo-users';
import { startAccessTestApp } from '../fixtures/access-test.app';

/** A running issuer for the contract: its `iss` URL, and how to stop it. */
export interface IssuerContractSetup {
  issuer: string;
  /** Default `OIDC_AUDIENCE`, else `vertrouwd-api`. */
  audience?: string;
  cleanup?(): Promise<void>;
}

const A = DEMO_AGENCY_ID;
const B = DEMO_AGENCY_2_ID;
const nina = DEMO_AGENCY_2_ADVISORS['advisor-nina'];
/**
 * For each demo user, a request it may make and one in another tenant or of another role it may not; `agency-noord`'s
 * users are denied the same request in `agency-demo`.
 */
const REACH: Record<string, { allowed: string; denied: string }> = {
  'advisor-anna': {
    allowed: `/advisors/${DEMO_ADVISORS['advisor-anna']}/cases?agencyId=${A}`,
    denied: `/advisors/${DEMO_ADVISORS['advisor-bram']}/cases?agencyId=${A}`,
  },
  'advisor-bram': {
    allowed: `/advisors/${DEMO_ADVISORS['advisor-bram']}/cases?agencyId=${A}`,
    denied: `/advisors/${DEMO_ADVISORS['advisor-anna']}/cases?agencyId=${A}`,
  },
  'coordinator-carla': { allowed: `/agencies/${A}/cases`, denied: `/agencies/${randomUUID()}/cases` },
  'employer-erik': {
    allowed: `/organisations/${DEMO_ORGANISATIONS['org-bakkerij']}/report`,
    denied: `/organisations/${DEMO_ORGANISATIONS['org-zorggroep']}/report`,
  },
  'auditor-ada': { allowed: `/agencies/${A}/audit`, denied: `/agencies/${A}/cases` },
  'advisor-nina': { allowed: `/advisors/${nina}/cases?agencyId=${B}`, denied: `/advisors/${nina}/cases?agencyId=${A}` },
  'coordinator-noor': { allowed: `/agencies/${B}/cases`, denied: `/agencies/${A}/cases` },
  'employer-niels': {
    allowed: `/organisations/${DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf']}/report`,
    denied: `/organisations/${DEMO_ORGANISATIONS['org-bakkerij']}/report`,
  },
  'auditor-nadia': { allowed: `/agencies/${B}/audit`, denied: `/agencies/${A}/audit` },
  'admin-adam': { allowed: '/admin/tenants', denied: '/undeclared' },
};

/**
 * The contract every OIDC issuer of the platform meets, the embedded dev issuer and Keycloak with
 * `deploy/keycloak/realm-export.json` alike: discovery and JWKS, the password grant for the demo users, tokens of
 * the same shape, and the guard accepting and refusing them the same way.
 */
export function describeIssuerContract(name: string, setup: () => Promise<IssuerContractSetup>): void {
  describe(`OIDC issuer contract: ${name}`, () => {
    let ctx: IssuerContractSetup;
    let app: INestApplication;
    let discovery: { issuer: string; jwks_uri: string; token_endpoint: string };
    const tokens = new Map<string, string>();
    const audience = () => ctx.audience ?? process.env.OIDC_AUDIENCE ?? DEFAULT_AUDIENCE;
    const passwordGrant = (username: string, password: string) =>
      fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: WEB_CLIENT_ID, username, password }).toString(),
      });
    const call = (path: string, token?: string) => {
      const pending = request(app.getHttpServer()).get(path);
      return token ? pending.set('Authorization', `Bearer ${token}`) : pending;
    };

    beforeAll(async () => {
      ctx = await setup();
      discovery = (await (await fetch(`${ctx.issuer}/.well-known/openid-configuration`)).json()) as typeof discovery;
      for (const user of DEMO_USERS) {
        const response = await passwordGrant(user.username, DEMO_PASSWORD);
        if (response.status !== 200) throw new Error(`password grant for ${user.username}: HTTP ${response.status}`);
        tokens.set(user.username, ((await response.json()) as { access_token: string }).access_token);
      }
      app = await startAccessTestApp({ issuer: ctx.issuer, audience: audience() });
    });
    afterAll(async () => {
      await app?.close();
      await ctx?.cleanup?.();
    });

    it('publishes a discovery document for its issuer and an RS256 signing key', async () => {
      expect(discovery.issuer).toBe(ctx.issuer);
      const { keys } = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { alg?: string; use?: string; kid?: string }[] };
      expect(keys).toContainEqual(expect.objectContaining({ alg: 'RS256', use: 'sig', kid: expect.any(String) }));
    });

    it.each(DEMO_USERS.map((user) => [user.username, user] as const))('issues %s a Keycloak-shaped access token', (username, user) => {
      const token = tokens.get(username)!;
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
      const claims = decodeJwt(token);
      expect(claims).toMatchObject({ iss: ctx.issuer, azp: WEB_CLIENT_ID, typ: 'Bearer', sub: user.id, preferred_username: username });
      expect([claims.aud].flat()).toContain(audience());
      expect((claims.realm_access as { roles: string[] }).roles).toEqual(expect.arrayContaining(user.roles));
      expect([claims.agency_id, claims.organisation_id, claims.advisor_id]).toEqual([user.agencyId, user.organisationId, user.advisorId]);
    });

    it('refuses a wrong password with invalid_grant', async () => {
      const response = await passwordGrant('advisor-anna', `${DEMO_PASSWORD}-wrong`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
    });

    it('has a reach for every demo user', () => {
      expect(Object.keys(REACH).sort()).toEqual(DEMO_USERS.map((user) => user.username).sort());
    });

    it.each(Object.entries(REACH))(
      'lets %s through the guard where its role and tenant allow, and not elsewhere',
      async (username, { allowed, denied }) => {
        const token = tokens.get(username)!;
        const reached = await call(allowed, token).expect(200);
        expect(reached.body).toEqual({ kind: 'user', subject: decodeJwt(token).sub });
        await call(denied, token).expect(403);
      },
    );

    it('refuses a missing and a tampered token with 401', async () => {
      await call(REACH['coordinator-carla'].allowed).expect(401);
      const [header, payload, signature] = tokens.get('coordinator-carla')!.split('.');
      const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      await call(REACH['coordinator-carla'].allowed, `${header}.${payload}.${flipped}`).expect(401);
    });
  });
}
