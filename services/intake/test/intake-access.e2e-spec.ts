import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  DEMO_AGENCY_2_ADVISORS,
  DEMO_AGENCY_2_ID,
  DEMO_AGENCY_2_ORGANISATIONS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
  DEMO_USERS,
} from '@vertrouwd/auth';
import { caseKey } from '@vertrouwd/privacy';
import { eventually } from '@vertrouwd/testing';
import { sealedCase } from './case-events.fixture';
import { counsellorPublished, organisationPublished, publish } from './directory.fixture';
import { intake as intakeDefinition } from '../src/service';
import { REPORT, caseEvent, startIntake, type IntakeUnderTest } from './intake-service.fixture';

const SITE_SECRET = 'intake-access-site-secret-of-at-least-32-chars';

// The authorization matrix of intake: every endpoint in /openapi.json is listed here, with who may call it.
// Reporter endpoints open only with a reporter token for that very case: no token 401, another case's token 403
// (one of the same organisation, and one of agency-noord's organisation), and a staff bearer token (every demo
// user of both agencies, from the dev issuer) 403, also one dressed up as a reporter token; no refusal names the
// case or writes anything to it. Public endpoints stay public, with or without a token, and a token of the other
// agency's staff gets nothing more from them than an anonymous caller. An endpoint the matrix does not list fails
// the test. The site's endpoint opens only with the site's shared secret (INTAKE_PROXY_SECRET), never with a token.

type Access = 'public' | 'reporter' | 'site';
interface Row {
  access: Access;
  /** A request that succeeds for the right caller; `body` for POSTs. */
  body?: object;
}
interface Ids {
  caseId: string;
  summaryId: string;
  revealId?: string;
  consentId: string;
  receiptCode: string;
  passphrase: string;
  proof: object;
}

const MATRIX: Record<string, Row> = {
  'GET /intake/{intakeCode}': { access: 'public' },
  'GET /intake/consent-texts/{version}': { access: 'public' },
  'POST /intake/{intakeCode}/reports': { access: 'public', body: REPORT },
  'POST /intake/follow-up': { access: 'public' }, // body from the case at hand, below
  'GET /intake/proof-key': { access: 'public' },
  'POST /intake/proofs/verification': { access: 'public' },
  // The reporter's site's count of the visits it served: its shared secret, never a token, opens it.
  'POST /intake/{intakeCode}/page-visits': { access: 'site', body: { visits: 1 } },
  'GET /intake/cases/{caseId}/status': { access: 'reporter' },
  'GET /intake/cases/{caseId}/messages': { access: 'reporter' },
  'POST /intake/cases/{caseId}/messages': { access: 'reporter', body: { body: 'a question' } },
  'GET /intake/cases/{caseId}/summaries': { access: 'reporter' },
  'POST /intake/cases/{caseId}/summaries/{summaryId}/approval': { access: 'reporter' },
  'POST /intake/cases/{caseId}/summaries/{summaryId}/correction': { access: 'reporter', body: { correction: 'not quite' } },
  'GET /intake/cases/{caseId}/consents': { access: 'reporter' },
  'POST /intake/cases/{caseId}/consents': { access: 'reporter', body: { scope: 'referral', referralType: 'police' } },
  'POST /intake/cases/{caseId}/consents/{consentId}/confirmation': { access: 'reporter' },
  'POST /intake/cases/{caseId}/consents/{consentId}/withdrawal': { access: 'reporter' },
  // Last: after it the case takes nothing more (422), which the positive check below allows.
  'POST /intake/cases/{caseId}/withdrawal': { access: 'reporter' },
  'POST /intake/cases/{caseId}/resumption': { access: 'reporter' },
  'GET /intake/cases/{caseId}/identity-reveals': { access: 'reporter' },
  'POST /intake/cases/{caseId}/identity-reveals/{revealId}/approval': { access: 'reporter' },
  'POST /intake/cases/{caseId}/identity-reveals/{revealId}/refusal': { access: 'reporter' },
  'POST /intake/cases/{caseId}/personal-data/erasure': { access: 'reporter' },
};
/** Served by the platform for every service, public by declaration (libs/platform/runtime). */
const PLATFORM_ENDPOINTS = ['GET /health/live', 'GET /health/ready'];

const STAFF = DEMO_USERS.map((u) => u.username);
/** agency-noord's staff and employer: the other agency, for a case filed at agency-demo's bakkerij. */
const NOORD = DEMO_USERS.filter(
  (u) => u.agencyId === DEMO_AGENCY_2_ID || Object.values<string>(DEMO_AGENCY_2_ORGANISATIONS).includes(u.organisationId ?? ''),
);
const NOORD_CODE = 'scheepswerf-2026';
const BAKKERIJ = DEMO_ORGANISATIONS['org-bakkerij'];

describe('intake authorization matrix', () => {
  let intake: IntakeUnderTest;
  let mine: Ids; // the case the reporter token opens
  let mineAuth: string;
  let otherAuth: string; // another reporter's case at the same organisation
  let noordAuth: string; // a reporter's case at agency-noord's organisation
  let before: unknown;

  const call = (endpoint: string, ids: Ids, auth?: string) => {
    const [method, template] = endpoint.split(' ');
    const path = template
      .replace('{intakeCode}', 'bakkerij-2026')
      .replace('{caseId}', ids.caseId)
      .replace('{summaryId}', ids.summaryId)
      .replace('{revealId}', ids.revealId ?? ids.summaryId)
      .replace('{consentId}', ids.consentId)
      .replace('{version}', 'v1');
    const row = MATRIX[endpoint];
    const body =
      endpoint === 'POST /intake/follow-up'
        ? { receiptCode: ids.receiptCode, passphrase: ids.passphrase }
        : endpoint === 'POST /intake/proofs/verification'
          ? { proof: ids.proof }
          : row?.body;
    const req =
      method === 'GET'
        ? request(intake.service.url).get(path)
        : request(intake.service.url)
            .post(path)
            .send(body ?? {});
    return auth ? req.set('Authorization', auth) : req;
  };

  /** The report stream and every intake row (the vault's keys included) that names the case. */
  const stateOf = async (caseId: string) => {
    const { pool } = intake.service.platform;
    const { rows: tables } = await pool.query<{ table: string; column: string }>(
      `select table_name as table, column_name as column from information_schema.columns
       where table_schema = current_schema() and column_name in ('case_id', 'case_ref') order by table_name`,
    );
    const rows: Record<string, unknown[]> = {};
    for (const { table, column } of tables) {
      // The notices queued, not their delivery, which the dispatcher moves on its own time.
      const columns = table === 'notice_outbox' ? 'notice_key, kind, recipient' : '*';
      rows[table] = (await pool.query(`select ${columns} from ${table} where ${column}::text = $1 order by 1`, [caseId])).rows;
    }
    return { stream: await intake.service.platform.store.readStream(`report-${caseId}`), rows };
  };

  const caseWithSummary = async (intakeCode = 'bakkerij-2026'): Promise<[Ids, string]> => {
    const submitted = (await request(intake.service.url).post(`/intake/${intakeCode}/reports`).send(REPORT).expect(201)).body;
    const opened = await request(intake.service.url)
      .post('/intake/follow-up')
      .send({ receiptCode: submitted.receiptCode, passphrase: submitted.passphrase })
      .expect(200);
    const { publish, summaryId, consentId } = await sealedCase(intake.service.platform.privacy.sealer, submitted.caseId);
    const revealId = randomUUID();
    const reveal = caseEvent('case.identity-reveal-requested', submitted.caseId, {
      revealId,
      viewer: 'colleague',
      requestedAt: new Date().toISOString(),
      sealedReason: await intake.service.platform.privacy.sealer.seal('a second counsellor joins', caseKey(submitted.caseId)),
    });
    await intake.publishCaseEvents([...publish, reveal]);
    return [{ ...submitted, summaryId, revealId, consentId }, `Bearer ${opened.body.token}`];
  };

  beforeAll(async () => {
    intake = await startIntake('intake_access', intakeDefinition, { INTAKE_PROXY_SECRET: SITE_SECRET });
    // agency-noord's organisation and counsellor, published as matching would (startIntake publishes agency-demo's).
    const { sealer } = intake.service.platform.privacy;
    const nina = DEMO_AGENCY_2_ADVISORS['advisor-nina'];
    await publish(intake.service, [
      await counsellorPublished(sealer, {
        counsellorId: nina,
        agencyId: DEMO_AGENCY_2_ID,
        name: 'Nina',
        gender: 'female',
        languages: ['nl'],
      }),
      await organisationPublished(sealer, {
        organisationId: DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'],
        agencyId: DEMO_AGENCY_2_ID,
        name: 'Scheepswerf Noord',
        intakeCode: NOORD_CODE,
        primaryCounsellorId: nina,
      }),
    ]);
    await eventually(() => request(intake.service.url).get(`/intake/${NOORD_CODE}`).expect(200));
    [mine, mineAuth] = await caseWithSummary();
    [, otherAuth] = await caseWithSummary();
    [, noordAuth] = await caseWithSummary(NOORD_CODE);
    before = await stateOf(mine.caseId);
  });
  afterAll(() => intake?.stop());

  it('lists every endpoint of /openapi.json, and only those', async () => {
    const { body } = await request(intake.service.url).get('/openapi.json').expect(200);
    const documented = Object.entries(body.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.filter((e) => !PLATFORM_ENDPOINTS.includes(e)).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const reporterEndpoints = Object.keys(MATRIX).filter((e) => MATRIX[e].access === 'reporter');
  const publicEndpoints = Object.keys(MATRIX).filter((e) => MATRIX[e].access === 'public');

  describe.each(reporterEndpoints)('%s', (endpoint) => {
    it('is 401 without a token, and with a malformed or foreign-signed one', async () => {
      const none = await call(endpoint, mine).expect(401);
      expect(none.headers['content-type']).toMatch(/problem\+json/);
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      await call(endpoint, mine, 'Bearer not-a-jwt').expect(401);
      await call(endpoint, mine, 'Basic dXNlcjpwYXNz').expect(401);
    });

    it.each([
      ['the same organisation', () => otherAuth],
      ["agency-noord's organisation", () => noordAuth],
    ])('is 403 with a reporter token for another case, at %s', async (_label, auth) => {
      const denied = await call(endpoint, mine, auth()).expect(403);
      expect(denied.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(denied.body)).not.toContain(mine.caseId); // `instance` is the route template
    });

    it.each(STAFF)('is 403 with the staff token of %s, naming nothing of the case', async (username) => {
      const token = await intake.issuer.mintToken(username);
      const denied = await call(endpoint, mine, `Bearer ${token}`).expect(403);
      expect(denied.headers['content-type']).toMatch(/problem\+json/);
      const said = JSON.stringify(denied.body);
      for (const text of [mine.caseId, mine.summaryId, mine.consentId, REPORT.account, BAKKERIJ, DEMO_AGENCY_ID]) {
        expect(said).not.toContain(text);
      }
    });

    it('is 403 with a staff-issued token that claims to be a reporter token for this case', async () => {
      const forged = await intake.issuer.mintToken({
        kind: 'reporter',
        case_id: mine.caseId,
        realm_access: { roles: ['admin', 'advisor'] },
      });
      await call(endpoint, mine, `Bearer ${forged}`).expect(403);
    });
  });

  it('wrote nothing to the case for any refusal: its stream and every row naming it are as before', async () => {
    expect(NOORD.flatMap((u) => u.roles).sort()).toEqual(['advisor', 'auditor', 'coordinator', 'employer']);
    expect(STAFF).toEqual(expect.arrayContaining(NOORD.map((u) => u.username)));
    const now = await stateOf(mine.caseId);
    expect(now).toEqual(before);
    expect(Object.values(now.rows).flat().length).toBeGreaterThan(0); // the check looked at rows that exist
  });

  describe.each(publicEndpoints)('%s', (endpoint) => {
    it.each([
      ['no token', undefined],
      ['a staff token', 'staff'],
      ['a reporter token', 'reporter'],
      ['a malformed token', 'Bearer not-a-jwt'],
    ])('stays public with %s', async (_label, kind) => {
      const auth = kind === 'staff' ? `Bearer ${await intake.issuer.mintToken('admin-adam')}` : kind === 'reporter' ? otherAuth : kind;
      const { status } = await call(endpoint, mine, auth);
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(300);
    });
  });

  const siteEndpoints = Object.keys(MATRIX).filter((e) => MATRIX[e].access === 'site');

  describe.each(siteEndpoints)('%s', (endpoint) => {
    it.each([
      ['no token', undefined],
      ['a malformed token', 'Bearer not-a-jwt'],
      ['a reporter token', 'reporter'],
      ...STAFF.map((username) => [`the staff token of ${username}`, username] as [string, string]),
    ])("is 403 without the site's secret, with %s", async (_label, kind) => {
      const auth =
        kind === undefined || kind.startsWith('Bearer ')
          ? kind
          : kind === 'reporter'
            ? mineAuth
            : `Bearer ${await intake.issuer.mintToken(kind)}`;
      const denied = await call(endpoint, mine, auth).expect(403);
      expect(denied.headers['content-type']).toMatch(/problem\+json/);
    });

    it("opens with the site's secret (so the refusals above are the guard's)", async () => {
      const { status } = await call(endpoint, mine).set('X-Intake-Proxy-Key', SITE_SECRET);
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(300);
    });
  });

  describe("public endpoints with agency-noord's staff tokens", () => {
    const publicReads = publicEndpoints.filter((e) => e.startsWith('GET '));

    it.each(NOORD.map((u) => u.username))('answer %s exactly as an anonymous caller: the token opens nothing more', async (username) => {
      const auth = `Bearer ${await intake.issuer.mintToken(username)}`;
      for (const endpoint of publicReads) {
        const [anonymous, withToken] = [await call(endpoint, mine), await call(endpoint, mine, auth)];
        expect([endpoint, withToken.status, withToken.body]).toEqual([endpoint, anonymous.status, anonymous.body]);
      }
    });

    it("file a report sent with agency-noord's employer token for the intake code's organisation and agency", async () => {
      const auth = `Bearer ${await intake.issuer.mintToken('employer-niels')}`;
      const { caseId } = (
        await request(intake.service.url).post('/intake/bakkerij-2026/reports').set('Authorization', auth).send(REPORT).expect(201)
      ).body;
      const [submitted] = await intake.service.platform.store.readStream(`report-${caseId}`);
      expect((submitted.data as { facts: object }).facts).toMatchObject({ organisationId: BAKKERIJ, agencyId: DEMO_AGENCY_ID });
    });
  });

  it("opens every reporter endpoint with the token for that case (so the refusals above are the guard's)", async () => {
    for (const endpoint of reporterEndpoints) {
      const { status } = await call(endpoint, mine, mineAuth);
      // 422: the correction after the approval answers a summary twice; 409: the refusal after the approval answers
      // a reveal request twice; both were let in.
      expect([200, 201, 204, 409, 422]).toContain(status);
      if (status === 422) expect(endpoint).toMatch(/correction$/);
      if (status === 409) expect(endpoint).toMatch(/refusal$/);
    }
  });
});
