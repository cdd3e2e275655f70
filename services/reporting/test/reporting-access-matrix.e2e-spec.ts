import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  DEMO_AGENCY_2_ID,
  DEMO_AGENCY_2_ORGANISATIONS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
  DEMO_USERS,
  ReporterTokens,
  startDevIssuer,
  type DevIssuer,
  type Role,
} from '@vertrouwd/auth';
import { CaseOpenedV1, OrganisationPublishedV1 } from '@vertrouwd/contracts';
import { publishAs } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { FactsJournal } from '../src/application/reporting.repositories';
import { reportingService } from '../src/service';

// The authorisation matrix of reporting, with two agencies that each have a client organisation with a published
// report. Every endpoint of /openapi.json is called for each agency by every caller that must not reach it; afterwards
// reporting's streams are exactly as they were. The agency's endpoints let in the roles they declare of that agency
// only; the employer contact reaches only their own organisation's published reports.

const REPORTER_SECRET = 'reporting-matrix-reporter-secret-of-at-least-32-bytes';

interface Target {
  name: string;
  agencyId: string;
  organisationId: string;
}
const TARGETS: Target[] = [
  { name: 'agency-demo', agencyId: DEMO_AGENCY_ID, organisationId: DEMO_ORGANISATIONS['org-bakkerij'] },
  { name: 'agency-noord', agencyId: DEMO_AGENCY_2_ID, organisationId: DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'] },
];

interface Endpoint {
  method: 'get' | 'post' | 'put';
  path: string;
  url: string;
  body?: object;
  roles: Role[];
  scope: 'agency' | 'organisation';
}

const PDF_QUERY = '?language=nl&audience=works-council';
const withQuery = (endpoint: Endpoint, query: string): Endpoint => ({ ...endpoint, url: `${endpoint.url}${query}` });

function endpointsOf(t: Target): Endpoint[] {
  const agency = (method: Endpoint['method'], path: string, roles: Role[], body?: object): Endpoint => ({
    method,
    path: `/agencies/{agencyId}/organisations/{organisationId}/reports${path.replace('2025', '{year}').replace('/1', '/{publication}')}`,
    url: `/agencies/${t.agencyId}/organisations/${t.organisationId}/reports${path}`,
    ...(body ? { body } : {}),
    roles,
    scope: 'agency',
  });
  const employer = (path: string): Endpoint => ({
    method: 'get',
    path: `/organisations/{organisationId}/reports${path.replace('2025', '{year}')}`,
    url: `/organisations/${t.organisationId}/reports${path}`,
    roles: ['employer'],
    scope: 'organisation',
  });
  return [
    agency('get', '', ['coordinator', 'advisor', 'auditor']),
    agency('get', '/2025/draft', ['coordinator', 'advisor']),
    agency('put', '/2025/narrative', ['coordinator', 'advisor'], { signals: 'Matrix', advice: 'Matrix' }),
    agency('post', '/2025/publications', ['coordinator']),
    agency('get', '/2025/publications/1', ['coordinator', 'advisor', 'auditor']),
    agency('get', '/2025/publications/1/reproduction', ['auditor', 'coordinator']),
    withQuery(agency('get', '/2025/publications/1/pdf', ['coordinator', 'advisor', 'auditor']), PDF_QUERY),
    employer(''),
    employer('/2025'),
    employer('/2025/csv'),
    withQuery(employer('/2025/pdf'), PDF_QUERY),
    // The compliance view and benchmarks (ADR 0035).
    {
      method: 'get',
      path: '/agencies/{agencyId}/organisations/{organisationId}/compliance/{year}',
      url: `/agencies/${t.agencyId}/organisations/${t.organisationId}/compliance/2025`,
      roles: ['coordinator', 'advisor', 'auditor'],
      scope: 'agency',
    },
    {
      method: 'get',
      path: '/agencies/{agencyId}/benchmarks/{year}',
      url: `/agencies/${t.agencyId}/benchmarks/2025`,
      roles: ['coordinator', 'advisor', 'auditor'],
      scope: 'agency',
    },
    // The agency's disclosure rules (ADR 0063): its staff read them, its coordinator sets them.
    {
      method: 'get',
      path: '/agencies/{agencyId}/disclosure-rules',
      url: `/agencies/${t.agencyId}/disclosure-rules`,
      roles: ['coordinator', 'advisor', 'auditor'],
      scope: 'agency',
    },
    {
      method: 'put',
      path: '/agencies/{agencyId}/disclosure-rules',
      url: `/agencies/${t.agencyId}/disclosure-rules`,
      body: { k: 6 },
      roles: ['coordinator'],
      scope: 'agency',
    },
    {
      method: 'get',
      path: '/organisations/{organisationId}/compliance/{year}',
      url: `/organisations/${t.organisationId}/compliance/2025`,
      roles: ['employer'],
      scope: 'organisation',
    },
    {
      method: 'get',
      path: '/organisations/{organisationId}/benchmarks/{year}',
      url: `/organisations/${t.organisationId}/benchmarks/2025`,
      roles: ['employer'],
      scope: 'organisation',
    },
  ];
}

const PUBLIC = ['get /health/live', 'get /health/ready', 'get /report-signing-keys'];
const CALLERS = [...DEMO_USERS.map((u) => u.username), 'anonymous', 'not-a-jwt', 'reporter'];

function expected(endpoint: Endpoint, caller: string, t: Target): number | 'allowed' {
  if (['anonymous', 'not-a-jwt'].includes(caller)) return 401;
  const user = DEMO_USERS.find((u) => u.username === caller);
  if (!user || !endpoint.roles.some((role) => user.roles.includes(role))) return 403;
  const own = endpoint.scope === 'agency' ? user.agencyId === t.agencyId : user.organisationId === t.organisationId;
  return own ? 'allowed' : 403;
}

type Cell = readonly [string, string, number, Endpoint];
const CELLS = TARGETS.flatMap((t) =>
  endpointsOf(t).flatMap((endpoint) =>
    CALLERS.map((caller): readonly [string, string, number | 'allowed', Endpoint] => [
      `${t.name}: ${endpoint.method.toUpperCase()} ${endpoint.path}`,
      caller,
      expected(endpoint, caller, t),
      endpoint,
    ]),
  ),
).filter((cell): cell is Cell => cell[2] !== 'allowed');
// The agency's endpoints on a publication or its making, called by every caller the endpoint lets in with their own
// agency in the path and the other agency's organisation: the guard sees only the agency, the service the organisation.
const other = (t: Target) => (t === TARGETS[0] ? TARGETS[1] : TARGETS[0]);
const INTRUDER = { signals: 'Intruder signals', advice: 'Intruder advice' };
const CROSSED = TARGETS.flatMap((t) =>
  endpointsOf(t)
    .filter((endpoint) => endpoint.scope === 'agency' && /\/reports\/\{year\}\/./.test(endpoint.path))
    .flatMap((endpoint) => {
      const crossed: Endpoint = {
        ...endpoint,
        url: endpoint.url.replace(`/organisations/${t.organisationId}/`, `/organisations/${other(t).organisationId}/`),
        ...(endpoint.body ? { body: INTRUDER } : {}),
      };
      return CALLERS.filter((caller) => expected(endpoint, caller, t) === 'allowed').map(
        (caller) => [`${t.name}: ${endpoint.method.toUpperCase()} ${endpoint.path}`, caller, crossed] as const,
      );
    }),
);
/** Every id of both agencies: a refusal names none of them. */
const IDS = TARGETS.flatMap((t) => [t.agencyId, t.organisationId, `matrix-${t.name}`]);

// Reads are also called by every caller they let in (of both agencies): each answers 200, only ever for its own.
const ALLOWED_READS = TARGETS.flatMap((t) =>
  endpointsOf(t)
    .filter((endpoint) => endpoint.method === 'get')
    .flatMap((endpoint) =>
      CALLERS.filter((caller) => expected(endpoint, caller, t) === 'allowed').map(
        (caller) => [`${t.name}: GET ${endpoint.path}`, caller, endpoint] as const,
      ),
    ),
);

describe('reporting service: authorisation matrix, two agencies', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const tokens = new Map<string, string>();
  let before: string[] = [];
  const api = () => request(service.url);
  const streams = () =>
    service.platform.store.readAll({ categories: ['reports', 'facts', 'disclosurerules'] }).then((events) => events.map((e) => e.id));

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('reporting_matrix');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      REPORTER_TOKEN_SECRET: REPORTER_SECRET,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'reporting-matrix-')),
      PORT: '0',
    };
    service = await startService({ ...reportingService, logger: false }, env);
    for (const t of TARGETS) {
      await publishAs(service.platform.bus, OrganisationPublishedV1, t.organisationId, {
        organisationId: t.organisationId,
        agencyId: t.agencyId,
        version: 1,
        status: 'active',
        sealedName: await service.platform.privacy.sealer.seal('Matrix', caseKey(`directory:organisation:${t.organisationId}`)),
        intakeCode: `matrix-${t.name}`,
        kvkNumber: '30111222',
        sbiCode: '1071',
        headcount: 40,
        headcountFrom: '2025-01-01',
        wbkObliged: false,
        pendingBillObliged: true,
        regions: [],
        languages: ['nl'],
        internalCounsellorIds: [],
        changedAt: new Date().toISOString(),
      });
      for (let n = 0; n < 6; n += 1) {
        const caseId = randomUUID();
        await publishAs(service.platform.bus, CaseOpenedV1, caseId, {
          caseId,
          agencyId: t.agencyId,
          organisationId: t.organisationId,
          theme: 'bullying',
          relation: 'colleague',
          anonymity: 'anonymous',
          receivedAt: '2025-05-05T10:00:00Z',
          openedAt: '2025-05-05T10:00:00Z',
        });
      }
    }
    for (const t of TARGETS)
      await eventually(async () => expect((await service.app.get(FactsJournal).read(t.organisationId)).facts).toHaveLength(7));
    for (const user of DEMO_USERS) tokens.set(user.username, await issuer.mintToken(user.username));
    tokens.set('not-a-jwt', 'not-a-jwt');
    tokens.set('reporter', await new ReporterTokens({ secretOrKey: REPORTER_SECRET }).issue({ caseId: randomUUID() }));
    for (const [t, coordinator] of [
      [TARGETS[0], 'coordinator-carla'],
      [TARGETS[1], 'coordinator-noor'],
    ] as const) {
      await api()
        .post(`/agencies/${t.agencyId}/organisations/${t.organisationId}/reports/2025/publications`)
        .set('Authorization', `Bearer ${tokens.get(coordinator)}`)
        .expect(201);
    }
    before = await streams();
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('lists every endpoint of the service (a new one fails here until it is in the matrix)', async () => {
    const { body } = await api().get('/openapi.json').expect(200);
    const documented = Object.entries(body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect([...endpointsOf(TARGETS[0]).map((e) => `${e.method} ${e.path}`), ...PUBLIC].sort()).toEqual([...documented].sort());
  });

  it.each(CELLS)('%s by %s: %i', async (_name, caller, status, endpoint) => {
    const req = api()[endpoint.method](endpoint.url);
    const token = tokens.get(caller);
    if (token) req.set('Authorization', `Bearer ${token}`);
    const response = await (endpoint.body ? req.send(endpoint.body) : req);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    // A refusal says why without naming an agency or an organisation (`instance` is the route template).
    const said = JSON.stringify(response.body);
    for (const id of IDS) expect(said).not.toContain(id);
    if (status === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('crosses each of the six endpoints by every role it lets in', () => {
    expect(new Set(CROSSED.map(([name]) => name)).size).toBe(12);
    expect(new Set(CROSSED.map(([, caller]) => caller))).toEqual(
      new Set(['coordinator-carla', 'advisor-anna', 'advisor-bram', 'auditor-ada', 'coordinator-noor', 'advisor-nina', 'auditor-nadia']),
    );
  });

  it.each(CROSSED)("%s by %s, naming the other agency's organisation on its own agency's path: 404", async (_name, caller, endpoint) => {
    const req = api()
      [endpoint.method](endpoint.url)
      .set('Authorization', `Bearer ${tokens.get(caller)}`);
    const response = await (endpoint.body ? req.send(endpoint.body) : req);
    expect([response.status, response.body.rule]).toEqual([404, 'OtherAgencyError']);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const said = JSON.stringify(response.body);
    for (const id of IDS) expect(said).not.toContain(id);
  });

  it.each(ALLOWED_READS)('%s by %s: 200', async (_name, caller, endpoint) => {
    const response = await api()
      .get(endpoint.url)
      .set('Authorization', `Bearer ${tokens.get(caller)}`);
    expect(response.status).toBe(200);
  });

  // The report-signing key is public: every caller of either agency, an employer, a reporter, a bad token and no
  // token at all get the same key.
  it.each(CALLERS)('GET /report-signing-keys by %s: 200, the same key', async (caller) => {
    const req = api().get('/report-signing-keys');
    const token = tokens.get(caller);
    if (token) req.set('Authorization', `Bearer ${token}`);
    const response = await req;
    expect(response.status).toBe(200);
    const anonymous = await api().get('/report-signing-keys').expect(200);
    expect(response.body).toEqual(anonymous.body);
    expect(response.body.keys).toHaveLength(1);
  });

  it('wrote nothing for any refused caller', async () => {
    expect(await streams()).toEqual(before);
    // Each agency's own coordinator finds its organisation's one publication, and no intruder's narrative in the draft.
    for (const [t, coordinator] of [
      [TARGETS[0], 'coordinator-carla'],
      [TARGETS[1], 'coordinator-noor'],
    ] as const) {
      const base = `/agencies/${t.agencyId}/organisations/${t.organisationId}/reports`;
      const auth = `Bearer ${tokens.get(coordinator)}`;
      const listed = await api().get(base).set('Authorization', auth).expect(200);
      expect(listed.body.publications.map((p: { year: number; publication: number }) => [p.year, p.publication])).toEqual([[2025, 1]]);
      const draft = await api().get(`${base}/2025/draft`).set('Authorization', auth).expect(200);
      expect(JSON.stringify(draft.body)).not.toContain('Intruder');
    }
  });
});
