import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  DEMO_ADVISORS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
  DEMO_USERS,
  ReporterTokens,
  startDevIssuer,
  type DevIssuer,
  type Role,
} from '@vertrouwd/auth';
import { ReportSubmittedV1 } from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { caseService } from '../src/service';
import { publishDemoCounsellors } from './directory.fixture';

// The authorisation matrix of the case service: every endpoint against every caller that must not reach it.
// One case, opened from intake's event and assigned to advisor-anna, is the target of every call; afterwards its
// stream must be exactly as it was (no refusal wrote anything) and nobody may have read it.
//
// Allowed callers are not called here (their behaviour is the other e2e specs' subject). Every other caller gets:
// 401 without a valid token; 403 for a role the endpoint does not declare, a coordinator of another agency, and
// any reporter token (the case service has no reporter endpoints); 404 for an advisor who is not the assigned
// one, an advisor token without an advisor id, and an auditor of another agency (the path names the case, and
// nobody learns that it exists).

const REPORTER_SECRET = 'case-matrix-reporter-secret-of-at-least-32-bytes';
const CASE = randomUUID();
const A = DEMO_AGENCY_ID;
const anna = DEMO_ADVISORS['advisor-anna'];
const today = new Date().toISOString().slice(0, 10);

/** Who may pass, and how the case service narrows it further. */
type Scope =
  | 'agency' // coordinator of the agency in the path
  | 'assigned' // the case's assigned advisor (and, for erasure, an admin)
  | 'own' // the advisor's own lists: any advisor, filtered by their advisor id
  | 'audit'; // an auditor of the case's agency

interface Endpoint {
  method: 'get' | 'post' | 'put';
  /** The path as `/openapi.json` names it. */
  path: string;
  url: string;
  body?: object;
  roles: Role[];
  scope: Scope;
}

const ENDPOINTS: Endpoint[] = [
  { method: 'get', path: '/agencies/{agencyId}/cases', url: `/agencies/${A}/cases`, roles: ['coordinator'], scope: 'agency' },
  {
    method: 'get',
    path: '/agencies/{agencyId}/cases/attention',
    url: `/agencies/${A}/cases/attention`,
    roles: ['coordinator'],
    scope: 'agency',
  },
  {
    method: 'post',
    path: '/agencies/{agencyId}/cases/{caseId}/assignment',
    url: `/agencies/${A}/cases/${CASE}/assignment`,
    body: { advisorId: anna },
    roles: ['coordinator'],
    scope: 'agency',
  },
  {
    method: 'get',
    path: '/agencies/{agencyId}/deadlines',
    url: `/agencies/${A}/deadlines?state=due`,
    roles: ['coordinator'],
    scope: 'agency',
  },
  {
    method: 'get',
    path: '/agencies/{agencyId}/deadlines/compliance',
    url: `/agencies/${A}/deadlines/compliance`,
    roles: ['coordinator'],
    scope: 'agency',
  },
  { method: 'get', path: '/agencies/{agencyId}/retention', url: `/agencies/${A}/retention`, roles: ['coordinator'], scope: 'agency' },
  {
    method: 'put',
    path: '/agencies/{agencyId}/retention',
    url: `/agencies/${A}/retention`,
    body: { monthsAfterClosure: 12 },
    roles: ['coordinator'],
    scope: 'agency',
  },
  { method: 'get', path: '/cases/{caseId}', url: `/cases/${CASE}`, roles: ['advisor'], scope: 'assigned' },
  { method: 'get', path: '/advisors/me/cases', url: '/advisors/me/cases', roles: ['advisor'], scope: 'own' },
  { method: 'get', path: '/advisors/me/deadlines', url: '/advisors/me/deadlines', roles: ['advisor'], scope: 'own' },
  { method: 'get', path: '/advisors/me/handovers', url: '/advisors/me/handovers', roles: ['advisor'], scope: 'own' },
  ...caseWork('identity-reveals', { viewerId: anna, reason: 'matrix' }),
  ...caseWork('consultations', { colleagueId: DEMO_ADVISORS['advisor-bram'], question: 'matrix' }),
  { method: 'get', path: '/cases/{caseId}/consultations', url: `/cases/${CASE}/consultations`, roles: ['advisor'], scope: 'assigned' },
  { method: 'get', path: '/advisors/me/consultations', url: '/advisors/me/consultations', roles: ['advisor'], scope: 'own' },
  {
    method: 'post',
    path: '/consultations/{consultationId}/answer',
    url: `/consultations/${randomUUID()}/answer`,
    body: { answer: 'matrix' },
    roles: ['advisor'],
    scope: 'assigned', // only the colleague asked: every other advisor gets 404
  },
  ...caseWork('handover/acceptance'),
  ...caseWork('handover/refusal'),
  ...caseWork('acknowledgement'),
  ...caseWork('declination', { conflictWith: 'organisation' }),
  ...caseWork('conversations', { heldOn: today, minutes: 30, mode: 'video', summary: 'matrix' }),
  {
    method: 'post',
    path: '/cases/{caseId}/summaries/{summaryId}/share',
    url: `/cases/${CASE}/summaries/${randomUUID()}/share`,
    roles: ['advisor'],
    scope: 'assigned',
  },
  ...caseWork('advice', { text: 'matrix' }),
  {
    method: 'post',
    path: '/cases/{caseId}/summaries/{summaryId}/versions',
    url: `/cases/${CASE}/summaries/${randomUUID()}/versions`,
    body: { summary: 'matrix' },
    roles: ['advisor'],
    scope: 'assigned',
  },
  ...caseWork('consents', { scope: 'referral', referralType: 'police', conversationId: randomUUID() }),
  ...caseWork('legal-duties', { reason: 'danger-to-life', scope: 'formal-report', explanation: 'matrix' }),
  ...caseWork('referrals', { referralType: 'company-doctor' }),
  ...caseWork('formal-report'),
  ...caseWork('hours', { workedOn: today, minutes: 5, activity: 'advice' }),
  ...caseWork('closure', { outcome: 'referred' }),
  ...caseWork('reopening'),
  ...caseWork('messages', { text: 'matrix' }),
  ...caseWork('feedback', { feedback: 'matrix' }),
  ...caseWork('aftercare', { plannedFor: today, plan: 'matrix' }),
  {
    method: 'post',
    path: '/cases/{caseId}/aftercare/{aftercareId}/completion',
    url: `/cases/${CASE}/aftercare/${randomUUID()}/completion`,
    body: { note: 'matrix' },
    roles: ['advisor'],
    scope: 'assigned',
  },
  ...caseWork('transfer', { toAdvisorId: DEMO_ADVISORS['advisor-bram'], reason: 'matrix' }),
  { method: 'post', path: '/cases/{caseId}/erasure', url: `/cases/${CASE}/erasure`, roles: ['admin', 'advisor'], scope: 'assigned' },
  {
    method: 'get',
    path: '/audits/{auditId}/cases/{caseId}/replay',
    url: `/audits/${randomUUID()}/cases/${CASE}/replay`,
    roles: ['auditor'],
    scope: 'audit',
  },
];

/** Declared public (health for load balancers); everything else must be in the matrix. */
const PUBLIC = ['get /health/live', 'get /health/ready'];

function caseWork(action: string, body?: object): Endpoint[] {
  return [
    {
      method: 'post',
      path: `/cases/{caseId}/${action}`,
      url: `/cases/${CASE}/${action}`,
      ...(body ? { body } : {}),
      roles: ['advisor'],
      scope: 'assigned',
    },
  ];
}

/** The callers besides the demo users: tokens that look close to an allowed one but are not. */
const OTHER_AGENCY = randomUUID();
const EXTRA_CALLERS = [
  'anonymous',
  'not-a-jwt',
  'expired-advisor-anna',
  'coordinator-other-agency',
  'auditor-other-agency',
  'advisor-without-id',
  'reporter-this-case',
  'reporter-other-case',
] as const;
const CALLERS = [...DEMO_USERS.map((u) => u.username), ...EXTRA_CALLERS];
const rolesOf = (caller: string): Role[] =>
  DEMO_USERS.find((u) => u.username === caller)?.roles ??
  (
    { 'coordinator-other-agency': ['coordinator'], 'auditor-other-agency': ['auditor'], 'advisor-without-id': ['advisor'] } as Record<
      string,
      Role[]
    >
  )[caller] ??
  [];

/** The status a caller must get, or `allowed` when the caller may reach the endpoint (not called here). */
function expected(endpoint: Endpoint, caller: string): number | 'allowed' {
  if (['anonymous', 'not-a-jwt', 'expired-advisor-anna'].includes(caller)) return 401;
  if (caller.startsWith('reporter-')) return 403;
  const roles = rolesOf(caller);
  if (!endpoint.roles.some((role) => roles.includes(role))) return 403;
  if (roles.includes('admin') && endpoint.roles.includes('admin')) return 'allowed';
  switch (endpoint.scope) {
    case 'agency':
      return caller === 'coordinator-carla' ? 'allowed' : 403;
    case 'assigned':
      return caller === 'advisor-anna' ? 'allowed' : 404;
    case 'own':
      return caller === 'advisor-without-id' ? 404 : 'allowed';
    case 'audit':
      return caller === 'auditor-ada' ? 'allowed' : 404;
  }
}

const CELLS = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.map((caller) => [`${endpoint.method.toUpperCase()} ${endpoint.path}`, caller, expected(endpoint, caller), endpoint] as const),
).filter((cell): cell is readonly [(typeof cell)[0], string, number, Endpoint] => cell[2] !== 'allowed');

describe('case service: authorisation matrix', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const tokens = new Map<string, string>();
  let historyBefore: string[];

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('case_matrix');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'vertrouwd-case-matrix-')),
      PORT: '0',
      REPORTER_TOKEN_SECRET: REPORTER_SECRET,
    };
    service = await startService({ ...caseService, logger: false }, env);
    await publishDemoCounsellors(service);

    for (const user of DEMO_USERS) tokens.set(user.username, await issuer.mintToken(user.username));
    const past = Math.floor(Date.now() / 1000) - 3600;
    tokens.set('not-a-jwt', 'not-a-jwt');
    tokens.set('expired-advisor-anna', await issuer.mintToken({ ...issuer.claimsFor('advisor-anna'), iat: past - 300, exp: past }));
    tokens.set('coordinator-other-agency', await issuer.mintToken({ agency_id: OTHER_AGENCY, realm_access: { roles: ['coordinator'] } }));
    tokens.set('auditor-other-agency', await issuer.mintToken({ agency_id: OTHER_AGENCY, realm_access: { roles: ['auditor'] } }));
    tokens.set('advisor-without-id', await issuer.mintToken({ agency_id: A, realm_access: { roles: ['advisor'] } }));
    const reporterTokens = new ReporterTokens({ secretOrKey: REPORTER_SECRET });
    tokens.set('reporter-this-case', await reporterTokens.issue({ caseId: CASE }));
    tokens.set('reporter-other-case', await reporterTokens.issue({ caseId: randomUUID() }));

    // The one case: opened from intake's event, assigned to advisor-anna by the agency's coordinator.
    const sealedAccount = await service.platform.privacy.sealer.seal('matrix account', caseKey(CASE));
    const payload = {
      caseId: CASE,
      agencyId: A,
      organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
      theme: 'bullying',
      relation: 'manager',
      anonymity: 'anonymous',
      contactChannel: 'platform',
      language: 'nl',
      preferredAdvisorGender: 'any',
      preferredAdvisorKind: 'any',
      consentVersion: 'v1',
      receivedAt: new Date().toISOString(),
      sealedAccount,
    };
    const event = {
      eventId: randomUUID(),
      type: ReportSubmittedV1.type,
      version: 1,
      occurredAt: new Date().toISOString(),
      key: CASE,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      payload,
    };
    service.platform.contracts.validate(event);
    await service.platform.bus.publish([toMessage(event)]);
    const carla = `Bearer ${tokens.get('coordinator-carla')}`;
    await eventually(() =>
      request(service.url)
        .post(`/agencies/${A}/cases/${CASE}/assignment`)
        .set('Authorization', carla)
        .send({ advisorId: anna })
        .expect(204),
    );
    historyBefore = (await service.platform.store.readStream(`case-${CASE}`)).map((e) => e.type);
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  const call = (endpoint: Endpoint, caller: string) => {
    const req = request(service.url)[endpoint.method](endpoint.url);
    const token = tokens.get(caller);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return endpoint.body ? req.send(endpoint.body) : req;
  };

  it('lists every endpoint of the service (a new one fails here until it is in the matrix)', async () => {
    const { body } = await request(service.url).get('/openapi.json').expect(200);
    const documented = Object.entries(body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    const listed = [...ENDPOINTS.map((e) => `${e.method} ${e.path}`), ...PUBLIC];
    expect([...listed].sort()).toEqual([...documented].sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const endpoint of PUBLIC) await request(service.url).get(endpoint.split(' ')[1]).expect(200);
  });

  it('has a denied caller of every kind on some endpoint', () => {
    const callers = new Set(CELLS.map(([, caller]) => caller));
    expect([...callers].sort()).toEqual([...CALLERS].sort());
    expect(new Set(CELLS.map(([, , status]) => status))).toEqual(new Set([401, 403, 404]));
  });

  it.each(CELLS)('%s by %s: %i', async (_name, caller, status, endpoint) => {
    const response = await call(endpoint, caller);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    // A refusal says why without naming the case, the agency or the advisor (`instance` is the caller's own path).
    for (const id of [CASE, A, anna, OTHER_AGENCY]) expect(JSON.stringify({ ...response.body, instance: undefined })).not.toContain(id);
    if (status === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('gives advisors only their own cases and deadlines: advisor-bram sees nothing of this case', async () => {
    const bram = `Bearer ${tokens.get('advisor-bram')}`;
    const cases = await request(service.url).get('/advisors/me/cases').set('Authorization', bram).expect(200);
    const deadlines = await request(service.url).get('/advisors/me/deadlines').set('Authorization', bram).expect(200);
    expect(JSON.stringify([cases.body, deadlines.body])).not.toContain(CASE);
    const annas = await request(service.url)
      .get('/advisors/me/cases')
      .set('Authorization', `Bearer ${tokens.get('advisor-anna')}`)
      .expect(200);
    expect(annas.body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([CASE]);
  });

  it('gives a coordinator of another agency nothing of this case through their own agency\u2019s paths', async () => {
    const other = `Bearer ${tokens.get('coordinator-other-agency')}`;
    const base = `/agencies/${OTHER_AGENCY}`;
    await request(service.url).post(`${base}/cases/${CASE}/assignment`).set('Authorization', other).send({ advisorId: anna }).expect(404);
    const cases = await request(service.url).get(`${base}/cases`).set('Authorization', other).expect(200);
    const deadlines = await request(service.url).get(`${base}/deadlines`).set('Authorization', other).expect(200);
    expect(cases.body.cases).toEqual([]);
    expect(deadlines.body.deadlines).toEqual([]);
  });

  it('changed nothing: the case\u2019s history is as before, and nobody read it', async () => {
    expect((await service.platform.store.readStream(`case-${CASE}`)).map((e) => e.type)).toEqual(historyBefore);
    expect(historyBefore).toEqual(['CaseOpened', 'AdvisorAssigned']);
    expect(await service.platform.store.readStream(`access-${CASE}`)).toEqual([]);
  });
});
