import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually, expectUuidRefused } from '@vertrouwd/testing';
import {
  AGREEMENT,
  day,
  detailsBody,
  makeTargets,
  onboardBody,
  profileBody,
  setUpAgency,
  startMatching,
  streamsOf,
  type MatchingHarness,
} from './matching-agencies.fixture';

// Bad input on every body the matching service takes: a 400 problem naming the field and the rule and never the
// value, nothing written. Then the refusals of the domain's rules (409/422 with `rule`), concurrent edits of one
// organisation (204 or 409, never 500, the stream consistent), and Idempotency-Key replays of the POSTs.

const [T] = makeTargets();
/** In every bad string: the answer must not echo it. */
const CANARY = 'KANARIEWAARDE';
const NIL = '00000000-0000-0000-0000-000000000000';
const nested = (depth: number): unknown => (depth === 0 ? CANARY : { [`n${depth}`]: nested(depth - 1) });
const many = <T>(n: number, item: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => item(i));

interface BodyEndpoint {
  name: string;
  method: 'post' | 'put';
  url: () => string;
  caller: string;
  valid: () => Record<string, unknown>;
  /** [field as the problem names it, value, rule]: each sent alone in an otherwise valid body. */
  bad: [field: string, value: unknown, rule: string][];
}

/** Bad values every string field of free text gets. */
const text = (field: string, max: number): BodyEndpoint['bad'] => [
  // NUL itself is refused by the HTTP kit for every body (rule noNulCharacter); the other control characters here.
  [field, `${CANARY}\u0001ctl`, 'isPlainText'],
  [field, 12345, 'isString'],
  [field, `${CANARY}${'x'.repeat(max)}`, 'isLength'],
  [field, nested(20), 'isString'],
  [field, [CANARY], 'isString'],
];
const languages: BodyEndpoint['bad'] = [
  ['languages', `${CANARY}`, 'matches'],
  ['languages', [`${CANARY}`], 'matches'],
  ['languages', many(21, (i) => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26))), 'arrayMaxSize'],
  ['languages', ['nl', 'nl'], 'arrayUnique'],
  ['languages', [], 'arrayMinSize'],
];
const uuid = (field: string): BodyEndpoint['bad'] => [
  [field, `${CANARY}`, 'isUuid'],
  [field, 42, 'isUuid'],
];
const dayField = (field: string): BodyEndpoint['bad'] => [
  [field, `${CANARY}`, 'isIso8601'],
  [field, '2026-02-30', 'isIso8601'],
  [field, '2026-12-05T10:00:00Z', 'isLength'],
];

function profileBad(): BodyEndpoint['bad'] {
  return [
    ...text('name', 200),
    ...text('introduction', 2000),
    ['kind', `${CANARY}`, 'isIn'],
    ['gender', `${CANARY}`, 'isIn'],
    ['roles', [`${CANARY}`], 'isIn'],
    ['roles', ['integrity', 'integrity', 'unwanted-behaviour'], 'arrayMaxSize'],
    ['regions', [`${CANARY}`], 'isIn'],
    ['regions', many(13, () => 'utrecht'), 'arrayMaxSize'],
    ['specialisms', [`${CANARY}`], 'isIn'],
    ['capacityCases', 201, 'max'],
    ['capacityCases', -1, 'min'],
    ['capacityCases', 1.5, 'isInt'],
    ['capacityCases', `${CANARY}`, 'isInt'],
    ['capacityHoursPerWeek', 61, 'max'],
    ...uuid('organisationId'),
    ...languages,
  ];
}

function detailsBad(): BodyEndpoint['bad'] {
  return [
    ...text('name', 200),
    ['intakeCode', `${CANARY}`, 'matches'],
    ['intakeCode', 'ab', 'matches'],
    ['kvkNumber', '1234567', 'matches'],
    ['kvkNumber', 12345678, 'isString'],
    ['vatId', `NL${CANARY}`, 'matches'],
    ['sbiCode', '1', 'matches'],
    ['regions', [`${CANARY}`], 'isIn'],
    ['regions', [], 'arrayMinSize'],
    ...languages,
  ];
}

const engagementBad: BodyEndpoint['bad'] = [
  ['kind', `${CANARY}`, 'isIn'],
  ...dayField('on'),
  ['minutes', 0, 'min'],
  ['minutes', 1441, 'max'],
  ['minutes', '30', 'isInt'],
  ...text('description', 500),
];

function endpoints(): BodyEndpoint[] {
  const [anna, bram] = T.counsellors;
  const base = `/agencies/${T.agencyId}`;
  const org = `${base}/organisations/${T.organisationId}`;
  const engagement = { kind: 'workshop', on: day(-2), minutes: 45, description: 'Voorlichting' };
  return [
    {
      name: 'POST /platform/agencies',
      method: 'post',
      url: () => '/platform/agencies',
      caller: 'admin-adam',
      valid: () => ({ name: 'Nieuw bureau', poolMatching: true, languages: ['nl'] }),
      bad: [
        ...text('name', 200),
        ['poolMatching', `${CANARY}`, 'isBoolean'],
        ['agencyId', NIL, 'notEquals'],
        ...uuid('agencyId'),
        ...languages,
      ],
    },
    {
      name: 'POST /platform/agencies/{agencyId}/coordinators',
      method: 'post',
      url: () => `/platform/agencies/${T.agencyId}/coordinators`,
      caller: 'admin-adam',
      valid: () => ({ username: 'coordinator-nieuw', email: 'nieuw@example.org' }),
      bad: [
        ['username', `${CANARY}`, 'matches'],
        ['username', `x${'a'.repeat(63)}`, 'matches'],
        ['email', `${CANARY}`, 'isEmail'],
        ['email', `${'a'.repeat(250)}@example.org`, 'maxLength'],
      ],
    },
    {
      name: 'PUT /agencies/{agencyId}/settings',
      method: 'put',
      url: () => `${base}/settings`,
      caller: T.coordinator,
      valid: () => ({ poolMatching: true, languages: ['nl'] }),
      bad: [['poolMatching', 'true', 'isBoolean'], ...languages],
    },
    {
      name: 'POST /agencies/{agencyId}/counsellors',
      method: 'post',
      url: () => `${base}/counsellors`,
      caller: T.coordinator,
      valid: () => onboardBody({ ...anna, counsellorId: randomUUID(), username: 'counsellor-nieuw' }, T.region),
      bad: [
        ...profileBad(),
        ['counsellorId', NIL, 'notEquals'],
        ...uuid('counsellorId'),
        ['username', `${CANARY}`, 'matches'],
        ['email', `${CANARY}`, 'isEmail'],
      ],
    },
    {
      name: 'PUT /agencies/{agencyId}/counsellors/{counsellorId}/profile',
      method: 'put',
      url: () => `${base}/counsellors/${bram.counsellorId}/profile`,
      caller: T.coordinator,
      valid: () => profileBody(bram, T.region),
      bad: profileBad(),
    },
    {
      name: 'POST /agencies/{agencyId}/counsellors/{counsellorId}/absences',
      method: 'post',
      url: () => `${base}/counsellors/${bram.counsellorId}/absences`,
      caller: T.coordinator,
      valid: () => ({ from: day(20), until: day(21) }),
      bad: [...dayField('from'), ...dayField('until'), ...uuid('absenceId'), ...uuid('substituteId'), ['substituteId', NIL, 'notEquals']],
    },
    {
      name: 'POST /agencies/{agencyId}/counsellors/{counsellorId}/conflicts',
      method: 'post',
      url: () => `${base}/counsellors/${bram.counsellorId}/conflicts`,
      caller: T.coordinator,
      valid: () => ({ organisationId: T.organisationId }),
      bad: [...uuid('organisationId'), ['organisationId', undefined, 'isUuid'], ...dayField('reviewBy')],
    },
    {
      name: 'POST /agencies/{agencyId}/organisations',
      method: 'post',
      url: () => `${base}/organisations`,
      caller: T.coordinator,
      valid: () => ({ ...detailsBody({ ...T, intakeCode: 'nieuwe-klant' }), headcount: 12 }),
      bad: [
        ...detailsBad(),
        ['headcount', 0, 'min'],
        ['headcount', 1_000_001, 'max'],
        ['headcount', '12', 'isInt'],
        ...dayField('headcountFrom'),
        ['organisationId', NIL, 'notEquals'],
      ],
    },
    {
      name: 'PUT /agencies/{agencyId}/organisations/{organisationId}/details',
      method: 'put',
      url: () => `${org}/details`,
      caller: T.coordinator,
      valid: () => detailsBody(T),
      bad: detailsBad(),
    },
    {
      name: 'POST /agencies/{agencyId}/organisations/{organisationId}/headcount',
      method: 'post',
      url: () => `${org}/headcount`,
      caller: T.coordinator,
      valid: () => ({ headcount: 130, from: day(1) }),
      bad: [['headcount', -5, 'min'], ['headcount', 10.5, 'isInt'], ...dayField('from')],
    },
    {
      name: 'PUT /agencies/{agencyId}/organisations/{organisationId}/appointment',
      method: 'put',
      url: () => `${org}/appointment`,
      caller: T.coordinator,
      valid: () => ({ primaryId: anna.counsellorId, substituteId: bram.counsellorId, internalIds: [] }),
      bad: [
        ...uuid('primaryId'),
        ['primaryId', NIL, 'notEquals'],
        ...uuid('substituteId'),
        ['internalIds', many(21, () => randomUUID()), 'arrayMaxSize'],
        ['internalIds', [`${CANARY}`], 'isUuid'],
        ['internalIds', { [CANARY]: 1 }, 'isUuid'],
      ],
    },
    {
      name: 'POST /agencies/{agencyId}/organisations/{organisationId}/agreements',
      method: 'post',
      url: () => `${org}/agreements`,
      caller: T.coordinator,
      valid: () => ({ ...AGREEMENT }),
      bad: [
        ['tasks', [`${CANARY}`], 'isIn'],
        ['tasks', [], 'arrayMinSize'],
        ['tasks', many(21, () => 'referral'), 'arrayMaxSize'],
        ['powers', [`${CANARY}`], 'isIn'],
        ['recorded', `${CANARY}`, 'isIn'],
        ['reportsToOrganisation', `${CANARY}`, 'isIn'],
        ...dayField('termFrom'),
        ...dayField('termUntil'),
        ...dayField('signedOn'),
      ],
    },
    {
      name: 'POST /agencies/{agencyId}/organisations/{organisationId}/engagements',
      method: 'post',
      url: () => `${org}/engagements`,
      caller: T.coordinator,
      valid: () => ({ counsellorId: anna.counsellorId, ...engagement }),
      bad: [...engagementBad, ...uuid('counsellorId'), ['counsellorId', NIL, 'notEquals'], ...uuid('activityId')],
    },
    {
      name: 'POST /counsellors/me/absences',
      method: 'post',
      url: () => '/counsellors/me/absences',
      caller: 'advisor-anna',
      valid: () => ({ from: day(30), until: day(31) }),
      bad: [...dayField('from'), ...dayField('until'), ...uuid('substituteId')],
    },
    {
      name: 'POST /counsellors/me/conflicts',
      method: 'post',
      url: () => '/counsellors/me/conflicts',
      caller: 'advisor-anna',
      valid: () => ({ organisationId: T.organisationId }),
      bad: [...uuid('organisationId'), ...dayField('reviewBy')],
    },
    {
      name: 'POST /counsellors/me/engagements',
      method: 'post',
      url: () => '/counsellors/me/engagements',
      caller: 'advisor-anna',
      valid: () => ({ organisationId: T.organisationId, ...engagement }),
      bad: [...engagementBad, ...uuid('organisationId')],
    },
  ];
}

/** Every body of every endpoint, bad in one field at a time; and, on each, an unknown field and a deep one. */
const CELLS = endpoints().flatMap((e) => [
  ...e.bad.map(([field, value, rule]) => [e.name, field, rule, e, { [field]: value }] as const),
  // An unknown field is never named (its name is the caller's text); nesting beyond 32 levels is refused unparsed.
  [e.name, '(unnamed)', 'unknownField', e, { kanarieVeld: CANARY }] as const,
  [e.name, '(body)', 'maxDepth', e, { diep: nested(200) }] as const,
]);

describe('matching service: bad input and refused commands', () => {
  let h: MatchingHarness;
  const api = () => request(h.service.url);
  let before: Awaited<ReturnType<typeof streamsOf>>;
  let agenciesBefore: unknown;
  const bearer = (caller: string) => h.bearer(caller);

  const listAgencies = async () =>
    (
      await api()
        .get('/platform/agencies')
        .set('Authorization', await bearer('admin-adam'))
        .expect(200)
    ).body.agencies.map((a: { agencyId: string; counsellors: number; organisations: number }) => [
      a.agencyId,
      a.counsellors,
      a.organisations,
    ]);

  beforeAll(async () => {
    h = await startMatching('matching-input');
    await setUpAgency(h, T);
    before = await streamsOf(h, T);
    agenciesBefore = await listAgencies();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('has a bad body for every POST and PUT that takes one', async () => {
    const { body } = await api().get('/openapi.json').expect(200);
    const withBody = Object.entries(body.paths as Record<string, Record<string, { requestBody?: unknown }>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, '{$1}')}`),
    );
    expect(
      endpoints()
        .map((e) => e.name)
        .sort(),
    ).toEqual([...withBody].sort());
  });

  describe('validation', () => {
    it.each(CELLS)('%s: %s breaks %s', async (_name, field, rule, endpoint, change) => {
      const body = { ...endpoint.valid(), ...change };
      if (change[field as keyof typeof change] === undefined) delete (body as Record<string, unknown>)[field];
      const response = await api()
        [endpoint.method](endpoint.url())
        .set('Authorization', await bearer(endpoint.caller))
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.type).toBe('https://vertrouwd.nl/problems/validation');
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(JSON.stringify(response.body)).not.toContain(CANARY);
    });

    it('refuses a body over the limit with 413, and one that is not JSON with 400, quoting neither', async () => {
      const coordinator = await bearer(T.coordinator);
      const big = await api()
        .put(`/agencies/${T.agencyId}/organisations/${T.organisationId}/details`)
        .set('Authorization', coordinator)
        .send({ ...detailsBody(T), name: CANARY.repeat(10_000) });
      expect([big.status, big.body.type]).toEqual([413, 'https://vertrouwd.nl/problems/payload-too-large']);
      expect(JSON.stringify(big.body)).not.toContain(CANARY);
      const broken = await api()
        .post(`/agencies/${T.agencyId}/organisations`)
        .set('Authorization', coordinator)
        .set('Content-Type', 'application/json')
        .send(`{"name": "${CANARY}",`);
      expect([broken.status, broken.body.type]).toEqual([400, 'https://vertrouwd.nl/problems/malformed-json']);
      expect(JSON.stringify(broken.body)).not.toContain(CANARY);
      const notJson = await api()
        .post(`/agencies/${T.agencyId}/organisations`)
        .set('Authorization', coordinator)
        .set('Content-Type', 'text/plain')
        .send(CANARY);
      expect(notJson.status).toBe(415);
    });

    it('refuses a path id or a query value that is not one, naming neither', async () => {
      const coordinator = await bearer(T.coordinator);
      for (const path of [`/counsellors/${CANARY}`, `/organisations/${CANARY}`, `/matches/${CANARY}`, `/matches?state=${CANARY}`]) {
        const response = await api().get(`/agencies/${T.agencyId}${path}`).set('Authorization', coordinator).expect(400);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(JSON.stringify({ ...response.body, instance: undefined })).not.toContain(CANARY);
      }
      const state = await api().get(`/agencies/${T.agencyId}/matches?state=${CANARY}`).set('Authorization', coordinator);
      expect(state.body.errors).toEqual([expect.objectContaining({ field: 'state', rule: 'isIn' })]);
    });

    it('refuses an id in any position of a two-id path that is not a UUID, naming that parameter', async () => {
      const coordinator = await bearer(T.coordinator);
      const [anna] = T.counsellors;
      for (const bad of ['a'.repeat(36), CANARY]) {
        // A tenant-scoped id reaches the pipe only when the token claims that very value: the guard refuses any other.
        const ofBad = `Bearer ${await h.issuer.mintToken({ agency_id: bad, realm_access: { roles: ['coordinator'] } })}`;
        const absence = (counsellor: string, id: string) => `/agencies/${T.agencyId}/counsellors/${counsellor}/absences/${id}`;
        const refusals: [call: request.Test, field: string][] = [
          [api().delete(absence(bad, randomUUID())).set('Authorization', coordinator), 'counsellorId'],
          [api().delete(absence(anna.counsellorId, bad)).set('Authorization', coordinator), 'absenceId'],
          [api().get(`/agencies/${bad}/organisations/${T.organisationId}`).set('Authorization', ofBad), 'agencyId'],
          [api().get(`/agencies/${T.agencyId}/organisations/${bad}`).set('Authorization', coordinator), 'organisationId'],
        ];
        for (const [call, field] of refusals) {
          const res = await call;
          expectUuidRefused(res, field, bad);
        }
        await api().get(`/agencies/${bad}/organisations/${T.organisationId}`).set('Authorization', coordinator).expect(403);
      }
    });

    it('wrote nothing: the streams and the agencies as before', async () => {
      expect(await streamsOf(h, T)).toEqual(before);
      expect(await listAgencies()).toEqual(agenciesBefore);
      const { body } = await api()
        .get(`/agencies/${T.agencyId}/counsellors`)
        .set('Authorization', await bearer(T.coordinator))
        .expect(200);
      expect(body.counsellors).toHaveLength(T.counsellors.length);
    });
  });

  describe("the domain's rules", () => {
    const base = `/agencies/${T.agencyId}`;
    const [anna, bram] = T.counsellors;

    it('refuses each with 409 or 422 naming the rule, and writes nothing', async () => {
      const coordinator = await bearer(T.coordinator);
      const as = (req: request.Test) => req.set('Authorization', coordinator);
      const org = `${base}/organisations/${T.organisationId}`;
      const refusals: [request.Test, number, string][] = [
        // The same counsellor twice (their id), and the same intake code for another organisation.
        [
          as(
            api()
              .post(`${base}/counsellors`)
              .send(onboardBody({ ...anna, username: 'counsellor-tweede' }, T.region)),
          ),
          409,
          'CounsellorExistsError',
        ],
        [
          as(
            api()
              .post(`${base}/organisations`)
              .send({ ...detailsBody({ ...T, organisationName: 'Ander' }), headcount: 3 }),
          ),
          409,
          'IntakeCodeTakenError',
        ],
        [
          as(
            api()
              .post(`${base}/organisations`)
              .send({ organisationId: T.organisationId, ...detailsBody({ ...T, intakeCode: 'ander-code' }), headcount: 3 }),
          ),
          409,
          'OrganisationExistsError',
        ],
        [
          as(
            api()
              .post(`${base}/counsellors`)
              .send({
                ...onboardBody({ ...anna, counsellorId: randomUUID(), username: 'counsellor-intern' }, T.region),
                kind: 'internal',
              }),
          ),
          422,
          'InternalCounsellorWithoutOrganisationError',
        ],
        [
          as(
            api()
              .post(`${base}/counsellors`)
              .send({
                ...onboardBody({ ...anna, counsellorId: randomUUID(), username: 'counsellor-extern' }, T.region),
                organisationId: T.organisationId,
              }),
          ),
          422,
          'ExternalCounsellorWithOrganisationError',
        ],
        [
          as(
            api()
              .post(`${base}/counsellors/${bram.counsellorId}/absences`)
              .send({ from: day(5), until: day(4) }),
          ),
          422,
          'AbsenceOrderError',
        ],
        [
          as(
            api()
              .post(`${base}/counsellors/${bram.counsellorId}/absences`)
              .send({ from: day(5), until: day(6), substituteId: bram.counsellorId }),
          ),
          422,
          'SubstituteIsSelfError',
        ],
        [as(api().delete(`${base}/counsellors/${bram.counsellorId}/absences/${randomUUID()}`)), 404, 'AbsenceNotFoundError'],
        [as(api().delete(`${base}/counsellors/${bram.counsellorId}/conflicts/${randomUUID()}`)), 404, 'ConflictNotFoundError'],
        [as(api().get(`${base}/counsellors/${randomUUID()}`)), 404, 'CounsellorNotFoundError'],
        [
          as(api().put(`${org}/appointment`).send({ primaryId: anna.counsellorId, substituteId: anna.counsellorId, internalIds: [] })),
          422,
          'SamePrimaryAndSubstituteError',
        ],
        [
          as(api().put(`${org}/appointment`).send({ primaryId: anna.counsellorId, substituteId: randomUUID(), internalIds: [] })),
          422,
          'AppointeeNotEligibleError',
        ],
        [
          as(
            api()
              .post(`${org}/agreements`)
              .send({ ...AGREEMENT, termFrom: day(10), termUntil: day(9) }),
          ),
          422,
          'AgreementTermError',
        ],
        [
          as(
            api()
              .post(`${org}/headcount`)
              .send({ headcount: 50, from: day(-400) }),
          ),
          422,
          'HeadcountBackdatedError',
        ],
        [
          as(
            api()
              .post(`${org}/headcount`)
              .send({ headcount: 120, from: day(0) }),
          ),
          409,
          'HeadcountUnchangedError',
        ],
        [
          as(
            api()
              .post(`${org}/engagements`)
              .send({
                activityId: T.activityId,
                counsellorId: anna.counsellorId,
                kind: 'workshop',
                on: day(-1),
                minutes: 30,
                description: 'x',
              }),
          ),
          409,
          'EngagementExistsError',
        ],
      ];
      for (const [pending, status, rule] of refusals) {
        const response = await pending;
        expect([response.status, response.body.rule]).toEqual([status, rule]);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      }
      // An advisor records work only where they serve: Merel serves nobody.
      const merel = await bearer(T.counsellors[2].username);
      const own = await api()
        .post('/counsellors/me/engagements')
        .set('Authorization', merel)
        .send({ organisationId: T.organisationId, kind: 'workshop', on: day(-1), minutes: 30, description: 'x' });
      expect([own.status, own.body.rule]).toEqual([422, 'AppointeeNotEligibleError']);
      expect(await streamsOf(h, T)).toEqual(before);
    });

    it('refuses an intake code taken by another organisation on a change of details too', async () => {
      const coordinator = await bearer(T.coordinator);
      const second = randomUUID();
      await api()
        .post(`${base}/organisations`)
        .set('Authorization', coordinator)
        .send({
          organisationId: second,
          ...detailsBody({ ...T, organisationName: 'Tweede klant', intakeCode: 'tweede-klant' }),
          headcount: 9,
        })
        .expect(201);
      const versions = (await h.service.platform.store.readStream(`organisation-${second}`)).length;
      const taken = await eventually(async () => {
        const r = await api()
          .put(`${base}/organisations/${second}/details`)
          .set('Authorization', coordinator)
          .send(detailsBody({ ...T, organisationName: 'Tweede klant' }));
        expect(r.status).toBe(409);
        return r;
      });
      expect(taken.body.rule).toBe('IntakeCodeTakenError');
      expect(await h.service.platform.store.readStream(`organisation-${second}`)).toHaveLength(versions);
    });

    it('refuses a suspended agency every change, and a second suspension; reinstated, it works again', async () => {
      const admin = await bearer('admin-adam');
      const agency = await api()
        .post('/platform/agencies')
        .set('Authorization', admin)
        .send({ name: 'Opgeschort', poolMatching: false, languages: ['nl'] })
        .expect(201);
      const agencyId = agency.body.agencyId as string;
      await api().post(`/platform/agencies/${agencyId}/suspension`).set('Authorization', admin).expect(204);
      const again = await api().post(`/platform/agencies/${agencyId}/suspension`).set('Authorization', admin).expect(409);
      expect(again.body.rule).toBe('AgencyStatusUnchangedError');
      const coordinator = await api()
        .post(`/platform/agencies/${agencyId}/coordinators`)
        .set('Authorization', admin)
        .send({ username: 'coordinator-opgeschort', email: 'o@example.org' })
        .expect(409);
      expect(coordinator.body.rule).toBe('AgencySuspendedError');
      await api().post(`/platform/agencies/${agencyId}/reinstatement`).set('Authorization', admin).expect(204);
      const reinstated = await api().post(`/platform/agencies/${agencyId}/reinstatement`).set('Authorization', admin).expect(409);
      expect(reinstated.body.rule).toBe('AgencyStatusUnchangedError');
      await api()
        .post(`/platform/agencies/${agencyId}/coordinators`)
        .set('Authorization', admin)
        .send({ username: 'coordinator-opgeschort', email: 'o@example.org' })
        .expect(201);
      const missing = await api().post(`/platform/agencies/${randomUUID()}/suspension`).set('Authorization', admin).expect(404);
      expect(missing.body.rule).toBe('AgencyNotFoundError');
    });
  });

  it('answers ten concurrent changes of one organisation with 204 or 409 only, and keeps its stream consistent', async () => {
    const coordinator = await bearer(T.coordinator);
    const url = `/agencies/${T.agencyId}/organisations/${T.organisationId}/details`;
    const startVersion = (await h.service.platform.store.readStream(`organisation-${T.organisationId}`)).length;
    const names = many(10, (i) => `Bakkerij gelijktijdig ${i}`);
    const responses = await Promise.all(
      names.map((name) =>
        api()
          .put(url)
          .set('Authorization', coordinator)
          .send(detailsBody({ ...T, organisationName: name })),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 204 || s === 409)).toBe(true);
    expect(statuses).toContain(204);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.type).toBe('https://vertrouwd.nl/problems/concurrent-modification');
    }
    const stream = await h.service.platform.store.readStream(`organisation-${T.organisationId}`);
    const changed = stream.slice(startVersion);
    // One event per change that was let through, numbered without gaps.
    expect(changed.map((e) => e.type)).toEqual(statuses.filter((s) => s === 204).map(() => 'OrganisationDetailsChanged'));
    expect(stream.map((e) => e.version)).toEqual(stream.map((_, i) => stream[0].version + i));
    // The read model shows the last change that was let through.
    const won = names.filter((_, i) => statuses[i] === 204);
    const last = stream.at(-1)!.data as { snapshot: { details: { sealedName: string } } };
    const lastName = await h.service.platform.privacy.sealer.unseal<string>(last.snapshot.details.sealedName);
    expect(lastName.status).toBe('ok');
    expect(won).toContain(lastName.status === 'ok' ? lastName.value : undefined);
    await eventually(async () => {
      const { body } = await api()
        .get(`/agencies/${T.agencyId}/organisations/${T.organisationId}`)
        .set('Authorization', coordinator)
        .expect(200);
      expect(body.name).toBe(lastName.status === 'ok' ? lastName.value : undefined);
    });
  });

  describe('Idempotency-Key on POST', () => {
    it('replays an onboarding: one counsellor, the same id, the same account; another body under the key is refused', async () => {
      const coordinator = await bearer(T.coordinator);
      const key = `onboard-${randomUUID()}`;
      const { counsellorId: _chosen, ...body } = onboardBody(
        { ...T.counsellors[0], counsellorId: '', username: 'counsellor-herhaald' },
        T.region,
      );
      const post = (b: object) =>
        api().post(`/agencies/${T.agencyId}/counsellors`).set('Authorization', coordinator).set('Idempotency-Key', key).send(b);
      const first = await post(body).expect(201);
      const replay = await post(body).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      const reused = await post({ ...body, capacityCases: 3 }).expect(422);
      expect(reused.body.type).toBe('https://vertrouwd.nl/problems/idempotency-key-reused');
      await eventually(async () => {
        const { body: list } = await api().get(`/agencies/${T.agencyId}/counsellors`).set('Authorization', coordinator).expect(200);
        expect(list.counsellors.filter((c: { username: string }) => c.username === 'counsellor-herhaald')).toHaveLength(1);
      });
      expect(await h.service.platform.store.readStream(`counsellor-${first.body.counsellorId}`)).toHaveLength(1);
    });

    it('replays an engagement recorded without an id: one activity, and a refusal is replayed as it was', async () => {
      const coordinator = await bearer(T.coordinator);
      const url = `/agencies/${T.agencyId}/organisations/${T.organisationId}/engagements`;
      const body = {
        counsellorId: T.counsellors[0].counsellorId,
        kind: 'posters',
        on: day(-3),
        minutes: 20,
        description: 'Posters opgehangen',
      };
      const key = `engagement-${randomUUID()}`;
      const versions = (await h.service.platform.store.readStream(`organisation-${T.organisationId}`)).length;
      const first = await api().post(url).set('Authorization', coordinator).set('Idempotency-Key', key).send(body).expect(201);
      const replay = await api().post(url).set('Authorization', coordinator).set('Idempotency-Key', key).send(body).expect(201);
      expect([replay.body, replay.headers['idempotent-replayed']]).toEqual([first.body, 'true']);
      expect(await h.service.platform.store.readStream(`organisation-${T.organisationId}`)).toHaveLength(versions + 1);
      // A 422 is stored too: the same key and body answer it again without running.
      const badKey = `engagement-${randomUUID()}`;
      const refused = { ...body, counsellorId: randomUUID() };
      const once = await api().post(url).set('Authorization', coordinator).set('Idempotency-Key', badKey).send(refused).expect(422);
      const twice = await api().post(url).set('Authorization', coordinator).set('Idempotency-Key', badKey).send(refused).expect(422);
      expect([twice.body.rule, twice.headers['idempotent-replayed']]).toEqual([once.body.rule, 'true']);
      const malformed = await api().post(url).set('Authorization', coordinator).set('Idempotency-Key', '').send(body);
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });
  });
});
