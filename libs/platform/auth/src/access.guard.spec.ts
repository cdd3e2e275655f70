import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DEFAULT_AUDIENCE } from './auth.options';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from './demo-users';
import { startDevIssuer, type DevIssuer } from './dev-issuer/dev-issuer';
import { startAccessTestApp } from './fixtures/access-test.app';
import { ReporterTokens } from './reporter-tokens';

const OTHER_AGENCY = randomUUID();
const CASE = randomUUID();

describe('AccessGuard: declared access, tenant scope, reporter tokens', () => {
  let issuer: DevIssuer;
  let app: INestApplication;
  let reporters: ReporterTokens;
  const as = async (username: string) => `Bearer ${await issuer.mintToken(username)}`;
  const get = async (path: string, authorization?: string) => {
    const call = request(app.getHttpServer()).get(path);
    return authorization ? call.set('Authorization', authorization) : call;
  };
  const denial = (body: { message?: unknown }) => String(body.message);

  beforeAll(async () => {
    issuer = await startDevIssuer();
    app = await startAccessTestApp({
      issuer: issuer.issuer,
      audience: DEFAULT_AUDIENCE,
      reporterTokens: { secretOrKey: issuer.signingKey }, // RS256 with the dev key, as the embedded setup may do
    });
    reporters = app.get(ReporterTokens);
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.stop();
  });

  describe('deny by default', () => {
    it('refuses an undeclared endpoint even to a valid admin token, naming the missing declaration', async () => {
      const response = await get('/undeclared', await as('admin-adam'));
      expect(response.status).toBe(403);
      expect(denial(response.body)).toBe(
        'Access denied: the endpoint declares no access: add @Public, @Roles with @TenantScope, or @ReporterAccess',
      );
    });

    it('refuses @Roles without @TenantScope', async () => {
      const response = await get('/admin/unscoped', await as('admin-adam'));
      expect(response.status).toBe(403);
      expect(denial(response.body)).toContain('@Roles without @TenantScope');
    });

    it('serves @Public endpoints without a token, and ignores a token there', async () => {
      expect((await get('/intake/page')).body).toEqual({ kind: 'anonymous', subject: null });
      expect((await get('/intake/page', 'Bearer garbage')).status).toBe(200);
    });

    it('names the required roles when the role is missing', async () => {
      const response = await get(`/agencies/${DEMO_AGENCY_ID}/cases`, await as('advisor-anna'));
      expect(response.status).toBe(403);
      expect(denial(response.body)).toBe('Access denied: the endpoint requires one of the roles: coordinator');
    });
  });

  describe('tenant scope', () => {
    it('refuses a coordinator of agency A on agency B (route parameter)', async () => {
      const response = await get(`/agencies/${OTHER_AGENCY}/cases`, await as('coordinator-carla'));
      expect(response.status).toBe(403);
      expect(denial(response.body)).toBe("Access denied: tenant scope: the token's agency_id does not match agencyId in the path");
      expect(JSON.stringify(response.body)).not.toContain(DEMO_AGENCY_ID);
    });

    it('refuses an employer on another organisation', async () => {
      const response = await get(`/organisations/${DEMO_ORGANISATIONS['org-zorggroep']}/report`, await as('employer-erik'));
      expect(response.status).toBe(403);
      expect(denial(response.body)).toContain('organisation_id does not match organisationId in the path');
    });

    it("refuses an advisor on another advisor's cases, and on the right advisor in another agency (query)", async () => {
      const bram = await get(`/advisors/${DEMO_ADVISORS['advisor-bram']}/cases?agencyId=${DEMO_AGENCY_ID}`, await as('advisor-anna'));
      expect(denial(bram.body)).toContain('advisor_id does not match advisorId in the path');
      const elsewhere = await get(`/advisors/${DEMO_ADVISORS['advisor-anna']}/cases?agencyId=${OTHER_AGENCY}`, await as('advisor-anna'));
      expect(denial(elsewhere.body)).toContain('agency_id does not match agencyId in the query');
      const missing = await get(`/advisors/${DEMO_ADVISORS['advisor-anna']}/cases`, await as('advisor-anna'));
      expect(missing.status).toBe(403);
    });

    it('checks body values, and refuses a non-string one', async () => {
      const post = async (body: object) =>
        request(app.getHttpServer())
          .post(`/agencies/${DEMO_AGENCY_ID}/advisors`)
          .set('Authorization', await as('coordinator-carla'))
          .send(body);
      expect((await post({ agencyId: DEMO_AGENCY_ID })).status).toBe(201);
      expect(denial((await post({ agencyId: OTHER_AGENCY })).body)).toContain('agency_id does not match agencyId in the body');
      expect((await post({ agencyId: [DEMO_AGENCY_ID] })).status).toBe(403);
    });

    it('refuses a principal that has the role but lacks the tenant claim', async () => {
      const { agency_id: _dropped, ...claims } = issuer.claimsFor('coordinator-carla');
      const response = await get(`/agencies/${DEMO_AGENCY_ID}/cases`, `Bearer ${await issuer.mintToken(claims)}`);
      expect(denial(response.body)).toBe('Access denied: tenant scope: the token carries no agency_id');
    });
  });

  describe('reporter tokens', () => {
    it('open their own case on a @ReporterAccess endpoint', async () => {
      const response = await get(`/intake/cases/${CASE}/messages`, `Bearer ${await reporters.issue({ caseId: CASE })}`);
      expect(response.status).toBe(200);
      expect(response.body.kind).toBe('reporter');
    });

    it('do not open another case', async () => {
      const response = await get(`/intake/cases/${randomUUID()}/messages`, `Bearer ${await reporters.issue({ caseId: CASE })}`);
      expect(response.status).toBe(403);
      expect(denial(response.body)).toBe('Access denied: the reporter token is for another case');
    });

    it('are refused on endpoints without @ReporterAccess, even tenant-free ones', async () => {
      const response = await get('/admin/tenants', `Bearer ${await reporters.issue({ caseId: CASE })}`);
      expect(response.status).toBe(403);
      expect(denial(response.body)).toBe('Access denied: this endpoint does not accept a reporter token');
    });

    it('leave user tokens out of reporter-only endpoints', async () => {
      const response = await get(`/intake/cases/${CASE}/messages`, await as('advisor-anna'));
      expect(response.status).toBe(403);
      expect(denial(response.body)).toBe('Access denied: this endpoint accepts a reporter token only');
    });

    it('are refused when signed by another key (401)', async () => {
      const forged = await new ReporterTokens({ secretOrKey: 'someone-elses-secret-of-32-bytes-or-more' }).issue({ caseId: CASE });
      const response = await get(`/intake/cases/${CASE}/messages`, `Bearer ${forged}`);
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    });
  });
});
