import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  DEMO_AGENCY_2_ORGANISATIONS,
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
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { caseService } from '../src/service';
import { MATRIX_ADVISORS, PUBLIC, TARGETS, endpointsOf, type Endpoint, type Target } from './case-endpoints.fixture';
import { publishDemoCounsellors } from './directory.fixture';

// The authorisation matrix of the case service, with two real agencies: agency-demo and agency-noord each have a
// case, assigned by their coordinator to their advisor, who has asked a colleague of the agency for a consultation;
// every endpoint is called on each agency's case by every caller that must not reach it, the other agency's
// coordinator, advisor, employer and auditor among them. Afterwards both cases' streams and read models must be
// exactly as they were (no refusal wrote anything) and nobody may have read them; then the colleague answers.
//
// Allowed callers are not called here (their behaviour is the other e2e specs' subject). Every other caller gets:
// 401 without a valid token; 403 for a role the endpoint does not declare, a coordinator of the other agency, and
// any reporter token (the case service has no reporter endpoints); 404 for an advisor who is not the assigned one
// (the other agency's included), for the consultation's answer any advisor but the colleague asked (the one who
// asked and a colleague asked nothing included), an advisor token without an advisor id, and an auditor of the
// other agency (the path names the case, and nobody learns that it exists).

const REPORTER_SECRET = 'case-matrix-reporter-secret-of-at-least-32-bytes';
const [DEMO, NOORD] = TARGETS;
const other = (t: Target) => (t === DEMO ? NOORD : DEMO);
/** A case of each agency left waiting for assignment: what its coordinator's queue lists. */
const WAITING: Record<Target['agency'], string> = { 'agency-demo': randomUUID(), 'agency-noord': randomUUID() };
const SEALED_TEXT = 'matrix account';
const QUESTION = 'matrix question: is this bullying?';
const ANSWER = 'matrix answer: it reads like it';

const EXTRA_CALLERS = ['anonymous', 'not-a-jwt', 'expired-advisor-anna', 'advisor-without-id', 'reporter-this-case', 'reporter-other-case'];
const USERS = [...DEMO_USERS, ...MATRIX_ADVISORS];
const CALLERS = [...USERS.map((u) => u.username), ...EXTRA_CALLERS];
const rolesOf = (caller: string): Role[] =>
  USERS.find((u) => u.username === caller)?.roles ?? (caller === 'advisor-without-id' ? ['advisor'] : []);

/** The demo users of the target's agency: its staff, and the employers of its organisations. */
const agencyOrganisations = (t: Target): string[] => Object.values(t === DEMO ? DEMO_ORGANISATIONS : DEMO_AGENCY_2_ORGANISATIONS);
const usersOf = (t: Target) =>
  USERS.filter((u) => u.agencyId === t.agencyId || (u.organisationId && agencyOrganisations(t).includes(u.organisationId)));

/** The status a caller must get, or `allowed` when the caller may reach the endpoint (not called here). */
function expected(endpoint: Endpoint, caller: string, t: Target): number | 'allowed' {
  if (['anonymous', 'not-a-jwt', 'expired-advisor-anna'].includes(caller)) return 401;
  if (caller.startsWith('reporter-')) return 403;
  const roles = rolesOf(caller);
  if (!endpoint.roles.some((role) => roles.includes(role))) return 403;
  if (roles.includes('admin') && endpoint.roles.includes('admin')) return 'allowed';
  switch (endpoint.scope) {
    case 'agency':
      return caller === t.coordinator ? 'allowed' : 403;
    case 'assigned':
      return caller === t.advisor ? 'allowed' : 404;
    case 'asked':
      return caller === t.colleague ? 'allowed' : 404;
    case 'own':
      return caller === 'advisor-without-id' ? 404 : 'allowed';
    case 'audit':
      return caller === t.auditor ? 'allowed' : 404;
    case 'audit-agency':
      return caller === t.auditor ? 'allowed' : 403;
  }
}

type Cell = readonly [name: string, caller: string, status: number | 'allowed', endpoint: Endpoint, target: Target];
const CELLS = TARGETS.flatMap((t) =>
  endpointsOf(t).flatMap((endpoint) =>
    CALLERS.map((caller): Cell => [
      `${t.agency}: ${endpoint.method.toUpperCase()} ${endpoint.path}`,
      caller,
      expected(endpoint, caller, t),
      endpoint,
      t,
    ]),
  ),
).filter((cell): cell is readonly [string, string, number, Endpoint, Target] => cell[2] !== 'allowed');

/** Every id of both agencies' cases: a refusal names none of them. */
const IDS = TARGETS.flatMap((t) => [t.caseId, WAITING[t.agency], t.agencyId, t.organisationId, t.advisorId]);
const caseIds = (list: { caseId: string }[]) => list.map((c) => c.caseId).sort();

describe('case service: authorisation matrix, two agencies', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const tokens = new Map<string, string>();
  const reporterTokens = new Map<string, string>();
  const sealedAccounts = new Map<string, string>();
  const before = new Map<string, unknown>();

  const bearer = (caller: string) => `Bearer ${tokens.get(caller)}`;
  const tokenOf = (caller: string, t: Target) =>
    caller === 'reporter-this-case'
      ? reporterTokens.get(t.caseId)
      : caller === 'reporter-other-case'
        ? reporterTokens.get(other(t).caseId)
        : tokens.get(caller);

  /** Intake's event for a new report to an organisation of the agency. */
  const openCase = async (caseId: string, t: Target) => {
    const sealedAccount = await service.platform.privacy.sealer.seal(SEALED_TEXT, caseKey(caseId));
    sealedAccounts.set(caseId, sealedAccount);
    const payload = {
      caseId,
      agencyId: t.agencyId,
      organisationId: t.organisationId,
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
      key: caseId,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      payload,
    };
    service.platform.contracts.validate(event);
    await service.platform.bus.publish([toMessage(event)]);
  };

  /** What a refused call must leave as it was: the case's stream, its read-model rows, its agency's retention. */
  const stateOf = async (t: Target) => {
    const rows = (sql: string, id: string) => service.app.get(ReadModels).dataSource.query(sql, [id]);
    return {
      stream: await service.platform.store.readStream(`case-${t.caseId}`),
      accessLog: await service.platform.store.readStream(`access-${t.caseId}`),
      overview: await rows('select * from case_overview where "caseId" = $1', t.caseId),
      clocks: await rows('select * from legal_clocks where "caseId" = $1', t.caseId),
      consultations: await rows('select * from peer_consultations where case_id = $1', t.caseId),
      retention: await rows('select * from agency_retention where "agencyId" = $1', t.agencyId),
    };
  };

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
    await publishDemoCounsellors(service, MATRIX_ADVISORS);

    for (const user of DEMO_USERS) tokens.set(user.username, await issuer.mintToken(user.username));
    for (const user of MATRIX_ADVISORS) {
      const { id: sub, username: preferred_username, agencyId: agency_id, advisorId: advisor_id } = user;
      tokens.set(
        user.username,
        await issuer.mintToken({ sub, preferred_username, agency_id, advisor_id, realm_access: { roles: user.roles } }),
      );
    }
    const past = Math.floor(Date.now() / 1000) - 3600;
    tokens.set('not-a-jwt', 'not-a-jwt');
    tokens.set('expired-advisor-anna', await issuer.mintToken({ ...issuer.claimsFor('advisor-anna'), iat: past - 300, exp: past }));
    tokens.set('advisor-without-id', await issuer.mintToken({ agency_id: DEMO.agencyId, realm_access: { roles: ['advisor'] } }));
    const reporters = new ReporterTokens({ secretOrKey: REPORTER_SECRET });
    for (const t of TARGETS) reporterTokens.set(t.caseId, await reporters.issue({ caseId: t.caseId }));

    // Each agency's case, assigned to its advisor by its coordinator, and one more left waiting.
    for (const t of TARGETS) {
      await openCase(t.caseId, t);
      await openCase(WAITING[t.agency], t);
    }
    for (const t of TARGETS) {
      await eventually(() =>
        request(service.url)
          .post(`/agencies/${t.agencyId}/cases/${t.caseId}/assignment`)
          .set('Authorization', bearer(t.coordinator))
          .send({ advisorId: t.advisorId })
          .expect(204),
      );
    }
    // Each advisor asks a colleague of the agency about their case.
    for (const t of TARGETS) {
      const asked = await request(service.url)
        .post(`/cases/${t.caseId}/consultations`)
        .set('Authorization', bearer(t.advisor))
        .send({ colleagueId: t.colleagueId, question: QUESTION })
        .expect(201);
      t.consultationId = asked.body.consultationId;
    }
    // The read models caught up before the snapshot: both cases open with their advisor and their consultation, both
    // waiting cases listed.
    for (const t of TARGETS) {
      await eventually(async () => {
        const { overview, clocks, consultations } = await stateOf(t);
        expect([overview[0]?.advisorId, clocks[0]?.advisorId]).toEqual([t.advisorId, t.advisorId]);
        expect(consultations).toHaveLength(1);
        const { body } = await request(service.url).get(`/agencies/${t.agencyId}/cases`).set('Authorization', bearer(t.coordinator));
        expect(caseIds(body.cases)).toEqual([t.caseId, WAITING[t.agency]].sort());
      });
      before.set(t.agency, await stateOf(t));
    }
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  const call = (endpoint: Endpoint, caller: string, t: Target) => {
    // The URL as of now: the consultation's id is the service's, known only after the set-up.
    const { url } = endpointsOf(t).find((e) => e.method === endpoint.method && e.path === endpoint.path)!;
    const req = request(service.url)[endpoint.method](url);
    const token = tokenOf(caller, t);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return endpoint.body ? req.send(endpoint.body) : req;
  };

  it('lists every endpoint of the service (a new one fails here until it is in the matrix)', async () => {
    const { body } = await request(service.url).get('/openapi.json').expect(200);
    const documented = Object.entries(body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    for (const t of TARGETS) {
      const listed = [...endpointsOf(t).map((e) => `${e.method} ${e.path}`), ...PUBLIC];
      expect([...listed].sort()).toEqual([...documented].sort());
      expect(new Set(listed).size).toBe(listed.length);
    }
    for (const endpoint of PUBLIC) await request(service.url).get(endpoint.split(' ')[1]).expect(200);
  });

  it('has a denied caller of every kind on some endpoint', () => {
    const callers = new Set(CELLS.map(([, caller]) => caller));
    expect([...callers].sort()).toEqual([...CALLERS].sort());
    expect(new Set(CELLS.map(([, , status]) => status))).toEqual(new Set([401, 403, 404]));
  });

  it.each(TARGETS.map((t) => [t.agency, t] as const))(
    "refuses the other agency's coordinator, advisor, employer and auditor everything on %s's case but an advisor's own lists",
    (_agency, t) => {
      const foreign = usersOf(other(t));
      expect([...new Set(foreign.flatMap((u) => u.roles))].sort()).toEqual(['advisor', 'auditor', 'coordinator', 'employer']);
      for (const endpoint of endpointsOf(t)) {
        for (const user of foreign) {
          const status = expected(endpoint, user.username, t);
          if (endpoint.scope === 'own' && user.roles.includes('advisor')) expect(status).toBe('allowed');
          else expect([403, 404]).toContain(status);
        }
      }
    },
  );

  it.each(CELLS)('%s by %s: %i', async (_name, caller, status, endpoint, t) => {
    const response = await call(endpoint, caller, t);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    // A refusal says why without naming a case, a consultation, an agency, an organisation or an advisor, and without
    // case content (`instance` is the route template).
    const said = JSON.stringify(response.body);
    for (const id of [...IDS, ...TARGETS.map((x) => x.consultationId), SEALED_TEXT, QUESTION, 'bullying']) expect(said).not.toContain(id);
    if (status === 401) expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    // The consultation exists: an advisor not asked is refused by it, not by a missing route or id.
    if (endpoint.scope === 'asked' && status === 404 && caller !== 'advisor-without-id') {
      expect(response.body.rule).toBe('ConsultationNotFoundError');
    }
  });

  describe.each(TARGETS.map((t) => [t.agency, t] as const))('%s, listing its own agency', (_agency, own) => {
    const foreignIds = [other(own).caseId, WAITING[other(own).agency], other(own).agencyId, other(own).organisationId];

    it("gives the coordinator its own cases, queue, deadlines and compliance, nothing of the other agency's", async () => {
      const get = (path: string) =>
        request(service.url).get(`/agencies/${own.agencyId}${path}`).set('Authorization', bearer(own.coordinator)).expect(200);
      const [cases, attention, deadlines, compliance] = await Promise.all(
        ['/cases', '/cases/attention', '/deadlines', '/deadlines/compliance'].map(get),
      );
      const ours = [own.caseId, WAITING[own.agency]].sort();
      expect(caseIds(cases.body.cases)).toEqual(ours);
      expect(caseIds(attention.body.waitingForAssignment)).toEqual([WAITING[own.agency]]);
      expect([attention.body.handoverPending, attention.body.advisorCannotAct]).toEqual([[], []]);
      expect(caseIds(deadlines.body.deadlines)).toEqual(ours);
      // Compliance counts cases: two per deadline, this agency's two cases (four if the other's leaked in).
      const counted = (deadline: string) =>
        Object.values(compliance.body.counts as Record<string, Record<string, Record<string, number>>>)
          .flatMap((regime) => Object.values(regime[deadline]))
          .reduce((sum, n) => sum + n, 0);
      expect([compliance.body.agencyId, counted('acknowledgement'), counted('feedback')]).toEqual([own.agencyId, 2, 2]);
      const said = JSON.stringify([cases.body, attention.body, deadlines.body, compliance.body]);
      for (const id of foreignIds) expect(said).not.toContain(id);
    });

    it("gives the auditor its own agency's cases, compliance and access log, advisors pseudonymised, nothing of the other agency's", async () => {
      const audit = randomUUID();
      const get = (path: string) =>
        request(service.url).get(`/audits/${audit}/agencies/${own.agencyId}${path}`).set('Authorization', bearer(own.auditor)).expect(200);
      const [cases, compliance, accessLog] = await Promise.all(['/cases', '/deadlines/compliance', '/access-log'].map(get));
      expect(caseIds(cases.body.cases)).toEqual([own.caseId, WAITING[own.agency]].sort());
      const assigned = cases.body.cases.find((c: { caseId: string }) => c.caseId === own.caseId);
      expect(assigned.advisorId).toMatch(/^actor-/);
      const counted = Object.values(compliance.body.counts as Record<string, Record<string, Record<string, number>>>)
        .flatMap((regime) => Object.values(regime.acknowledgement))
        .reduce((sum, n) => sum + n, 0);
      expect(counted).toBe(2);
      expect([accessLog.body.total, accessLog.body.reads]).toEqual([0, []]);
      const said = JSON.stringify([cases.body, compliance.body, accessLog.body]);
      for (const id of [...foreignIds, own.advisorId, SEALED_TEXT]) expect(said).not.toContain(id);
    });

    it("gives the advisor their own cases and deadlines, nothing of the other agency's", async () => {
      const get = (path: string) => request(service.url).get(path).set('Authorization', bearer(own.advisor)).expect(200);
      const [cases, deadlines, handovers, consultations] = await Promise.all(
        ['/advisors/me/cases', '/advisors/me/deadlines', '/advisors/me/handovers', '/advisors/me/consultations'].map(get),
      );
      expect(caseIds(cases.body.cases)).toEqual([own.caseId]);
      expect(caseIds(deadlines.body.deadlines)).toEqual([own.caseId]);
      expect([handovers.body.handovers, consultations.body.consultations]).toEqual([[], []]);
      const said = JSON.stringify([cases.body, deadlines.body, handovers.body, consultations.body]);
      for (const id of foreignIds) expect(said).not.toContain(id);
    });

    it('lets the case go to nobody of the other agency: no assignment, handover, consultation or reveal across', async () => {
      const foreign = other(own);
      const assign = (caseId: string, advisorId: string) =>
        request(service.url)
          .post(`/agencies/${own.agencyId}/cases/${caseId}/assignment`)
          .set('Authorization', bearer(own.coordinator))
          .send({ advisorId });
      expect((await assign(foreign.caseId, own.advisorId).expect(404)).body).toMatchObject({ rule: 'CaseNotFoundError' });
      expect((await assign(WAITING[own.agency], foreign.advisorId).expect(422)).body).toMatchObject({ rule: 'AdvisorCannotActError' });
      const work = (action: string, body: object) =>
        request(service.url).post(`/cases/${own.caseId}/${action}`).set('Authorization', bearer(own.advisor)).send(body);
      for (const refused of [
        work('transfer', { toAdvisorId: foreign.advisorId, reason: 'matrix' }),
        work('consultations', { colleagueId: foreign.advisorId, question: 'matrix' }),
        work('identity-reveals', { viewerId: foreign.advisorId, reason: 'matrix' }),
      ]) {
        expect((await refused.expect(422)).body).toMatchObject({ rule: 'AdvisorCannotActError' });
      }
    });
  });

  it('gives advisors only their own cases and deadlines: advisor-bram sees nothing of a colleague\u2019s case', async () => {
    const bram = bearer('advisor-bram');
    const cases = await request(service.url).get('/advisors/me/cases').set('Authorization', bram).expect(200);
    const deadlines = await request(service.url).get('/advisors/me/deadlines').set('Authorization', bram).expect(200);
    expect(JSON.stringify([cases.body, deadlines.body])).not.toContain(DEMO.caseId);
  });

  it.each(TARGETS.map((t) => [t.agency, t] as const))(
    'changed nothing of %s\u2019s case: stream, read models and retention as before, nobody read it, its key intact',
    async (_agency, t) => {
      const now = await stateOf(t);
      expect(now).toEqual(before.get(t.agency));
      expect(now.stream.map((e) => e.type)).toEqual(['CaseOpened', 'AdvisorAssigned', 'PeerConsultationRequested']);
      expect(now.accessLog).toEqual([]);
      expect((await service.platform.store.readStream(`case-${WAITING[t.agency]}`)).map((e) => e.type)).toEqual(['CaseOpened']);
      const account = await service.platform.privacy.sealer.unseal(sealedAccounts.get(t.caseId)!);
      expect(account).toEqual({ status: 'ok', value: SEALED_TEXT });
    },
  );

  it.each(TARGETS.map((t) => [t.agency, t] as const))(
    "lets the colleague asked answer %s's consultation, once; the advisor who asked reads the answer",
    async (_agency, t) => {
      const answer = () =>
        request(service.url)
          .post(`/consultations/${t.consultationId}/answer`)
          .set('Authorization', bearer(t.colleague))
          .send({ answer: ANSWER });
      await answer().expect(204);
      expect((await answer().expect(409)).body).toMatchObject({ rule: 'ConsultationAlreadyAnsweredError' });
      const stream = await service.platform.store.readStream(`case-${t.caseId}`);
      expect(stream.map((e) => e.type)).toEqual(['CaseOpened', 'AdvisorAssigned', 'PeerConsultationRequested', 'PeerConsultationAnswered']);
      await eventually(async () => {
        const { body } = await request(service.url)
          .get(`/cases/${t.caseId}/consultations`)
          .set('Authorization', bearer(t.advisor))
          .expect(200);
        expect(body.consultations).toEqual([
          expect.objectContaining({ consultationId: t.consultationId, colleagueId: t.colleagueId, question: QUESTION, answer: ANSWER }),
        ]);
      });
    },
  );
});
