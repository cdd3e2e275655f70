import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_USERS, ReporterTokens, type Role } from '@vertrouwd/auth';
import { eventually } from '@vertrouwd/testing';
import {
  AGREEMENT,
  countPageVisits,
  day,
  detailsBody,
  makeTargets,
  onboardBody,
  profileBody,
  REPORTER_SECRET,
  reportAndAwaitMatch,
  secretsOf,
  setUpAgency,
  startMatching,
  streamsOf,
  type MatchingHarness,
  type Target,
  VISIT_DAY,
} from './matching-agencies.fixture';

// The authorisation matrix of the matching service, with two real agencies made through its API (agency-demo and
// agency-noord: counsellors, an organisation, who serves it, an absence, a conflict, an agreement, a workshop, a
// matched report each). Every endpoint of /openapi.json is called for each agency by every caller that must not
// reach it; afterwards the agency's event streams are exactly as they were.
//
// Allowed callers are not called here (their behaviour is matching.e2e-spec.ts's subject). Every other caller gets:
// 401 without a valid token; 403 for a role the endpoint does not declare (the agency's own advisors, employer and
// auditor on the coordinator's endpoints, a coordinator on the admin's, the admin on the coordinator's), for the
// other agency's coordinator or auditor (tenant scope on /agencies/:agencyId), and for a reporter token (matching
// has no reporter endpoints). The organisations' names are the agency's auditor's alone (the coordinator reads them
// in the full list). /counsellors/me lets every advisor in, acting on their own record only: the other agency's
// advisor naming this agency's organisation or counsellor gets 404 or 422, and a token without an advisor id 404.

const [DEMO, NOORD] = makeTargets();
const TARGETS = [DEMO, NOORD] as const;
const other = (t: Target) => (t === DEMO ? NOORD : DEMO);

type Scope =
  | 'platform' // the admin's tenants
  | 'agency' // the coordinator of the agency in the path
  | 'audit' // the auditor of the agency in the path
  | 'self'; // any advisor, on their own record

interface Endpoint {
  method: 'get' | 'post' | 'put' | 'delete';
  /** The path as /openapi.json names it. */
  path: string;
  url: string;
  body?: object;
  roles: Role[];
  scope: Scope;
  /** On a `self` endpoint: what the other agency's advisor gets (`allowed`: their own record, nothing of ours). */
  foreignAdvisor?: number | 'allowed';
  /** On a `self` endpoint: what an advisor token without an advisor id gets. */
  withoutAdvisorId?: number;
}

/** Declared public (health for load balancers); everything else must be in the matrix. */
const PUBLIC = ['get /health/live', 'get /health/ready'];

/** Every endpoint of the service aimed at the target agency's data; bodies well-formed. */
function endpointsOf(t: Target): Endpoint[] {
  const [first, second] = t.counsellors;
  const platform = (method: Endpoint['method'], path: string, url: string, body?: object): Endpoint => ({
    method,
    path: `/platform/agencies${path}`,
    url: `/platform/agencies${url}`,
    ...(body ? { body } : {}),
    roles: ['admin'],
    scope: 'platform',
  });
  const agency = (method: Endpoint['method'], path: string, url: string, body?: object): Endpoint => ({
    method,
    path: `/agencies/{agencyId}${path}`,
    url: `/agencies/${t.agencyId}${url}`,
    ...(body ? { body } : {}),
    roles: ['coordinator'],
    scope: 'agency',
  });
  const self = (method: Endpoint['method'], path: string, foreignAdvisor: number | 'allowed', withoutAdvisorId: number, body?: object) => ({
    method,
    path: `/counsellors/me${path}`,
    url: `/counsellors/me${path}`,
    ...(body ? { body } : {}),
    roles: ['advisor'] as Role[],
    scope: 'self' as const,
    foreignAdvisor,
    withoutAdvisorId,
  });
  const c = `/counsellors/${second.counsellorId}`;
  const o = `/organisations/${t.organisationId}`;
  const intruder = {
    counsellorId: randomUUID(),
    username: 'matrix-intruder',
    name: 'Matrix',
    introduction: 'Matrix',
    gender: 'male' as const,
  };
  const engagement = { kind: 'workshop', on: day(-1), minutes: 30, description: 'matrix' };
  return [
    platform('get', '', ''),
    platform('post', '', '', { name: 'Matrix', poolMatching: true, languages: ['nl'] }),
    platform('get', '/{agencyId}', `/${t.agencyId}`),
    platform('post', '/{agencyId}/suspension', `/${t.agencyId}/suspension`),
    platform('post', '/{agencyId}/reinstatement', `/${t.agencyId}/reinstatement`),
    platform('post', '/{agencyId}/coordinators', `/${t.agencyId}/coordinators`, { username: 'matrix-intruder', email: 'm@example.org' }),
    agency('get', '/settings', '/settings'),
    agency('put', '/settings', '/settings', { poolMatching: false, languages: ['nl'] }),
    agency('get', '/counsellors', '/counsellors'),
    agency('post', '/counsellors', '/counsellors', onboardBody(intruder, t.region)),
    agency('get', '/counsellors/{counsellorId}', c),
    agency('put', '/counsellors/{counsellorId}/profile', `${c}/profile`, profileBody(intruder, t.region)),
    agency('post', '/counsellors/{counsellorId}/deactivation', `${c}/deactivation`),
    agency('post', '/counsellors/{counsellorId}/reactivation', `${c}/reactivation`),
    agency('post', '/counsellors/{counsellorId}/absences', `${c}/absences`, { from: day(1), until: day(2) }),
    agency('delete', '/counsellors/{counsellorId}/absences/{absenceId}', `${c}/absences/${t.absenceId}`),
    agency('post', '/counsellors/{counsellorId}/conflicts', `${c}/conflicts`, { organisationId: t.organisationId }),
    agency(
      'delete',
      '/counsellors/{counsellorId}/conflicts/{conflictId}',
      `/counsellors/${t.counsellors.at(-1)!.counsellorId}/conflicts/${t.conflictId}`,
    ),
    agency('get', '/organisations', '/organisations'),
    agency('post', '/organisations', '/organisations', { ...detailsBody({ ...t, intakeCode: 'matrix-intruder' }), headcount: 5 }),
    agency('get', '/organisations/{organisationId}', o),
    agency('put', '/organisations/{organisationId}/details', `${o}/details`, detailsBody({ ...t, organisationName: 'Matrix' })),
    agency('post', '/organisations/{organisationId}/headcount', `${o}/headcount`, { headcount: 7, from: day(1) }),
    agency('put', '/organisations/{organisationId}/appointment', `${o}/appointment`, {
      primaryId: second.counsellorId,
      substituteId: first.counsellorId,
      internalIds: [],
    }),
    agency('post', '/organisations/{organisationId}/appointment/matching', `${o}/appointment/matching`),
    agency('post', '/organisations/{organisationId}/agreements', `${o}/agreements`, AGREEMENT),
    agency('get', '/organisations/{organisationId}/engagements', `${o}/engagements`),
    agency('post', '/organisations/{organisationId}/engagements', `${o}/engagements`, { counsellorId: first.counsellorId, ...engagement }),
    agency('get', '/matches', '/matches?state=all'),
    { ...agency('get', '/organisation-names', '/organisation-names'), roles: ['auditor'], scope: 'audit' },
    agency('get', '/matches/{caseId}', `/matches/${t.caseId}`),
    self('get', '', 'allowed', 404),
    self('get', '/colleagues', 'allowed', 404),
    // The other agency's advisor names this agency's counsellor as stand-in, its organisation as conflict and work.
    self('post', '/absences', 422, 404, { from: day(1), until: day(2), substituteId: first.counsellorId }),
    self('post', '/conflicts', 404, 404, { organisationId: t.organisationId }),
    // Without an advisor id the organisation is found (the token's agency) but nobody serves it by that id.
    self('post', '/engagements', 404, 422, { organisationId: t.organisationId, ...engagement }),
  ];
}

const EXTRA_CALLERS = ['anonymous', 'not-a-jwt', 'expired-coordinator', 'advisor-without-id', 'reporter'];
const CALLERS = [...DEMO_USERS.map((u) => u.username), ...EXTRA_CALLERS];
const rolesOf = (caller: string): Role[] =>
  DEMO_USERS.find((u) => u.username === caller)?.roles ?? (caller === 'advisor-without-id' ? ['advisor'] : []);
const agencyOf = (caller: string, t: Target) =>
  caller === 'advisor-without-id' ? t.agencyId : DEMO_USERS.find((u) => u.username === caller)?.agencyId;

/** The status a caller must get, or `allowed` when the caller may reach the endpoint (not called here). */
function expected(endpoint: Endpoint, caller: string, t: Target): number | 'allowed' {
  if (['anonymous', 'not-a-jwt', 'expired-coordinator'].includes(caller)) return 401;
  if (caller === 'reporter') return 403;
  if (!endpoint.roles.some((role) => rolesOf(caller).includes(role))) return 403;
  switch (endpoint.scope) {
    case 'platform':
      return 'allowed';
    case 'agency':
      return caller === t.coordinator ? 'allowed' : 403;
    case 'audit':
      return caller === t.auditor ? 'allowed' : 403;
    case 'self':
      if (caller === 'advisor-without-id') return endpoint.withoutAdvisorId!;
      return agencyOf(caller, t) === t.agencyId ? 'allowed' : endpoint.foreignAdvisor!;
  }
}

type Cell = readonly [name: string, caller: string, status: number, endpoint: Endpoint, target: Target];
const CELLS = TARGETS.flatMap((t) =>
  endpointsOf(t).flatMap((endpoint) =>
    CALLERS.map((caller): readonly [string, string, number | 'allowed', Endpoint, Target] => [
      `${t.agency}: ${endpoint.method.toUpperCase()} ${endpoint.path}`,
      caller,
      expected(endpoint, caller, t),
      endpoint,
      t,
    ]),
  ),
).filter((cell): cell is Cell => cell[2] !== 'allowed');

describe('matching service: authorisation matrix, two agencies', () => {
  let h: MatchingHarness;
  const tokens = new Map<string, string>();
  const before = new Map<Target, Awaited<ReturnType<typeof streamsOf>>>();
  const api = () => request(h.service.url);
  const bearer = (caller: string) => `Bearer ${tokens.get(caller)}`;
  const tokenOf = (caller: string, t: Target) =>
    ['expired-coordinator', 'advisor-without-id', 'reporter'].includes(caller) ? tokens.get(`${caller}@${t.agency}`) : tokens.get(caller);

  beforeAll(async () => {
    h = await startMatching('matching-matrix');
    for (const t of TARGETS) await setUpAgency(h, t);
    for (const t of TARGETS) await reportAndAwaitMatch(h, t);
    for (const t of TARGETS) await countPageVisits(h, t);

    for (const user of DEMO_USERS) tokens.set(user.username, await h.issuer.mintToken(user.username));
    for (const t of TARGETS) for (const c of t.counsellors) tokens.set(c.username, await h.issuer.mintToken(c.username));
    tokens.set('not-a-jwt', 'not-a-jwt');
    const past = Math.floor(Date.now() / 1000) - 3600;
    const reporters = new ReporterTokens({ secretOrKey: REPORTER_SECRET });
    for (const t of TARGETS) {
      const expired = { ...h.issuer.claimsFor(t.coordinator), iat: past - 300, exp: past };
      tokens.set(`expired-coordinator@${t.agency}`, await h.issuer.mintToken(expired));
      tokens.set(
        `advisor-without-id@${t.agency}`,
        await h.issuer.mintToken({ agency_id: t.agencyId, realm_access: { roles: ['advisor'] } }),
      );
      tokens.set(`reporter@${t.agency}`, await reporters.issue({ caseId: t.caseId }));
    }
    for (const t of TARGETS) before.set(t, await streamsOf(h, t));
  });
  afterAll(async () => {
    await h?.close();
  });

  const call = (endpoint: Endpoint, caller: string, t: Target) => {
    // The URL as of now: ids the service chose (the conflict's) are known only after the set-up.
    const { url } = endpointsOf(t).find((e) => e.method === endpoint.method && e.path === endpoint.path)!;
    const req = api()[endpoint.method](url);
    const token = tokenOf(caller, t);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return endpoint.body ? req.send(endpoint.body) : req;
  };

  it('lists every endpoint of the service (a new one fails here until it is in the matrix)', async () => {
    const { body } = await api().get('/openapi.json').expect(200);
    const documented = Object.entries(body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    for (const t of TARGETS) {
      const listed = [...endpointsOf(t).map((e) => `${e.method} ${e.path}`), ...PUBLIC];
      expect([...listed].sort()).toEqual([...documented].sort());
      expect(new Set(listed).size).toBe(listed.length);
    }
    for (const endpoint of PUBLIC) await api().get(endpoint.split(' ')[1]).expect(200);
  });

  it('has a denied caller of every kind on some endpoint, and refuses the other agency everything but its own record', () => {
    expect(new Set(CELLS.map(([, caller]) => caller))).toEqual(new Set(CALLERS));
    expect(new Set(CELLS.map(([, , status]) => status))).toEqual(new Set([401, 403, 404, 422]));
    for (const t of TARGETS) {
      const foreign = DEMO_USERS.filter((u) => u.agencyId === other(t).agencyId || u.username === other(t).employer);
      expect([...new Set(foreign.flatMap((u) => u.roles))].sort()).toEqual(['advisor', 'auditor', 'coordinator', 'employer']);
      for (const endpoint of endpointsOf(t)) {
        for (const user of foreign) {
          const status = expected(endpoint, user.username, t);
          if (endpoint.scope === 'self' && endpoint.method === 'get' && user.roles.includes('advisor')) expect(status).toBe('allowed');
          else expect([403, 404, 422]).toContain(status);
        }
      }
    }
  });

  it.each(CELLS)('%s by %s: %i', async (_name, caller, status, endpoint, t) => {
    const response = await call(endpoint, caller, t);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    // A refusal says why without naming the agency's ids, names or texts (`instance` is the route template).
    const said = JSON.stringify(response.body);
    for (const secret of secretsOf(t)) expect(said).not.toContain(secret);
    if (status === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  describe.each(TARGETS.map((t) => [t.agency, t] as const))('%s, listing its own agency', (_agency, own) => {
    const foreign = other(own);
    const get = async (path: string, caller = own.coordinator) =>
      (await api().get(path).set('Authorization', bearer(caller)).expect(200)).body;

    it("gives the coordinator its own counsellors, organisations, engagements and matches, nothing of the other agency's", async () => {
      const base = `/agencies/${own.agencyId}`;
      const [counsellors, organisations, engagements, matches] = await Promise.all([
        get(`${base}/counsellors`),
        get(`${base}/organisations`),
        get(`${base}/organisations/${own.organisationId}/engagements`),
        get(`${base}/matches`),
      ]);
      const ids = (list: Record<string, string>[], key: string) => list.map((item) => item[key]).sort();
      expect(ids(counsellors.counsellors, 'counsellorId')).toEqual(own.counsellors.map((c) => c.counsellorId).sort());
      expect(counsellors.counsellors.map((c: { name: string }) => c.name).sort()).toEqual(own.counsellors.map((c) => c.name).sort());
      expect(ids(organisations.organisations, 'organisationId')).toEqual([own.organisationId]);
      expect(organisations.organisations[0]).toMatchObject({ name: own.organisationName, intakeCode: own.intakeCode });
      expect(engagements.engagements).toEqual([
        expect.objectContaining({ activityId: own.activityId, description: own.engagementDescription }),
      ]);
      expect(engagements.pageVisits).toEqual([{ day: VISIT_DAY, visits: own.pageVisits }]);
      expect(ids(matches.matches, 'caseId')).toEqual([own.caseId]);
      const said = JSON.stringify([counsellors, organisations, engagements, matches]);
      for (const secret of secretsOf(foreign)) expect(said).not.toContain(secret);
    });

    it("gives the auditor the names of its own agency's organisations, and nothing else of them", async () => {
      const names = await get(`/agencies/${own.agencyId}/organisation-names`, own.auditor);
      expect(names).toEqual({ organisations: [{ organisationId: own.organisationId, name: own.organisationName }] });
      for (const secret of secretsOf(foreign)) expect(JSON.stringify(names)).not.toContain(secret);
    });

    it("answers the coordinator 404 for the other agency's counsellor, organisation and match named on its own path", async () => {
      const base = `/agencies/${own.agencyId}`;
      const coordinator = bearer(own.coordinator);
      const theirs = foreign.counsellors[0].counsellorId;
      for (const path of [`/counsellors/${theirs}`, `/organisations/${foreign.organisationId}`, `/matches/${foreign.caseId}`]) {
        const response = await api().get(`${base}${path}`).set('Authorization', coordinator).expect(404);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      // The other agency's engagements and page visits are nobody's here: empty lists, not theirs.
      expect(await get(`${base}/organisations/${foreign.organisationId}/engagements`)).toEqual({ engagements: [], pageVisits: [] });
    });

    it("lets the coordinator change nothing of the other agency's through its own path, and appoint nobody of it", async () => {
      const base = `/agencies/${own.agencyId}`;
      const coordinator = bearer(own.coordinator);
      const theirs = foreign.counsellors[0];
      const ours = own.counsellors[0];
      const refused: [request.Test, number, string][] = [
        [
          api().put(`${base}/counsellors/${theirs.counsellorId}/profile`).send(profileBody(theirs, own.region)),
          404,
          'CounsellorNotFoundError',
        ],
        [api().post(`${base}/counsellors/${theirs.counsellorId}/deactivation`), 404, 'CounsellorNotFoundError'],
        [api().post(`${base}/counsellors/${theirs.counsellorId}/reactivation`), 404, 'CounsellorNotFoundError'],
        // Their counsellor and their organisation: the counsellor's agency is all that refuses it.
        [
          api().post(`${base}/counsellors/${theirs.counsellorId}/conflicts`).send({ organisationId: foreign.organisationId }),
          404,
          'CounsellorNotFoundError',
        ],
        [
          api()
            .post(`${base}/counsellors/${theirs.counsellorId}/absences`)
            .send({ from: day(1), until: day(2) }),
          404,
          'CounsellorNotFoundError',
        ],
        [
          api().delete(`${base}/counsellors/${foreign.counsellors[1].counsellorId}/absences/${foreign.absenceId}`),
          404,
          'CounsellorNotFoundError',
        ],
        [
          api().delete(`${base}/counsellors/${foreign.counsellors.at(-1)!.counsellorId}/conflicts/${foreign.conflictId}`),
          404,
          'CounsellorNotFoundError',
        ],
        [
          api()
            .put(`${base}/organisations/${foreign.organisationId}/details`)
            .send(detailsBody({ ...foreign, organisationName: 'x' })),
          404,
          'OrganisationNotFoundError',
        ],
        [
          api()
            .post(`${base}/organisations/${foreign.organisationId}/headcount`)
            .send({ headcount: 3, from: day(1) }),
          404,
          'OrganisationNotFoundError',
        ],
        // Their organisation with their own counsellors swapped: the organisation's agency is all that refuses it.
        [
          api()
            .put(`${base}/organisations/${foreign.organisationId}/appointment`)
            .send({ primaryId: foreign.counsellors[1].counsellorId, substituteId: theirs.counsellorId, internalIds: [] }),
          404,
          'OrganisationNotFoundError',
        ],
        [api().post(`${base}/organisations/${foreign.organisationId}/appointment/matching`), 404, 'OrganisationNotFoundError'],
        [api().post(`${base}/organisations/${foreign.organisationId}/agreements`).send(AGREEMENT), 404, 'OrganisationNotFoundError'],
        [
          api()
            .post(`${base}/organisations/${foreign.organisationId}/engagements`)
            .send({ counsellorId: ours.counsellorId, kind: 'workshop', on: day(-1), minutes: 30, description: 'x' }),
          404,
          'OrganisationNotFoundError',
        ],
        // Our records naming theirs: a stand-in, a conflict, an appointee, an engagement's counsellor, an internal's organisation.
        [
          api()
            .post(`${base}/counsellors/${ours.counsellorId}/absences`)
            .send({ from: day(1), until: day(2), substituteId: theirs.counsellorId }),
          422,
          'AppointeeNotEligibleError',
        ],
        [
          api().post(`${base}/counsellors/${ours.counsellorId}/conflicts`).send({ organisationId: foreign.organisationId }),
          404,
          'OrganisationNotFoundError',
        ],
        [
          api()
            .put(`${base}/organisations/${own.organisationId}/appointment`)
            .send({ primaryId: ours.counsellorId, substituteId: theirs.counsellorId, internalIds: [] }),
          422,
          'AppointeeNotEligibleError',
        ],
        [
          api()
            .post(`${base}/organisations/${own.organisationId}/engagements`)
            .send({ counsellorId: theirs.counsellorId, kind: 'workshop', on: day(-1), minutes: 30, description: 'x' }),
          422,
          'AppointeeNotEligibleError',
        ],
        [
          api()
            .post(`${base}/counsellors`)
            .send({
              ...onboardBody({ ...ours, counsellorId: randomUUID(), username: `matrix-internal-${own.agency}` }, own.region),
              kind: 'internal',
              organisationId: foreign.organisationId,
            }),
          422,
          'InternalCounsellorWithoutOrganisationError',
        ],
      ];
      for (const [pending, status, rule] of refused) {
        const response = await pending.set('Authorization', coordinator);
        expect([response.status, response.body.rule]).toEqual([status, rule]);
        const said = JSON.stringify(response.body);
        for (const secret of secretsOf(foreign)) expect(said).not.toContain(secret);
      }
    });

    it("gives the other agency's advisor only their own record on /counsellors/me, nothing of this agency", async () => {
      for (const advisor of foreign.advisors) {
        const me = await get('/counsellors/me', advisor);
        expect(me.counsellorId).toBe(foreign.counsellors.find((c) => c.username === advisor)!.counsellorId);
        const colleagues = await get('/counsellors/me/colleagues', advisor);
        const said = JSON.stringify([me, colleagues]);
        for (const secret of secretsOf(own)) expect(said).not.toContain(secret);
      }
    });
  });

  it.each(TARGETS.map((t) => [t.agency, t] as const))(
    "lets nobody take over %s's staff account by onboarding its username in the other agency",
    async (_agency, t) => {
      const foreign = other(t);
      const victim = t.counsellors.at(-1)!; // an account made at run time (demo users are read-only at the dev issuer)
      const response = await api()
        .post(`/agencies/${foreign.agencyId}/counsellors`)
        .set('Authorization', bearer(foreign.coordinator))
        .send(onboardBody({ ...victim, counsellorId: randomUUID(), name: 'Matrix', introduction: 'Matrix' }, foreign.region));
      expect([response.status, response.body.rule]).toEqual([409, 'StaffAccountTakenError']);
      const said = JSON.stringify(response.body);
      for (const secret of secretsOf(t)) expect(said).not.toContain(secret);
      // The account still signs in as this agency's counsellor, with its role and ids.
      expect(h.issuer.claimsFor(victim.username)).toMatchObject({
        agency_id: t.agencyId,
        advisor_id: victim.counsellorId,
        realm_access: { roles: ['advisor'] },
      });
      const listed = await api()
        .get(`/agencies/${foreign.agencyId}/counsellors`)
        .set('Authorization', bearer(foreign.coordinator))
        .expect(200);
      expect(listed.body.counsellors.map((c: { username: string }) => c.username)).not.toContain(victim.username);
    },
  );

  it("gives the admin both agencies and no counsellor's or organisation's name", async () => {
    const { agencies } = (await api().get('/platform/agencies').set('Authorization', bearer('admin-adam')).expect(200)).body as {
      agencies: { agencyId: string; name: string; counsellors: number; organisations: number }[];
    };
    expect(agencies.map((a) => a.agencyId).sort()).toEqual(TARGETS.map((t) => t.agencyId).sort());
    for (const t of TARGETS) {
      expect(agencies.find((a) => a.agencyId === t.agencyId)).toMatchObject({
        name: t.agencyName,
        counsellors: t.counsellors.length,
        organisations: 1,
      });
    }
    const said = JSON.stringify(agencies);
    for (const t of TARGETS) {
      for (const secret of [
        t.organisationName,
        t.intakeCode,
        t.engagementDescription,
        t.sealedText,
        ...t.counsellors.flatMap((c) => [c.name, c.introduction]),
      ]) {
        expect(said).not.toContain(secret);
      }
    }
  });

  it.each(TARGETS.map((t) => [t.agency, t] as const))(
    'changed nothing of %s: its agency, counsellor, organisation and match streams are as before',
    async (_agency, t) => {
      const now = await streamsOf(h, t);
      expect(now).toEqual(before.get(t));
      expect(now.match.length).toBeGreaterThan(0);
      expect(now.organisation.map((e) => e.type)).toEqual(expect.arrayContaining(['OrganisationRegistered']));
      // The coordinator's own view agrees: appointment, absence and conflict as set up.
      const coordinator = bearer(t.coordinator);
      await eventually(async () => {
        const org = await api()
          .get(`/agencies/${t.agencyId}/organisations/${t.organisationId}`)
          .set('Authorization', coordinator)
          .expect(200);
        expect(org.body).toMatchObject({
          name: t.organisationName,
          headcount: 120,
          primaryCounsellorId: t.counsellors[0].counsellorId,
          substituteCounsellorId: t.counsellors[1].counsellorId,
        });
      });
    },
  );
});
