import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_USERS } from '@vertrouwd/auth';
import { caseKey } from '@vertrouwd/privacy';
import { sealedCase } from './case-events.fixture';
import { REPORT, caseEvent, startIntake, type IntakeUnderTest } from './intake-service.fixture';

// The authorization matrix of intake: every endpoint in /openapi.json is listed here, with who may call it.
// Reporter endpoints open only with a reporter token for that very case: no token 401, another case's token 403,
// and a staff bearer token (every demo role, from the dev issuer) 403, also one dressed up as a reporter token.
// Public endpoints stay public, with or without a token. An endpoint the matrix does not list fails the test.

type Access = 'public' | 'reporter';
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

describe('intake authorization matrix', () => {
  let intake: IntakeUnderTest;
  let mine: Ids; // the case the reporter token opens
  let mineAuth: string;
  let otherAuth: string;

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

  const caseWithSummary = async (): Promise<[Ids, string]> => {
    const submitted = (await intake.submit().expect(201)).body;
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
    intake = await startIntake('intake_access');
    [mine, mineAuth] = await caseWithSummary();
    [, otherAuth] = await caseWithSummary(); // another reporter's case
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

    it('is 403 with a reporter token for another case', async () => {
      const denied = await call(endpoint, mine, otherAuth).expect(403);
      expect(denied.headers['content-type']).toMatch(/problem\+json/);
      expect(denied.body.detail).not.toContain(mine.caseId); // `instance` echoes the path the caller sent
    });

    it.each(STAFF)('is 403 with the staff token of %s', async (username) => {
      const token = await intake.issuer.mintToken(username);
      const denied = await call(endpoint, mine, `Bearer ${token}`).expect(403);
      expect(denied.headers['content-type']).toMatch(/problem\+json/);
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
