import { amsterdamToday } from '@vertrouwd/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startDevIssuer, WEB_CLIENT_ID, DEMO_PASSWORD, DEMO_ADVISORS, DEMO_AGENCY_ID, type DevIssuer } from '@vertrouwd/auth';
import {
  AssignmentDeclinedV1,
  CounsellorMatchedV1,
  NoCounsellorAvailableV1,
  PageVisitsCountedV1,
  ReportSubmittedV1,
  topicOf,
  type ContractDefinition,
} from '@vertrouwd/contracts';
import { consumeIntegrationEvents, publishAs } from '@vertrouwd/messaging';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { matchingService } from '../src/service';
import { onboardBody, profileBody } from './matching-agencies.fixture';

// The matching service over HTTP, as its users meet it: the platform admin creates an agency and its coordinator;
// the coordinator, signed in with the account made at run time, onboards counsellors (accounts made through the
// identity port) and an organisation, and has matching appoint who serves it. Reports arriving on the bus are
// matched with an explanation; an absence sends the next one to the substitute; a decline rematches.

const ADMIN_SECRET = 'matching-e2e-admin-client-secret';

describe('matching over HTTP and the bus', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const decisions: { type: string; payload: Record<string, unknown> }[] = [];
  let stopConsumer: () => Promise<void>;
  const api = () => request(service.url);
  const admin = async () => `Bearer ${await issuer.mintToken('admin-adam')}`;

  const passwordGrant = (username: string) =>
    fetch(issuer.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: WEB_CLIENT_ID, username, password: DEMO_PASSWORD }),
    });

  /** Signs in with the password grant, as the web app does: the account must exist at the issuer. */
  async function signIn(username: string): Promise<string> {
    const response = await passwordGrant(username);
    expect(response.status).toBe(200);
    return `Bearer ${((await response.json()) as { access_token: string }).access_token}`;
  }

  /** The claims of the account's fresh token: what the identity provider now says it is. */
  const claimsOf = async (username: string): Promise<Record<string, unknown>> =>
    JSON.parse(Buffer.from((await signIn(username)).split('.')[1], 'base64url').toString('utf8'));

  const publish = (contract: ContractDefinition, key: string, payload: object) => publishAs(service.platform.bus, contract, key, payload);

  async function report(agencyId: string, organisationId: string, extra: object = {}): Promise<string> {
    const caseId = randomUUID();
    const sealedAccount = await service.platform.privacy.sealer.seal('account', { scope: 'case', caseRef: caseId });
    await publish(ReportSubmittedV1, caseId, {
      caseId,
      agencyId,
      organisationId,
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
      ...extra,
    });
    return caseId;
  }

  const decisionFor = (caseId: string, round = 1) =>
    eventually(async () => {
      const found = decisions.find((d) => d.payload.caseId === caseId && d.payload.round === round);
      expect(found).toBeDefined();
      return found!;
    });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matching-'));
    issuer = await startDevIssuer({ port: 0, adminClientSecret: ADMIN_SECRET, usersFile: join(dir, 'users.json') });
    db = await createTestDatabase('matching');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      IDENTITY_ADMIN_CLIENT_SECRET: ADMIN_SECRET,
      IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
      VERTROUWD_DATA_DIR: dir,
      PORT: '0',
    };
    service = await startService({ ...matchingService, logger: false }, env);
    const consumer = consumeIntegrationEvents(service.platform.bus, {
      group: 'matching-e2e-observer',
      topics: [topicOf(CounsellorMatchedV1), topicOf(NoCounsellorAvailableV1)],
      registry: service.platform.contracts,
      handle: async (event) => void decisions.push({ type: event.type, payload: event.payload as Record<string, unknown> }),
    });
    stopConsumer = () => consumer.stop();
  });
  afterAll(async () => {
    await stopConsumer?.();
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('is ready and describes its API', async () => {
    await api().get('/health/ready').expect(200);
    const openApi = await api().get('/openapi.json').expect(200);
    expect(Object.keys(openApi.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/platform/agencies',
        '/agencies/{agencyId}/counsellors',
        '/agencies/{agencyId}/matches/{caseId}',
        '/counsellors/me',
      ]),
    );
  });

  it('onboards an agency, its counsellors and an organisation, and matches reports with an explanation', async () => {
    // The admin creates the agency and its coordinator, whose account can sign in at once.
    const created = await api()
      .post('/platform/agencies')
      .set('Authorization', await admin())
      .send({ name: 'Vertrouwenspunt Oost', poolMatching: true, languages: ['nl', 'en'] })
      .expect(201);
    const agencyId = created.body.agencyId as string;
    await api()
      .post(`/platform/agencies/${agencyId}/coordinators`)
      .set('Authorization', await admin())
      .send({ username: 'coordinator-oost', email: 'coordinator@oost.example' })
      .expect(201);
    const coordinator = await signIn('coordinator-oost');
    const base = `/agencies/${agencyId}`;

    // Three external counsellors; names are public, but travel and rest sealed.
    const counsellor = (username: string, name: string, gender: string, extra: object = {}) =>
      api()
        .post(`${base}/counsellors`)
        .set('Authorization', coordinator)
        .send({
          username,
          email: `${username}@oost.example`,
          name,
          introduction: `${name} luistert en denkt mee.`,
          kind: 'external',
          roles: ['unwanted-behaviour', 'integrity'],
          languages: ['nl', 'en'],
          gender,
          regions: ['gelderland'],
          specialisms: ['bullying'],
          capacityCases: 10,
          capacityHoursPerWeek: 16,
          ...extra,
        })
        .expect(201)
        .then((r) => r.body.counsellorId as string);
    const fleur = await counsellor('counsellor-fleur', 'Fleur de Wit', 'female');
    const gijs = await counsellor('counsellor-gijs', 'Gijs Smit', 'male');
    const hanna = await counsellor('counsellor-hanna', 'Hanna Bos', 'female', { regions: ['utrecht'], specialisms: [] });
    // The counsellor's own account signs in and sees themselves.
    const fleurToken = await signIn('counsellor-fleur');
    const me = await api().get('/counsellors/me').set('Authorization', fleurToken).expect(200);
    expect(me.body).toMatchObject({ counsellorId: fleur, name: 'Fleur de Wit', status: 'active' });
    // Her colleagues, whom she can hand a case over to or ask a second opinion of: by id and name, never herself.
    await eventually(async () => {
      const colleagues = await api().get('/counsellors/me/colleagues').set('Authorization', fleurToken).expect(200);
      expect(colleagues.body).toEqual({
        colleagues: expect.arrayContaining([
          { counsellorId: gijs, name: 'Gijs Smit' },
          { counsellorId: hanna, name: 'Hanna Bos' },
        ]),
      });
      expect(colleagues.body.colleagues).toHaveLength(2);
    });

    const org = await api()
      .post(`${base}/organisations`)
      .set('Authorization', coordinator)
      .send({
        name: 'Transportbedrijf Veluwe',
        intakeCode: 'veluwe-transport',
        kvkNumber: '12345678',
        vatId: 'NL123456789B01',
        sbiCode: '4941',
        headcount: 120,
        regions: ['gelderland'],
        languages: ['nl', 'en'],
      })
      .expect(201);
    const organisationId = org.body.organisationId as string;
    const appointed = await api()
      .post(`${base}/organisations/${organisationId}/appointment/matching`)
      .set('Authorization', coordinator)
      .expect(200);
    expect(appointed.body.scores).toHaveLength(3);
    const detail = await eventually(async () => {
      const r = await api().get(`${base}/organisations/${organisationId}`).set('Authorization', coordinator).expect(200);
      expect(r.body.primaryCounsellorId).toBeTruthy();
      return r.body as { primaryCounsellorId: string; substituteCounsellorId: string; wbkObliged: boolean; appointmentHistory: unknown[] };
    });
    expect(detail).toMatchObject({ wbkObliged: true, appointmentHistory: [expect.objectContaining({ appointedBy: 'matching' })] });
    // Hanna has no region in common: the pair is Fleur and Gijs (another gender as substitute).
    expect(new Set([detail.primaryCounsellorId, detail.substituteCounsellorId])).toEqual(new Set([fleur, gijs]));
    const primary = detail.primaryCounsellorId;
    const substitute = detail.substituteCounsellorId;

    // A report goes to the primary, with its explanation for the coordinator.
    const first = await report(agencyId, organisationId);
    expect((await decisionFor(first)).payload).toMatchObject({ counsellorId: primary, tier: 'primary', ruleSet: 'match-2026.12' });
    const explained = await eventually(() => api().get(`${base}/matches/${first}`).set('Authorization', coordinator).expect(200));
    expect(explained.body.rounds[0]).toMatchObject({
      outcome: 'matched',
      counsellorId: primary,
      tier: 'primary',
      explanation: {
        named: [
          { counsellorId: primary, tier: 'primary', excludedBy: [] },
          { counsellorId: substitute, tier: 'substitute', excludedBy: [] },
        ],
      },
    });
    expect(JSON.stringify(explained.body)).not.toContain('account');

    // The primary is absent from today: the next report goes to the substitute, and the explanation says why.
    const today = amsterdamToday();
    await api()
      .post(`${base}/counsellors/${primary}/absences`)
      .set('Authorization', coordinator)
      .send({ from: today, until: today })
      .expect(201);
    await eventually(async () => {
      const r = await api().get(`${base}/counsellors/${primary}`).set('Authorization', coordinator).expect(200);
      expect(r.body.absences).toHaveLength(1);
    });
    const second = await report(agencyId, organisationId);
    expect((await decisionFor(second)).payload).toMatchObject({ counsellorId: substitute, tier: 'substitute' });
    const why = await eventually(() => api().get(`${base}/matches/${second}`).set('Authorization', coordinator).expect(200));
    expect(why.body.rounds[0].explanation.named[0]).toEqual({ counsellorId: primary, tier: 'primary', excludedBy: ['absent'] });

    // The substitute declines for a conflict with people in the case: round 2 goes to the pool (Hanna).
    await publish(AssignmentDeclinedV1, second, {
      caseId: second,
      agencyId,
      organisationId,
      advisorId: substitute,
      conflictWith: 'people-in-case',
      declinedAt: new Date().toISOString(),
    });
    expect((await decisionFor(second, 2)).payload).toMatchObject({ counsellorId: hanna, tier: 'pool' });
    const rematched = await eventually(async () => {
      const r = await api().get(`${base}/matches/${second}`).set('Authorization', coordinator).expect(200);
      expect(r.body.rounds).toHaveLength(2);
      return r.body;
    });
    expect(rematched.rounds[0].declined).toEqual({ at: expect.any(String), conflictWith: 'people-in-case' });
    expect(rematched.rounds[1].explanation.named).toEqual(
      expect.arrayContaining([{ counsellorId: substitute, tier: 'substitute', excludedBy: ['declined'] }]),
    );

    // A reporter who asked for a male counsellor by a name nobody can offer gets nobody: the coordinator is alerted.
    const third = await report(agencyId, organisationId, { preferredAdvisorGender: 'non-binary' });
    expect((await decisionFor(third)).payload).toMatchObject({ reason: 'all-excluded' });
    const unmatched = await eventually(async () => {
      const r = await api().get(`${base}/matches?state=unmatched`).set('Authorization', coordinator).expect(200);
      expect(r.body.matches).toHaveLength(1);
      return r.body.matches;
    });
    expect(unmatched[0]).toMatchObject({ caseId: third, outcome: 'no-counsellor-available' });

    // Engagement outside cases: a workshop by the primary, and the intake page's visits as intake counted them.
    await api()
      .post(`${base}/organisations/${organisationId}/engagements`)
      .set('Authorization', coordinator)
      .send({ counsellorId: primary, kind: 'workshop', on: '2026-11-20', minutes: 90, description: 'Workshop voor leidinggevenden' })
      .expect(201);
    await publish(PageVisitsCountedV1, organisationId, { organisationId, agencyId, day: '2026-11-20', visits: 37 });
    const engagement = await eventually(async () => {
      const r = await api().get(`${base}/organisations/${organisationId}/engagements`).set('Authorization', coordinator).expect(200);
      expect(r.body.pageVisits).toHaveLength(1);
      expect(r.body.engagements).toHaveLength(1);
      return r.body;
    });
    expect(engagement).toEqual({
      engagements: [expect.objectContaining({ kind: 'workshop', minutes: 90, description: 'Workshop voor leidinggevenden' })],
      pageVisits: [{ day: '2026-11-20', visits: 37 }],
    });
    // The counsellor sees their own engagements on their own page; the other counsellor of the organisation sees none.
    const primaryToken = primary === fleur ? fleurToken : await signIn('counsellor-gijs');
    const otherToken = primary === fleur ? await signIn('counsellor-gijs') : fleurToken;
    const own = await api().get('/counsellors/me').set('Authorization', primaryToken).expect(200);
    expect(own.body.engagements).toEqual([
      expect.objectContaining({
        organisationId,
        kind: 'workshop',
        on: '2026-11-20',
        minutes: 90,
        description: 'Workshop voor leidinggevenden',
      }),
    ]);
    expect((await api().get('/counsellors/me').set('Authorization', otherToken).expect(200)).body.engagements).toEqual([]);
  });

  describe('onboarding a username that is already a staff account of the agency', () => {
    const onboarding = (username: string, email = `${username}@west.example`) => ({
      ...onboardBody(
        { counsellorId: randomUUID(), username, name: 'Jet Visser', introduction: 'Jet luistert.', gender: 'female' },
        'utrecht',
      ),
      email,
    });
    /** A 409 naming the rule, never the username or e-mail address asked for. */
    const expectInUse = (response: request.Response, ...values: string[]) => {
      expect([response.status, response.body.rule]).toEqual([409, 'StaffAccountInUseError']);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      for (const value of values) expect(JSON.stringify(response.body)).not.toContain(value);
    };
    const rolesOf = (claims: Record<string, unknown>) => (claims.realm_access as { roles: string[] }).roles;

    it("refuses a second counsellor on one account, and a coordinator's account; roles and the first profile stay", async () => {
      const { body: agency } = await api()
        .post('/platform/agencies')
        .set('Authorization', await admin())
        .send({ name: 'Vertrouwenspunt West', poolMatching: true, languages: ['nl'] })
        .expect(201);
      const base = `/agencies/${agency.agencyId as string}`;
      await api()
        .post(`/platform/agencies/${agency.agencyId as string}/coordinators`)
        .set('Authorization', await admin())
        .send({ username: 'coordinator-west', email: 'coordinator@west.example' })
        .expect(201);
      const coordinator = await signIn('coordinator-west');
      const onboard = (body: object, key?: string) => {
        const post = api().post(`${base}/counsellors`).set('Authorization', coordinator);
        return (key ? post.set('Idempotency-Key', key) : post).send(body);
      };

      // The first onboarding, and its retry under the same key: answered as before.
      const first = onboarding('counsellor-twice');
      const key = `onboard-${randomUUID()}`;
      const made = await onboard(first, key).expect(201);
      const replay = await onboard(first, key).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(made.body);

      // The same username again, with the same e-mail address or another: refused, nothing re-pointed.
      expectInUse(await onboard(onboarding('counsellor-twice')), 'counsellor-twice', 'west.example');
      expectInUse(await onboard(onboarding('counsellor-twice', 'other@west.example')), 'counsellor-twice', 'other@west.example');
      // The coordinator's own username: refused, and she stays a coordinator with no advisor record.
      expectInUse(await onboard(onboarding('coordinator-west')), 'coordinator-west');

      const counsellorClaims = await claimsOf('counsellor-twice');
      expect(counsellorClaims).toMatchObject({ sub: made.body.userId, advisor_id: first.counsellorId });
      expect(rolesOf(counsellorClaims)).toContain('advisor');
      const coordinatorClaims = await claimsOf('coordinator-west');
      expect(rolesOf(coordinatorClaims)).toContain('coordinator');
      expect(rolesOf(coordinatorClaims)).not.toContain('advisor');
      expect(coordinatorClaims).not.toHaveProperty('advisor_id');
      await eventually(async () => {
        const { body } = await api()
          .get(`${base}/counsellors`)
          .set('Authorization', await signIn('coordinator-west'))
          .expect(200);
        expect(body.counsellors.map((c: { counsellorId: string }) => c.counsellorId)).toEqual([first.counsellorId]);
      });

      // Leaving still closes the account: no other counsellor signs in with it.
      await api().post(`${base}/counsellors/${first.counsellorId}/deactivation`).set('Authorization', coordinator).expect(204);
      expect((await passwordGrant('counsellor-twice')).status).not.toBe(200);
      // A counsellor who left is not onboarded again on the same account.
      expectInUse(await onboard(onboarding('counsellor-twice')), 'counsellor-twice');
      expect((await passwordGrant('counsellor-twice')).status).not.toBe(200);

      // Back at the agency: the same record and account, signing in again with the claims it had.
      const reactivation = `${base}/counsellors/${first.counsellorId}/reactivation`;
      await api().post(reactivation).set('Authorization', coordinator).expect(204);
      expect((await passwordGrant('counsellor-twice')).status).toBe(200);
      expect(await claimsOf('counsellor-twice')).toMatchObject({ sub: made.body.userId, advisor_id: first.counsellorId });
      await eventually(async () => {
        const { body } = await api().get(`${base}/counsellors/${first.counsellorId}`).set('Authorization', coordinator).expect(200);
        expect(body.status).toBe('active');
      });
      // Posted again (a retry): nothing more to do but the account, which stays enabled.
      await api().post(reactivation).set('Authorization', coordinator).expect(204);
      expect((await passwordGrant('counsellor-twice')).status).toBe(200);
    });

    it("refuses the agency's auditor, coordinator and an advisor bound to another record (demo accounts)", async () => {
      await api()
        .post('/platform/agencies')
        .set('Authorization', await admin())
        .send({ agencyId: DEMO_AGENCY_ID, name: 'Vertrouwenspunt Demo', poolMatching: true, languages: ['nl'] })
        .expect(201);
      const carla = `Bearer ${await issuer.mintToken('coordinator-carla')}`;
      const base = `/agencies/${DEMO_AGENCY_ID}`;
      for (const username of ['auditor-ada', 'coordinator-carla', 'advisor-anna']) {
        const response = await api().post(`${base}/counsellors`).set('Authorization', carla).send(onboarding(username));
        expectInUse(response, username);
      }
      // Anna onboarded as herself (her own advisor record) is still welcome.
      await api()
        .post(`${base}/counsellors`)
        .set('Authorization', carla)
        .send({ ...onboarding('advisor-anna'), counsellorId: DEMO_ADVISORS['advisor-anna'] })
        .expect(201);
      expect(rolesOf(await claimsOf('auditor-ada'))).toEqual(['auditor']);
      await eventually(async () => {
        const { body } = await api().get(`${base}/counsellors`).set('Authorization', carla).expect(200);
        expect(body.counsellors.map((c: { counsellorId: string }) => c.counsellorId)).toEqual([DEMO_ADVISORS['advisor-anna']]);
      });
    });
  });

  describe('two coordinators editing one counsellor from forms loaded at the same version', () => {
    it('refuses the second save based on the old read with 412 (If-Match), leaving the first edit; without If-Match the last write wins', async () => {
      const { body: agency } = await api()
        .post('/platform/agencies')
        .set('Authorization', await admin())
        .send({ name: 'Vertrouwenspunt Zuid', poolMatching: true, languages: ['nl'] })
        .expect(201);
      const base = `/agencies/${agency.agencyId as string}`;
      await api()
        .post(`/platform/agencies/${agency.agencyId as string}/coordinators`)
        .set('Authorization', await admin())
        .send({ username: 'coordinator-zuid', email: 'coordinator@zuid.example' })
        .expect(201);
      const coordinator = await signIn('coordinator-zuid');
      const counsellorId = randomUUID();
      const person = { name: 'Ilse Kok', introduction: 'Ilse luistert.', gender: 'female' as const };
      await api()
        .post(`${base}/counsellors`)
        .set('Authorization', coordinator)
        .send(onboardBody({ ...person, counsellorId, username: 'counsellor-ilse' }, 'limburg'))
        .expect(201);
      const path = `${base}/counsellors/${counsellorId}`;
      /** The counsellor once the read model shows `version`: its body and ETag. */
      const readAt = (version: number) =>
        eventually(async () => {
          const read = await api().get(path).set('Authorization', coordinator).expect(200);
          expect(read.body.version).toBe(version);
          return read;
        });
      const save = (name: string, hours: number, ifMatch?: string) => {
        const put = api().put(`${path}/profile`).set('Authorization', coordinator);
        return (ifMatch === undefined ? put : put.set('If-Match', ifMatch)).send({
          ...profileBody({ ...person, name }, 'limburg'),
          capacityHoursPerWeek: hours,
        });
      };

      // Both forms were loaded at the same read: its version is its ETag.
      const loaded = await readAt(1);
      expect(loaded.headers.etag).toBe('"1"');

      await save('Ilse A', 16, loaded.headers.etag).expect(204);
      const stale = await save('Ilse B', 8, loaded.headers.etag).expect(412);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(stale.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/precondition-failed', status: 412 });
      expect(stale.body.detail).toMatch(/changed since you read it/);
      expect(JSON.stringify(stale.body)).not.toContain('Ilse');

      // A's edit stands; the read says which version it is now.
      const afterA = await readAt(2);
      expect(afterA.headers.etag).toBe('"2"');
      expect(afterA.body).toMatchObject({ name: 'Ilse A', capacityHoursPerWeek: 16 });

      // B reapplies the change on the current version; then an unconditional save (no If-Match, or *) as before.
      await save('Ilse B', 8, afterA.headers.etag).expect(204);
      expect((await readAt(3)).body).toMatchObject({ name: 'Ilse B', capacityHoursPerWeek: 8 });
      await save('Ilse C', 12).expect(204);
      await save('Ilse D', 12, '*').expect(204);
      expect((await readAt(5)).body).toMatchObject({ name: 'Ilse D' });

      // A malformed If-Match is a 400 naming the header and the rule, before anything is decided.
      for (const [header, rule] of [
        ['5', 'quotedVersion'],
        ['W/"5"', 'strongEntityTag'],
        ['"5", "6"', 'singleEntityTag'],
      ]) {
        const refused = await save('Ilse E', 12, header).expect(400);
        expect(refused.body.errors).toEqual([{ field: 'If-Match', rule, message: expect.any(String) }]);
      }
      expect((await readAt(5)).body).toMatchObject({ name: 'Ilse D' });
    });

    it("refuses a stale save of the agency's settings too, as read with their ETag", async () => {
      const { body: agency } = await api()
        .post('/platform/agencies')
        .set('Authorization', await admin())
        .send({ name: 'Vertrouwenspunt Noordwest', poolMatching: true, languages: ['nl'] })
        .expect(201);
      await api()
        .post(`/platform/agencies/${agency.agencyId as string}/coordinators`)
        .set('Authorization', await admin())
        .send({ username: 'coordinator-noordwest', email: 'coordinator@noordwest.example' })
        .expect(201);
      const coordinator = await signIn('coordinator-noordwest');
      const path = `/agencies/${agency.agencyId as string}/settings`;
      const readAt = (version: number) =>
        eventually(async () => {
          const read = await api().get(path).set('Authorization', coordinator).expect(200);
          expect(read.body.version).toBe(version);
          return read;
        });
      const save = (languages: string[], ifMatch: string) =>
        api().put(path).set('Authorization', coordinator).set('If-Match', ifMatch).send({ poolMatching: true, languages });

      // Registered and a coordinator appointed: the agency's stream is at version 1.
      const loaded = await readAt(1);
      expect(loaded.headers.etag).toBe('"1"');
      await save(['nl', 'en'], loaded.headers.etag).expect(204);
      const stale = await save(['nl', 'pl'], loaded.headers.etag).expect(412);
      expect(stale.body.type).toBe('https://vertrouwd.nl/problems/precondition-failed');
      const current = await readAt(2);
      expect(current.headers.etag).toBe('"2"');
      expect(current.body.settings.languages).toEqual(['nl', 'en']);
    });
  });
});
