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
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { billingService } from '../src/service';
import { factsArrived, publishOrganisation } from './billing.fixture';

// The authorisation matrix of billing, with two agencies that each have an account, a price list, a subscription
// and an issued invoice. Every endpoint of /openapi.json is called for each agency by every caller that must not
// reach it; afterwards billing's event streams are exactly as they were. Allowed callers are billing.e2e-spec's
// subject. The coordinator reaches only their own agency (tenant scope), the employer contact only their own
// organisation; advisors, auditors, the admin, a reporter and callers without a valid token reach nothing.

const REPORTER_SECRET = 'billing-matrix-reporter-secret-of-at-least-32-bytes';

interface Target {
  name: string;
  agencyId: string;
  organisationId: string;
  coordinator: string;
  employer: string;
}
const DEMO: Target = {
  name: 'agency-demo',
  agencyId: DEMO_AGENCY_ID,
  organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
  coordinator: 'coordinator-carla',
  employer: 'employer-erik',
};
const NOORD: Target = {
  name: 'agency-noord',
  agencyId: DEMO_AGENCY_2_ID,
  organisationId: DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'],
  coordinator: 'coordinator-noor',
  employer: 'employer-niels',
};
const TARGETS = [DEMO, NOORD];

interface Endpoint {
  method: 'get' | 'post' | 'put';
  path: string;
  url: string;
  body?: object;
  role: Role;
}

const NUMBER = '2026-000001';
const SUPPLIER = {
  name: 'Bureau',
  street: 'Straat 1',
  postcode: '3511 AA',
  city: 'Utrecht',
  country: 'NL',
  kvk: '12345678',
  vatId: 'NL123456789B01',
  iban: 'NL91ABNA0417164300',
};
const PRICES = {
  effectiveFrom: '2026-01-01',
  period: 'quarter',
  hourlyRateCents: 10_000,
  vatRatePercent: '21',
  bands: [{ minHeadcount: 1, plan: 'collective', yearlyFeeCents: 40_000, includedHoursPerYear: 0 }],
};
const SUBSCRIPTION = {
  startsOn: '2026-01-01',
  address: { name: 'Klant', street: 'Weg 2', postcode: '1234 AB', city: 'Ede', country: 'NL' },
  buyerReference: 'REF',
  language: 'nl',
};

function endpointsOf(t: Target): Endpoint[] {
  const agency = (method: Endpoint['method'], path: string, url = path, body?: object): Endpoint => ({
    method,
    path: `/agencies/{agencyId}/billing${path}`,
    url: `/agencies/${t.agencyId}/billing${url}`,
    ...(body ? { body } : {}),
    role: 'coordinator',
  });
  const employer = (path: string, url = path): Endpoint => ({
    method: 'get',
    path: `/organisations/{organisationId}/billing${path}`,
    url: `/organisations/${t.organisationId}/billing${url}`,
    role: 'employer',
  });
  const org = `/subscriptions/${t.organisationId}`;
  return [
    agency('get', '/account'),
    agency('put', '/account', '/account', { supplier: { ...SUPPLIER, name: 'Intruder' }, paymentTermDays: 1 }),
    agency('post', '/price-lists', '/price-lists', { ...PRICES, effectiveFrom: '2027-01-01' }),
    agency('get', '/subscriptions'),
    agency('put', '/subscriptions/{organisationId}', org, { ...SUBSCRIPTION, buyerReference: 'INTRUDER' }),
    agency('post', '/subscriptions/{organisationId}/end', `${org}/end`, { endsOn: '2026-12-31' }),
    agency('post', '/invoice-runs', '/invoice-runs', { through: '2026-09-30' }),
    agency('get', '/invoices'),
    agency('get', '/invoices/{number}', `/invoices/${NUMBER}`),
    agency('get', '/invoices/{number}/pdf', `/invoices/${NUMBER}/pdf`),
    agency('get', '/invoices/{number}/ubl', `/invoices/${NUMBER}/ubl`),
    agency('post', '/invoices/{number}/credit-notes', `/invoices/${NUMBER}/credit-notes`, { reason: 'cancelled' }),
    agency('get', '/bookkeeping.csv', '/bookkeeping.csv?year=2026'),
    employer('/subscription'),
    employer('/invoices'),
    employer('/invoices/{number}', `/invoices/${NUMBER}`),
    employer('/invoices/{number}/pdf', `/invoices/${NUMBER}/pdf`),
    employer('/invoices/{number}/ubl', `/invoices/${NUMBER}/ubl`),
  ];
}

const PUBLIC = ['get /health/live', 'get /health/ready'];
const CALLERS = [...DEMO_USERS.map((u) => u.username), 'anonymous', 'not-a-jwt', 'expired-coordinator', 'reporter'];

function expected(endpoint: Endpoint, caller: string, t: Target): number | 'allowed' {
  if (['anonymous', 'not-a-jwt', 'expired-coordinator'].includes(caller)) return 401;
  const user = DEMO_USERS.find((u) => u.username === caller);
  if (!user || !user.roles.includes(endpoint.role)) return 403;
  const own = endpoint.role === 'coordinator' ? t.coordinator : t.employer;
  return caller === own ? 'allowed' : 403;
}

const other = (t: Target) => (t === DEMO ? NOORD : DEMO);
/** Every id and identifier of both agencies' billing: a refusal names none of them. */
const IDS = [...TARGETS.flatMap((t) => [t.agencyId, t.organisationId]), NUMBER, SUPPLIER.kvk, SUPPLIER.vatId, SUPPLIER.iban];

type Cell = readonly [string, string, number, Endpoint, Target];
const CELLS = TARGETS.flatMap((t) =>
  endpointsOf(t).flatMap((endpoint) =>
    CALLERS.map((caller): readonly [string, string, number | 'allowed', Endpoint, Target] => [
      `${t.name}: ${endpoint.method.toUpperCase()} ${endpoint.path}`,
      caller,
      expected(endpoint, caller, t),
      endpoint,
      t,
    ]),
  ),
).filter((cell): cell is Cell => cell[2] !== 'allowed');

describe('billing service: authorisation matrix, two agencies', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const tokens = new Map<string, string>();
  let before: unknown;
  const api = () => request(service.url);
  const streams = () =>
    service.platform.store
      .readAll({ categories: ['billingaccount', 'subscription', 'invoiceseries'] })
      .then((events) => events.map((e) => e.id));

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('billing_matrix');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      REPORTER_TOKEN_SECRET: REPORTER_SECRET,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'billing-matrix-')),
      PORT: '0',
    };
    service = await startService({ ...billingService, logger: false }, env);
    for (const t of TARGETS) await publishOrganisation(service, { organisationId: t.organisationId, agencyId: t.agencyId, headcount: 12 });
    await factsArrived(service, 2, 0);
    for (const t of TARGETS) {
      const auth = `Bearer ${await issuer.mintToken(t.coordinator)}`;
      await api()
        .put(`/agencies/${t.agencyId}/billing/account`)
        .set('Authorization', auth)
        .send({ supplier: SUPPLIER, paymentTermDays: 30 })
        .expect(204);
      await api().post(`/agencies/${t.agencyId}/billing/price-lists`).set('Authorization', auth).send(PRICES).expect(201);
      await api()
        .put(`/agencies/${t.agencyId}/billing/subscriptions/${t.organisationId}`)
        .set('Authorization', auth)
        .send(SUBSCRIPTION)
        .expect(204);
      const run = await api()
        .post(`/agencies/${t.agencyId}/billing/invoice-runs`)
        .set('Authorization', auth)
        .send({ through: '2026-03-31' })
        .expect(200);
      expect(run.body.issued).toEqual([NUMBER]);
    }
    await service.app.get(ReadModels).caughtUp();
    for (const user of DEMO_USERS) tokens.set(user.username, await issuer.mintToken(user.username));
    tokens.set('not-a-jwt', 'not-a-jwt');
    const past = Math.floor(Date.now() / 1000) - 3600;
    tokens.set('expired-coordinator', await issuer.mintToken({ ...issuer.claimsFor('coordinator-carla'), iat: past - 300, exp: past }));
    tokens.set('reporter', await new ReporterTokens({ secretOrKey: REPORTER_SECRET }).issue({ caseId: randomUUID() }));
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
    const listed = [...endpointsOf(DEMO).map((e) => `${e.method} ${e.path}`), ...PUBLIC];
    expect([...listed].sort()).toEqual([...documented].sort());
  });

  it('refuses the other agency every endpoint, whatever its role', () => {
    for (const t of TARGETS) {
      const foreign = DEMO_USERS.filter(
        (u) => (u.agencyId && u.agencyId !== t.agencyId) || (u.organisationId && u.organisationId !== t.organisationId),
      );
      expect(foreign.length).toBeGreaterThan(3);
      for (const endpoint of endpointsOf(t)) for (const user of foreign) expect(expected(endpoint, user.username, t)).toBe(403);
    }
  });

  it.each(CELLS)('%s by %s: %i', async (_name, caller, status, endpoint) => {
    const req = api()[endpoint.method](endpoint.url);
    const token = tokens.get(caller);
    if (token) req.set('Authorization', `Bearer ${token}`);
    const response = await (endpoint.body ? req.send(endpoint.body) : req);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    // A refusal says why without naming an agency, an organisation, an invoice or the supplier (`instance` is the
    // route template).
    const said = JSON.stringify(response.body);
    for (const id of IDS) expect(said).not.toContain(id);
    if (status === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it.each(TARGETS.map((t) => [t.name, t] as const))(
    "lets %s's coordinator neither end nor change the other agency's subscription through its own path",
    async (_name, own) => {
      const foreign = other(own);
      const subscriptions = `/agencies/${own.agencyId}/billing/subscriptions/${foreign.organisationId}`;
      const auth = `Bearer ${tokens.get(own.coordinator)}`;
      const refused: [request.Test, number, string][] = [
        [api().post(`${subscriptions}/end`).send({ endsOn: '2026-06-30' }), 404, 'SubscriptionNotFoundError'],
        [
          api()
            .put(subscriptions)
            .send({ ...SUBSCRIPTION, buyerReference: 'INTRUDER' }),
          422,
          'OrganisationUnknownError',
        ],
      ];
      for (const [pending, status, rule] of refused) {
        const response = await pending.set('Authorization', auth);
        expect([response.status, response.body.rule]).toEqual([status, rule]);
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        const said = JSON.stringify(response.body);
        for (const id of IDS) expect(said).not.toContain(id);
      }
      // The other agency's coordinator finds its subscription as it was: not ended, its own terms.
      const theirs = await api()
        .get(`/agencies/${foreign.agencyId}/billing/subscriptions`)
        .set('Authorization', `Bearer ${tokens.get(foreign.coordinator)}`)
        .expect(200);
      expect(theirs.body.subscriptions).toEqual([
        expect.objectContaining({ organisationId: foreign.organisationId, endsOn: null, buyerReference: SUBSCRIPTION.buyerReference }),
      ]);
    },
  );

  it('lets each agency’s own callers in, and nothing a refused caller sent was written', async () => {
    for (const t of TARGETS) {
      for (const endpoint of endpointsOf(t).filter((e) => e.method === 'get')) {
        const own = endpoint.role === 'coordinator' ? t.coordinator : t.employer;
        const response = await api()
          .get(endpoint.url)
          .set('Authorization', `Bearer ${tokens.get(own)}`);
        expect([endpoint.path, response.status]).toEqual([endpoint.path, 200]);
      }
    }
    expect(await streams()).toEqual(before);
  }, 120_000);
});
