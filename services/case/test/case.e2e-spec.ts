import { amsterdamToday } from '@vertrouwd/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import {
  CounsellorMatchedV1,
  NoCounsellorAvailableV1,
  ReportResumedV1,
  ReportSubmittedV1,
  ReportWithdrawnV1,
  type ContractDefinition,
} from '@vertrouwd/contracts';
import { publishAs, toMessage } from '@vertrouwd/messaging';
import { caseKey, subjectKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, expectUuidRefused, tablesContaining, type TestDatabase } from '@vertrouwd/testing';
import { ReadModels } from '@vertrouwd/service-kit';
import { MatchingDecisionsListener } from '../src/application/integration/matching.listeners';
import { RetentionJob } from '../src/application/jobs/retention.job';
import { caseService } from '../src/service';
import { publishCounsellorStatus, publishDemoCounsellors } from './directory.fixture';

const CANARY = 'CANARY-account-Jansen-0612345678';
const anna = DEMO_ADVISORS['advisor-anna'];
const bram = DEMO_ADVISORS['advisor-bram'];

describe('case service over HTTP', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const caseId = randomUUID();
  const token = (user: string | Record<string, unknown>) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('case_e2e');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'vertrouwd-case-')),
      PORT: '0',
    };
    service = await startService({ ...caseService, logger: false }, env);
    await publishDemoCounsellors(service);
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  /** Publishes another service's event on the bus, as that service would. */
  async function publishIntake(contract: ContractDefinition, key: string, payload: object): Promise<void> {
    await publishAs(service.platform.bus, contract, key, payload);
  }

  async function submitReport(id: string, theme = 'bullying', sealed?: string, extra: object = {}): Promise<void> {
    const sealedAccount = sealed ?? (await service.platform.privacy.sealer.seal(CANARY, caseKey(id)));
    const payload = {
      caseId: id,
      agencyId: DEMO_AGENCY_ID,
      organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
      theme,
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
    };
    const event = {
      eventId: randomUUID(),
      type: ReportSubmittedV1.type,
      version: 1,
      occurredAt: new Date().toISOString(),
      key: id,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      payload,
    };
    service.platform.contracts.validate(event);
    await service.platform.bus.publish([toMessage(event), toMessage(event)]); // a redelivery must not fail or duplicate
  }

  /** What intake publishes when the reporter acts through their receipt (consent, an answer to a summary). */
  async function fromReporter(type: string, id: string, payload: object): Promise<void> {
    const event = {
      eventId: randomUUID(),
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      key: id,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      payload: { caseId: id, ...payload },
    };
    service.platform.contracts.validate(event);
    await service.platform.bus.publish([toMessage(event)]);
  }
  const streamTypes = async (id: string) => (await service.platform.store.readStream(`case-${id}`)).map((e) => e.type);

  it('opens a case from intake\u2019s report and lets the coordinator and advisor work it to closure', async () => {
    await submitReport(caseId);
    const carla = await token('coordinator-carla');
    await eventually(async () => {
      const { body } = await api()
        .get(`/agencies/${DEMO_AGENCY_ID}/cases?status=waiting-for-assignment`)
        .set('Authorization', carla)
        .expect(200);
      expect(body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    });
    expect((await service.platform.store.readStream(`case-${caseId}`)).map((e) => e.type)).toEqual(['CaseOpened']);
    await api()
      .post(`/agencies/${DEMO_AGENCY_ID}/cases/${caseId}/assignment`)
      .set('Authorization', carla)
      .send({ advisorId: anna })
      .expect(204);

    const a = await token('advisor-anna');
    const post = (path: string, body: object = {}) => api().post(`/cases/${caseId}/${path}`).set('Authorization', a).send(body);
    await post('acknowledgement').expect(204);
    const conv = await post('conversations', {
      heldOn: amsterdamToday(),
      minutes: 45,
      mode: 'video',
      summary: 'we talked',
    }).expect(201);
    await post(`summaries/${conv.body.summaryId}/share`).expect(204);
    const refused = await post('referrals', { referralType: 'company-doctor' }).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    // The reporter consents through their receipt (intake), to this one target.
    await fromReporter('intake.consent-given', caseId, {
      consentId: randomUUID(),
      scope: 'referral',
      referralType: 'company-doctor',
      givenAt: new Date().toISOString(),
    });
    await eventually(async () => expect(await streamTypes(caseId)).toContain('ConsentGiven'));
    await post('referrals', { referralType: 'company-doctor' }).expect(201);
    await post('hours', { workedOn: amsterdamToday(), minutes: 60, activity: 'conversation' }).expect(204);
    await post('closure', { outcome: 'referred', feedback: 'referred to the company doctor, as agreed' }).expect(204);
    await post('advice', { text: 'late' }).expect(409);

    const read = await api().get(`/cases/${caseId}`).set('Authorization', a).expect(200);
    expect(JSON.stringify(read.body)).toContain(CANARY);
    expect(read.body.status).toBe('closed');
  });

  it('meets the feedback deadline only with feedback: a message does not, feedback or a closure carrying it does', async () => {
    const carla = await token('coordinator-carla');
    const a = await token('advisor-anna');
    const work = async (id: string) => {
      await submitReport(id);
      await eventually(() =>
        api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
      );
      return (path: string, body: object = {}) => api().post(`/cases/${id}/${path}`).set('Authorization', a).send(body);
    };
    const [talked, told, closedWithIt] = [randomUUID(), randomUUID(), randomUUID()];
    const toTalked = await work(talked);
    await toTalked('feedback', { feedback: 'too early' }).expect(409); // what was done cannot come before the receipt
    await toTalked('acknowledgement').expect(204);
    await toTalked('messages', { text: 'thanks, we will talk' }).expect(201);
    const toTold = await work(told);
    await toTold('acknowledgement').expect(204);
    const given = await toTold('feedback', { feedback: 'FEEDBACK-TEXT your manager was spoken to' }).expect(201);
    const toClosed = await work(closedWithIt);
    await toClosed('acknowledgement').expect(204);
    await toClosed('closure', { outcome: 'referred', feedback: 'we referred you to the company doctor' }).expect(204);
    await toClosed('closure', { outcome: 'referred', feedback: '' }).expect(400);

    const events = async (id: string) => (await service.platform.store.readStream(`case-${id}`)).map((e) => e.type);
    expect(await events(talked)).not.toContain('FeedbackGiven');
    expect(await events(closedWithIt)).toEqual(['CaseOpened', 'AdvisorAssigned', 'CaseAcknowledged', 'FeedbackGiven', 'CaseClosed']);
    const stored = (await service.platform.store.readStream(`case-${told}`)).find((e) => e.type === 'FeedbackGiven');
    expect(stored?.data).toMatchObject({ feedbackId: given.body.feedbackId, sealedFeedback: expect.stringMatching(/^sealed:/) });
    expect(JSON.stringify([stored?.data, stored?.metadata])).not.toContain('FEEDBACK-TEXT');

    // The advisor's deadlines: the feedback of the case with only a message is still pending; the others are met.
    await eventually(async () => {
      const { body } = await api().get('/advisors/me/deadlines').set('Authorization', a).expect(200);
      const of = (id: string) => body.deadlines.find((d: { caseId: string }) => d.caseId === id);
      expect(of(talked)).toMatchObject({ regime: 'service-standard', feedback: { state: 'pending' } });
      expect(of(told)).toBeUndefined(); // both deadlines met: nothing left to watch
      expect(of(closedWithIt)).toBeUndefined();
    });
    // The advisor's list gives each case its clocks, met ones too.
    const { body: mine } = await api().get('/advisors/me/cases').set('Authorization', a).expect(200);
    expect(mine.cases.find((c: { caseId: string }) => c.caseId === told)?.clocks).toMatchObject({
      acknowledgement: { state: 'met' },
      feedback: { state: 'met' },
    });
    // The case itself still gives both clocks, met, with the day each was met (the portal's case page shows them).
    const { body: opened } = await api().get(`/cases/${told}`).set('Authorization', a).expect(200);
    expect(opened.clocks).toMatchObject({
      regime: 'service-standard',
      acknowledgement: { deadline: 'acknowledgement', state: 'met', metAt: expect.any(String) },
      feedback: { deadline: 'feedback', state: 'met', metAt: expect.any(String) },
    });
    const { body: compliance } = await api()
      .get(`/agencies/${DEMO_AGENCY_ID}/deadlines/compliance`)
      .set('Authorization', carla)
      .expect(200);
    expect(compliance.counts['service-standard'].feedback.met).toBeGreaterThanOrEqual(2);
    expect(compliance.counts.wbk.feedback).toEqual(expect.objectContaining({ met: expect.any(Number), missed: expect.any(Number) }));
    // Erased rather than left closed: the retention test below counts the closed cases.
    await toClosed('erasure').expect(204);
  });

  it('takes an advisor id in capitals as the same advisor: the case reaches them, never a lost case', async () => {
    const id = randomUUID();
    await submitReport(id);
    const carla = await token('coordinator-carla');
    await eventually(() =>
      api()
        .post(`/agencies/${DEMO_AGENCY_ID}/cases/${id.toUpperCase()}/assignment`)
        .set('Authorization', carla)
        .send({ advisorId: anna.toUpperCase() })
        .expect(204),
    );
    const a = await token('advisor-anna');
    expect((await api().get(`/cases/${id}`).set('Authorization', a).expect(200)).body.advisorId).toBe(anna);
    const assigned = (await service.platform.store.readStream(`case-${id}`)).find((e) => e.type === 'AdvisorAssigned');
    expect(assigned?.data).toMatchObject({ advisorId: anna });
  });

  it('assigns and hands over only to an advisor of the agency who can act, and never leaves a case with nobody (defect 10)', async () => {
    const id = randomUUID();
    await submitReport(id);
    const carla = await token('coordinator-carla');
    const assign = (advisorId: string) =>
      api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId });
    // Once the case is open (it arrives over the bus), an advisor nobody knows is refused by rule, the nil UUID at the edge.
    const unknown = await eventually(async () => {
      const response = await assign(randomUUID());
      expect(response.status).toBe(422);
      return response;
    });
    expect(unknown.body).toMatchObject({ rule: 'AdvisorCannotActError' });
    await assign('00000000-0000-0000-0000-000000000000').expect(400);
    await assign(anna).expect(204);

    const a = await token('advisor-anna');
    const b = await token('advisor-bram');
    const transfer = (toAdvisorId: string) =>
      api().post(`/cases/${id}/transfer`).set('Authorization', a).send({ toAdvisorId, reason: 'HANDOVER-REASON leave' });
    await transfer('00000000-0000-0000-0000-000000000000').expect(400);
    expect((await transfer(randomUUID()).expect(422)).body).toMatchObject({ rule: 'AdvisorCannotActError' });
    await transfer(bram).expect(204);
    await transfer(bram).expect(409); // one offer at a time

    // Until Bram accepts, the case is Anna's: she acts, he sees nothing of it but the offer.
    await api().get(`/cases/${id}`).set('Authorization', a).expect(200);
    await api().get(`/cases/${id}`).set('Authorization', b).expect(404);
    await api().post(`/cases/${id}/acknowledgement`).set('Authorization', a).expect(204);
    await eventually(async () => {
      const { body } = await api().get('/advisors/me/handovers').set('Authorization', b).expect(200);
      expect(body.handovers).toEqual([expect.objectContaining({ caseId: id, theme: 'bullying' })]);
      const queue = await api().get(`/agencies/${DEMO_AGENCY_ID}/cases/attention`).set('Authorization', carla).expect(200);
      expect(queue.body.handoverPending.map((c: { caseId: string }) => c.caseId)).toContain(id);
    });
    await api().post(`/cases/${id}/handover/acceptance`).set('Authorization', a).expect(404); // not offered to her
    await api().post(`/cases/${id}/handover/acceptance`).set('Authorization', b).expect(204);
    await api().get(`/cases/${id}`).set('Authorization', b).expect(200);
    await api().get(`/cases/${id}`).set('Authorization', a).expect(404);
    const types = (await service.platform.store.readStream(`case-${id}`)).map((e) => e.type);
    expect(types).toEqual(['CaseOpened', 'AdvisorAssigned', 'CaseHandoverOffered', 'CaseAcknowledged', 'CaseTransferred']);

    // An advisor who leaves the directory cannot act any more: the coordinator's queue shows the case, no offer pending.
    await publishCounsellorStatus(service, bram, 'inactive', 2); // matching publishes that he left the agency
    try {
      const queue = await api().get(`/agencies/${DEMO_AGENCY_ID}/cases/attention`).set('Authorization', carla).expect(200);
      expect(queue.body.advisorCannotAct.map((c: { caseId: string }) => c.caseId)).toContain(id);
      expect(queue.body.handoverPending.map((c: { caseId: string }) => c.caseId)).not.toContain(id);
      expect(JSON.stringify(queue.body)).not.toContain('HANDOVER-REASON');
    } finally {
      await publishCounsellorStatus(service, bram, 'active', 3);
    }
  });

  it("takes matching's choice, also one that arrives before the case; a decline hands the case back; the coordinator's assignment stays the override", async () => {
    const anna = DEMO_ADVISORS['advisor-anna'];
    const bram = DEMO_ADVISORS['advisor-bram'];
    const [a, b, carla] = await Promise.all([token('advisor-anna'), token('advisor-bram'), token('coordinator-carla')]);
    const matched = (id: string, counsellorId: string, round: number) =>
      publishIntake(CounsellorMatchedV1, id, {
        caseId: id,
        agencyId: DEMO_AGENCY_ID,
        organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
        counsellorId,
        round,
        tier: 'primary',
        ruleSet: 'match-2026.12',
        matchedAt: new Date().toISOString(),
      });
    const stream = async (id: string) => service.platform.store.readStream(`case-${id}`);

    // The decision comes first (another topic than the report): it waits, and the case takes it when it opens.
    const id = randomUUID();
    await matched(id, anna, 1);
    await eventually(async () => {
      const rows: unknown[] = await service.app
        .get(ReadModels)
        .dataSource.query('select 1 from case_pending_matches where case_id = $1', [id]);
      expect(rows).toHaveLength(1);
    });
    await submitReport(id);
    await eventually(() => api().get(`/cases/${id}`).set('Authorization', a).expect(200));
    expect((await stream(id)).find((e) => e.type === 'AdvisorAssigned')?.data).toMatchObject({
      advisorId: anna,
      assignedBy: 'system:matching',
    });

    // Anna declines for a conflict with people in the case: she no longer sees it; it waits for matching's next round.
    await api().post(`/cases/${id}/declination`).set('Authorization', b).send({ conflictWith: 'organisation' }).expect(404);
    const bad = await api().post(`/cases/${id}/declination`).set('Authorization', a).send({ conflictWith: 'a neighbour' }).expect(400);
    expect(JSON.stringify(bad.body)).not.toContain('neighbour');
    await api().post(`/cases/${id}/declination`).set('Authorization', a).send({ conflictWith: 'people-in-case' }).expect(204);
    await api().get(`/cases/${id}`).set('Authorization', a).expect(404);
    expect((await stream(id)).at(-1)).toMatchObject({
      type: 'AssignmentDeclined',
      data: expect.objectContaining({ advisorId: anna, conflictWith: 'people-in-case' }),
    });
    await eventually(async () => {
      const queue = await api().get(`/agencies/${DEMO_AGENCY_ID}/cases/attention`).set('Authorization', carla).expect(200);
      expect(queue.body.waitingForAssignment.map((c: { caseId: string }) => c.caseId)).toContain(id);
    });
    await matched(id, bram, 2);
    await eventually(() => api().get(`/cases/${id}`).set('Authorization', b).expect(200));

    // The coordinator assigned by hand before matching answered: a late decision changes nothing.
    const manual = randomUUID();
    await submitReport(manual);
    await eventually(() =>
      api()
        .post(`/agencies/${DEMO_AGENCY_ID}/cases/${manual}/assignment`)
        .set('Authorization', carla)
        .send({ advisorId: bram })
        .expect(204),
    );
    await matched(manual, anna, 1);
    await service.app.get(MatchingDecisionsListener).caughtUp();
    await api().get(`/cases/${manual}`).set('Authorization', a).expect(404);
    await api().get(`/cases/${manual}`).set('Authorization', b).expect(200);
  });

  it("alerts the agency's coordinators, content-free, when matching finds nobody", async () => {
    const id = randomUUID();
    await submitReport(id);
    await publishIntake(NoCounsellorAvailableV1, id, {
      caseId: id,
      agencyId: DEMO_AGENCY_ID,
      organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
      round: 1,
      reason: 'all-excluded',
      ruleSet: 'match-2026.12',
      decidedAt: new Date().toISOString(),
    });
    await eventually(async () => {
      const rows: { kind: string }[] = await service.app
        .get(ReadModels)
        .dataSource.query('select kind from notice_outbox where notice_key like $1', [`case-unmatched:${id}:%`]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.kind === 'case-unmatched')).toBe(true);
    });
  });

  it('lets only the reporter resume a withdrawn report: the advisor can neither reopen nor write (defect 7)', async () => {
    const id = randomUUID();
    await submitReport(id);
    const carla = await token('coordinator-carla');
    await eventually(() =>
      api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
    );
    const a = await token('advisor-anna');
    const post = (path: string, body: object = {}) => api().post(`/cases/${id}/${path}`).set('Authorization', a).send(body);
    await publishIntake(ReportWithdrawnV1, id, { caseId: id, withdrawnAt: new Date().toISOString() });
    await eventually(async () =>
      expect((await service.platform.store.readStream(`case-${id}`)).map((e) => e.type)).toContain('ReportWithdrawn'),
    );
    expect((await post('reopening').expect(409)).body).toMatchObject({ rule: 'CaseWithdrawnError' });
    await post('messages', { text: 'are you still there?' }).expect(409);

    await publishIntake(ReportResumedV1, id, { caseId: id, resumedAt: new Date().toISOString() });
    await eventually(async () =>
      expect((await service.platform.store.readStream(`case-${id}`)).map((e) => e.type)).toContain('ReportResumed'),
    );
    await post('messages', { text: 'welcome back' }).expect(201);
    await post('acknowledgement').expect(204); // the clocks started anew: a new acknowledgement is due
    const { body } = await api().get(`/cases/${id}`).set('Authorization', a).expect(200);
    expect(body.status).toBe('open');
  });

  it("reveals the reporter's identity only under dual control, per viewer, and never in the history by default", async () => {
    const id = randomUUID();
    await submitReport(id, 'bullying', undefined, {
      anonymity: 'known-to-advisor',
      sealedIdentity: await service.platform.privacy.sealer.seal('IDENTITY-Jansen', subjectKey('reporter', `reporter-${id}`, id)),
    });
    const carla = await token('coordinator-carla');
    await eventually(() =>
      api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
    );
    const a = await token('advisor-anna');
    const identityIn = async () => {
      const { body } = await api().get(`/cases/${id}`).set('Authorization', a).expect(200);
      return body.history.find((e: { type: string }) => e.type === 'CaseOpened').data.sealedIdentity;
    };
    expect(await identityIn()).toEqual({ notRevealed: true });

    // A colleague as viewer waits for the reporter; the agreement at intake approves the assigned advisor at once.
    const colleague = await api()
      .post(`/cases/${id}/identity-reveals`)
      .set('Authorization', a)
      .send({ viewerId: bram, reason: 'REVEAL-REASON second counsellor' });
    expect(colleague.status).toBe(201);
    expect(await identityIn()).toEqual({ notRevealed: true });
    await api().post(`/cases/${id}/identity-reveals`).set('Authorization', a).send({ viewerId: randomUUID(), reason: 'x' }).expect(422);
    await api()
      .post(`/cases/${id}/identity-reveals`)
      .set('Authorization', a)
      .send({ viewerId: anna, reason: 'I will call her back' })
      .expect(201);
    expect(await identityIn()).toBe('IDENTITY-Jansen');
    const events = (await service.platform.store.readStream(`case-${id}`)).filter((e) => e.type.startsWith('IdentityReveal'));
    expect(events.map((e) => [e.type, (e.data as { decidedBy?: string }).decidedBy])).toEqual([
      ['IdentityRevealRequested', undefined],
      ['IdentityRevealRequested', undefined],
      ['IdentityRevealDecided', 'intake-agreement'],
    ]);
    expect(await tablesContaining(db.url, 'REVEAL-REASON')).toEqual([]);

    // An anonymous reporter gave no identity: nothing to reveal.
    const anonymous = randomUUID();
    await submitReport(anonymous);
    await eventually(() =>
      api()
        .post(`/agencies/${DEMO_AGENCY_ID}/cases/${anonymous}/assignment`)
        .set('Authorization', carla)
        .send({ advisorId: anna })
        .expect(204),
    );
    const refused = await api()
      .post(`/cases/${anonymous}/identity-reveals`)
      .set('Authorization', a)
      .send({ viewerId: anna, reason: 'x' })
      .expect(422);
    expect(refused.body).toMatchObject({ rule: 'NoIdentityToRevealError' });
  });

  it('asks a colleague a de-identified question (intervisie): the colleague sees the question, never the case', async () => {
    const id = randomUUID();
    await submitReport(id);
    const carla = await token('coordinator-carla');
    await eventually(() =>
      api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
    );
    const a = await token('advisor-anna');
    const b = await token('advisor-bram');
    await api().post(`/cases/${id}/consultations`).set('Authorization', a).send({ colleagueId: anna, question: 'me?' }).expect(422);
    const asked = await api()
      .post(`/cases/${id}/consultations`)
      .set('Authorization', a)
      .send({ colleagueId: bram, question: 'QUESTION-TEXT a manager shouts in meetings; refer to HR or the company doctor first?' })
      .expect(201);
    const { consultationId } = asked.body as { consultationId: string };

    const { body: mine } = await eventually(async () => {
      const response = await api().get('/advisors/me/consultations').set('Authorization', b).expect(200);
      expect(response.body.consultations).toHaveLength(1);
      return response;
    });
    expect(mine.consultations[0]).toMatchObject({ consultationId, askedBy: anna, question: expect.stringContaining('QUESTION-TEXT') });
    const seen = JSON.stringify(mine);
    for (const secret of [id, CANARY, 'bullying']) expect(seen).not.toContain(secret);
    await api().get(`/cases/${id}`).set('Authorization', b).expect(404);
    await api().get(`/cases/${id}/consultations`).set('Authorization', b).expect(404);

    const other = await token({ advisor_id: randomUUID(), agency_id: DEMO_AGENCY_ID, realm_access: { roles: ['advisor'] } });
    await api().post(`/consultations/${consultationId}/answer`).set('Authorization', other).send({ answer: 'me' }).expect(404);
    await api().post(`/consultations/${consultationId}/answer`).set('Authorization', a).send({ answer: 'me' }).expect(404);
    await api()
      .post(`/consultations/${consultationId}/answer`)
      .set('Authorization', b)
      .send({ answer: 'ANSWER-TEXT HR first' })
      .expect(204);
    await api().post(`/consultations/${consultationId}/answer`).set('Authorization', b).send({ answer: 'again' }).expect(409);

    await eventually(async () => {
      const { body } = await api().get(`/cases/${id}/consultations`).set('Authorization', a).expect(200);
      expect(body.consultations).toEqual([
        expect.objectContaining({ consultationId, colleagueId: bram, answer: expect.stringContaining('ANSWER-TEXT') }),
      ]);
    });
    for (const text of ['QUESTION-TEXT', 'ANSWER-TEXT']) expect(await tablesContaining(db.url, text)).toEqual([]);

    const { body: replay } = await api()
      .get(`/audits/${randomUUID()}/cases/${id}/replay`)
      .set('Authorization', await token('auditor-ada'))
      .expect(200);
    const consultation = replay.timeline.filter((e: { type: string }) => e.type.startsWith('PeerConsultation'));
    expect(consultation.map((e: { data: Record<string, unknown> }) => e.data.sealedQuestion ?? e.data.sealedAnswer)).toEqual([
      'sealed',
      'sealed',
    ]);
  });

  it('records completed aftercare against its plan, sealed, and not once erased', async () => {
    const id = randomUUID();
    await submitReport(id);
    const carla = await token('coordinator-carla');
    await eventually(() =>
      api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
    );
    const a = await token('advisor-anna');
    const post = (path: string, body: object = {}) => api().post(`/cases/${id}/${path}`).set('Authorization', a).send(body);
    const { body: plan } = await post('aftercare', {
      plannedFor: amsterdamToday(),
      plan: 'call back in two weeks',
    }).expect(201);
    await post(`aftercare/${randomUUID()}/completion`, { note: 'no such plan' }).expect(404);
    await post(`aftercare/${plan.aftercareId}/completion`, {}).expect(400);
    await post(`aftercare/${plan.aftercareId}/completion`, { note: 'AFTERCARE-NOTE called back, doing well' }).expect(204);

    const recorded = (await service.platform.store.readStream(`case-${id}`)).find((e) => e.type === 'AftercareRecorded');
    expect(recorded?.data).toMatchObject({ aftercareId: plan.aftercareId, advisorId: anna, sealedNote: expect.stringMatching(/^sealed:/) });
    expect(JSON.stringify([recorded?.data, recorded?.metadata])).not.toContain('AFTERCARE-NOTE');
    const read = await api().get(`/cases/${id}`).set('Authorization', a).expect(200);
    expect(read.body.history.find((e: { type: string }) => e.type === 'AftercareRecorded').data.sealedNote).toBe(
      'AFTERCARE-NOTE called back, doing well',
    );

    // Erased rather than closed: the retention test below counts the closed cases.
    await api()
      .post(`/cases/${id}/erasure`)
      .set('Authorization', await token('admin-adam'))
      .expect(204);
    // The assigned advisor may learn it was erased.
    await post(`aftercare/${plan.aftercareId}/completion`, { note: 'after erasure' }).expect(409);
  });

  it("never shows an advisor another case's content moved into this case's events", async () => {
    const [x, y] = [randomUUID(), randomUUID()];
    const OTHER = 'CANARY-case-Y-account-Pietersen-0698765432';
    const ofY = await service.platform.privacy.sealer.seal(OTHER, caseKey(y));
    await submitReport(y, 'bullying', ofY);
    await submitReport(x, 'bullying', ofY); // whoever can publish puts case Y's ciphertext, verbatim, into case X's report
    const carla = await token('coordinator-carla');
    for (const id of [x, y]) {
      await eventually(() =>
        api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
      );
    }
    const a = await token('advisor-anna');
    const opened = (body: { history: { type: string; data: Record<string, unknown> }[] }) =>
      body.history.find((e) => e.type === 'CaseOpened')!.data;

    const readX = await api().get(`/cases/${x}`).set('Authorization', a).expect(200);
    expect(JSON.stringify(readX.body)).not.toContain(OTHER);
    expect(opened(readX.body).sealedAccount).toEqual({ refused: true });
    const readY = await api().get(`/cases/${y}`).set('Authorization', a).expect(200);
    expect(opened(readY.body).sealedAccount).toBe(OTHER); // in its own case it still reads

    const { body: replay } = await api()
      .get(`/audits/${randomUUID()}/cases/${x}/replay`)
      .set('Authorization', await token('auditor-ada'))
      .expect(200);
    expect(JSON.stringify(replay)).not.toContain(OTHER);
    expect(replay.timeline.find((e: { type: string }) => e.type === 'CaseOpened').data.sealedAccount).toBe('foreign');
  });

  it('replays the case for an auditor: pseudonyms, a valid chain, clocks met, nothing sealed in clear', async () => {
    const auditId = randomUUID();
    const { body } = await api()
      .get(`/audits/${auditId}/cases/${caseId}/replay`)
      .set('Authorization', await token('auditor-ada'))
      .expect(200);
    expect(body.chain.case.valid).toBe(true);
    expect(body.clocks.acknowledgement.state).toBe('met');
    expect(body.clocks.feedback.state).toBe('met');
    expect(JSON.stringify(body)).not.toContain(CANARY);
    expect(JSON.stringify(body)).not.toContain(anna);
    expect(body.timeline.find((e: { type: string }) => e.type === 'CaseOpened').data.sealedAccount).toBe('sealed');
    expect(body.timeline.some((e: { type: string }) => e.type === 'SealedContentRead')).toBe(true);
    expect(body.timeline.find((e: { type: string }) => e.type === 'CaseAcknowledged').actor).toMatch(/^actor-/);

    // Advisor ids in the data are this audit's pseudonyms too, the same as the actor's: who was assigned is who acted.
    type Entry = { type: string; actor: string; data: Record<string, string> };
    const of = (replay: { timeline: Entry[] }, type: string) => replay.timeline.find((e) => e.type === type)!;
    const assignedEntry = of(body, 'AdvisorAssigned');
    expect(assignedEntry.data.advisorId).toMatch(/^actor-/);
    expect(assignedEntry.data.advisorId).toBe(of(body, 'CaseAcknowledged').actor);
    expect(of(body, 'CaseAcknowledged').data.advisorId).toBe(of(body, 'CaseAcknowledged').actor);
    expect(assignedEntry.data.assignedBy).toBe(assignedEntry.actor);
    expect(of(body, 'SealedContentRead').data.actor).toBe(of(body, 'CaseAcknowledged').actor);
    const other = (
      await api()
        .get(`/audits/${randomUUID()}/cases/${caseId}/replay`)
        .set('Authorization', await token('auditor-ada'))
        .expect(200)
    ).body;
    expect(of(other, 'AdvisorAssigned').data.advisorId).not.toBe(assignedEntry.data.advisorId); // unlinkable across audits
  });

  it('refuses every role that must not reach an endpoint', async () => {
    const otherAgency = await token({ agency_id: randomUUID(), realm_access: { roles: ['coordinator'] } });
    await api()
      .get(`/cases/${caseId}`)
      .set('Authorization', await token('advisor-bram'))
      .expect(404);
    await api()
      .post(`/cases/${caseId}/acknowledgement`)
      .set('Authorization', await token('advisor-bram'))
      .expect(404);
    await api().get(`/agencies/${DEMO_AGENCY_ID}/cases`).set('Authorization', otherAgency).expect(403);
    for (const user of ['employer-erik', 'auditor-ada', 'admin-adam', 'coordinator-carla']) {
      await api()
        .get(`/cases/${caseId}`)
        .set('Authorization', await token(user))
        .expect(403);
      await api()
        .post(`/cases/${caseId}/hours`)
        .set('Authorization', await token(user))
        .send({ workedOn: '2026-01-01', minutes: 5, activity: 'advice' })
        .expect(403);
    }
    for (const user of ['employer-erik', 'auditor-ada', 'admin-adam', 'advisor-anna']) {
      await api()
        .get(`/agencies/${DEMO_AGENCY_ID}/cases`)
        .set('Authorization', await token(user))
        .expect(403);
      await api()
        .put(`/agencies/${DEMO_AGENCY_ID}/retention`)
        .set('Authorization', await token(user))
        .send({ monthsAfterClosure: 1 })
        .expect(403);
    }
    for (const user of ['employer-erik', 'advisor-anna', 'admin-adam', 'coordinator-carla']) {
      await api()
        .get(`/audits/${randomUUID()}/cases/${caseId}/replay`)
        .set('Authorization', await token(user))
        .expect(403);
    }
    for (const user of ['employer-erik', 'auditor-ada', 'coordinator-carla']) {
      await api()
        .post(`/cases/${caseId}/erasure`)
        .set('Authorization', await token(user))
        .expect(403);
    }
    await api().get(`/cases/${caseId}`).expect(401);
  });

  it('answers another advisor exactly as for a case that does not exist: nobody learns it is there', async () => {
    const bram = await token('advisor-bram');
    const answer = async (id: string) => {
      const res = await api().post(`/cases/${id}/acknowledgement`).set('Authorization', bram).expect(404);
      const { instance: _instance, correlationId: _correlationId, ...body } = res.body as Record<string, unknown>;
      return body;
    };
    const theirs = await answer(caseId);
    expect(theirs).toEqual(await answer(randomUUID()));
    expect(theirs).toMatchObject({ status: 404, rule: 'CaseNotFoundError', detail: 'No such case of yours' });
  });

  it('answers malformed, unknown and oversized input with a problem', async () => {
    const a = await token('advisor-anna');
    const bad = await api()
      .post(`/cases/${caseId}/hours`)
      .set('Authorization', a)
      .send({ workedOn: 'yesterday', minutes: -1, activity: 'golf', extra: 1 })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    await api()
      .post(`/cases/${caseId}/messages`)
      .set('Authorization', a)
      .send({ text: 'x'.repeat(200_000) })
      .expect(413);
    await api().get('/cases/not-a-uuid').set('Authorization', a).expect(400);
    await api()
      .get(`/agencies/${DEMO_AGENCY_ID}/cases?status=bogus`)
      .set('Authorization', await token('coordinator-carla'))
      .expect(400);
  });

  it('refuses an advisorId that only looks like a UUID with a problem naming it, never the value (not a 500)', async () => {
    const carla = await token('coordinator-carla');
    // 36 hex digits, or 36 dashes: shaped like a UUID without being one, which PostgreSQL refuses on a uuid column.
    for (const bad of ['a'.repeat(36), '-'.repeat(36)]) {
      for (const query of [`advisorId=${bad}`, `state=due&advisorId=${bad}`]) {
        const res = await api().get(`/agencies/${DEMO_AGENCY_ID}/deadlines?${query}`).set('Authorization', carla);
        expect([query, res.status, res.headers['content-type']]).toEqual([
          query,
          400,
          expect.stringMatching(/^application\/problem\+json/),
        ]);
        expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/validation', status: 400 });
        expect(res.body.errors).toEqual([{ field: 'advisorId', rule: 'isUuid', message: 'advisorId must be a UUID' }]);
        expect(res.text).not.toContain(bad);
      }
    }
    await api().get(`/agencies/${DEMO_AGENCY_ID}/deadlines?advisorId=${anna}`).set('Authorization', carla).expect(200);
  });

  it('refuses an id in any position of a path that is not a UUID with a problem naming that parameter, never the value', async () => {
    const [carla, ada, anna] = await Promise.all(['coordinator-carla', 'auditor-ada', 'advisor-anna'].map((user) => token(user)));
    const ok = randomUUID();
    for (const bad of ['a'.repeat(36), 'nope-CANARY']) {
      // A tenant-scoped id reaches the pipe only when the token claims that very value: the guard refuses any other.
      const [coordinatorOfBad, auditorOfBad] = await Promise.all(
        ['coordinator', 'auditor'].map((role) => token({ agency_id: bad, realm_access: { roles: [role] } })),
      );
      const refusals: [call: request.Test, field: string][] = [
        [api().get(`/audits/${bad}/cases/${ok}/replay`).set('Authorization', ada), 'auditId'],
        [api().get(`/audits/${ok}/cases/${bad}/replay`).set('Authorization', ada), 'caseId'],
        [api().get(`/audits/${bad}/agencies/${DEMO_AGENCY_ID}/cases`).set('Authorization', ada), 'auditId'],
        [api().get(`/audits/${ok}/agencies/${bad}/cases`).set('Authorization', auditorOfBad), 'agencyId'],
        [api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${bad}/assignment`).set('Authorization', carla).send({ advisorId: ok }), 'caseId'],
        [api().post(`/agencies/${bad}/cases/${ok}/assignment`).set('Authorization', coordinatorOfBad).send({ advisorId: ok }), 'agencyId'],
        [api().post(`/cases/${bad}/summaries/${ok}/share`).set('Authorization', anna), 'caseId'],
        [api().post(`/cases/${ok}/summaries/${bad}/share`).set('Authorization', anna), 'summaryId'],
      ];
      for (const [call, field] of refusals) {
        const res = await call;
        expectUuidRefused(res, field, bad);
      }
      await api().post(`/agencies/${bad}/cases/${ok}/assignment`).set('Authorization', carla).send({ advisorId: ok }).expect(403);
    }
  });

  // Issue 8, defect 6: consent was the advisor's (one `referral` consent for any target; none at all needed on
  // integrity themes or not-sure). Defect 9: a summary could be shared and answered once. Left open: the retention
  // test below counts the closed cases.
  it('needs the reporter\u2019s consent per target on every theme: recorded from a conversation it counts once confirmed, withdrawn it no longer does; a legal duty is its own event', async () => {
    const id = randomUUID();
    await submitReport(id, 'not-sure');
    const carla = await token('coordinator-carla');
    await eventually(() =>
      api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
    );
    const a = await token('advisor-anna');
    const post = (path: string, body: object = {}) => api().post(`/cases/${id}/${path}`).set('Authorization', a).send(body);
    await post('referrals', { referralType: 'police' }).expect(422); // not-sure: before, this went through without consent
    await post('formal-report').expect(422);
    const conv = await post('conversations', {
      heldOn: amsterdamToday(),
      minutes: 30,
      mode: 'phone',
      summary: 'call',
    }).expect(201);

    // Recorded by the advisor from the conversation: shown to the reporter, not counting before they confirm.
    await post('consents', { scope: 'referral', conversationId: conv.body.conversationId }).expect(400); // no target
    await post('consents', { scope: 'referral', referralType: 'police', conversationId: randomUUID() }).expect(404);
    const recorded = await post('consents', { scope: 'referral', referralType: 'police', conversationId: conv.body.conversationId }).expect(
      201,
    );
    await post('referrals', { referralType: 'police' }).expect(422);
    await fromReporter('intake.consent-confirmed', id, { consentId: recorded.body.consentId, confirmedAt: new Date().toISOString() });
    await eventually(async () => expect(await streamTypes(id)).toContain('ConsentConfirmed'));
    await post('referrals', { referralType: 'hr' }).expect(422); // consent to the police is not consent to HR
    const referral = await post('referrals', { referralType: 'police' }).expect(201);
    const made = (await service.platform.store.readStream(`case-${id}`)).find((e) => e.type === 'ReferralMade');
    expect(made?.data).toMatchObject({ referralId: referral.body.referralId, consentId: recorded.body.consentId });

    // Withdrawn by the reporter: it allows nothing more.
    await fromReporter('intake.consent-withdrawn', id, { consentId: recorded.body.consentId, withdrawnAt: new Date().toISOString() });
    await eventually(async () => expect(await streamTypes(id)).toContain('ConsentWithdrawn'));
    await post('referrals', { referralType: 'police' }).expect(422);

    // The law overrides consent only as its own recorded event, with a reason from the closed list; the step references it.
    await post('legal-duties', { reason: 'because', scope: 'formal-report', explanation: 'x' }).expect(400);
    const duty = await post('legal-duties', {
      reason: 'crime-art-160-sv',
      scope: 'formal-report',
      explanation: 'LEGAL-DUTY-CANARY a serious crime was announced',
    }).expect(201);
    await post('formal-report').expect(204);
    const stream = await service.platform.store.readStream(`case-${id}`);
    expect(stream.find((e) => e.type === 'FormalReportSupported')?.data).toMatchObject({ legalDutyId: duty.body.dutyId });
    expect(JSON.stringify(stream.map((e) => e.data))).not.toContain('LEGAL-DUTY-CANARY');

    const read = await api().get(`/cases/${id}`).set('Authorization', a).expect(200);
    expect(read.body.consents).toEqual([
      { consentId: recorded.body.consentId, scope: 'referral', referralType: 'police', recordedBy: 'advisor', status: 'withdrawn' },
    ]);
    expect(read.body.legalDuties).toEqual([
      { dutyId: duty.body.dutyId, reason: 'crime-art-160-sv', scope: 'formal-report', referralType: null },
    ]);
    expect(read.body.history.find((e: { type: string }) => e.type === 'LegalDutyInvoked').data.sealedExplanation).toBe(
      'LEGAL-DUTY-CANARY a serious crime was announced',
    );
  });

  it('revises a shared summary as a new version, takes the reporter\u2019s approval of the latest and marks it', async () => {
    const id = randomUUID();
    await submitReport(id);
    const carla = await token('coordinator-carla');
    await eventually(() =>
      api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
    );
    const a = await token('advisor-anna');
    const post = (path: string, body: object = {}) => api().post(`/cases/${id}/${path}`).set('Authorization', a).send(body);
    const conv = await post('conversations', {
      heldOn: amsterdamToday(),
      minutes: 30,
      mode: 'video',
      summary: 'Monday',
    }).expect(201);
    const summaryId = conv.body.summaryId as string;
    await post(`summaries/${summaryId}/versions`, { summary: 'too early' }).expect(422); // not shared yet
    await post(`summaries/${summaryId}/share`).expect(204);
    await fromReporter('intake.summary-corrected', id, {
      summaryId,
      version: 1,
      correctedAt: new Date().toISOString(),
      sealedCorrection: await service.platform.privacy.sealer.seal('It was Tuesday', caseKey(id)),
    });
    await eventually(async () => expect(await streamTypes(id)).toContain('SummaryCorrected'));
    await post(`summaries/${summaryId}/versions`, { summary: 'Tuesday' }).expect(204);
    await post(`summaries/${summaryId}/versions`, {}).expect(400);
    await fromReporter('intake.summary-approved', id, { summaryId, version: 2, approvedAt: new Date().toISOString() });
    await eventually(async () => expect(await streamTypes(id)).toContain('SummaryApproved'));

    const read = await api().get(`/cases/${id}`).set('Authorization', a).expect(200);
    expect(read.body.summaries).toEqual([{ summaryId, version: 2, approvedVersion: 2 }]);
    const shares = read.body.history.filter((e: { type: string }) => e.type === 'SummaryShared');
    expect(shares.map((e: { data: { version: number; sealedSummary: string } }) => [e.data.version, e.data.sealedSummary])).toEqual([
      [1, 'Monday'],
      [2, 'Tuesday'],
    ]);
  });

  it('erases closed cases past retention, and the replay still works with the fields erased', async () => {
    const coordinator = await token('coordinator-carla');
    const before = await api().get(`/agencies/${DEMO_AGENCY_ID}/retention`).set('Authorization', coordinator).expect(200);
    expect(before.body).toEqual({ agencyId: DEMO_AGENCY_ID, monthsAfterClosure: null });
    await api().put(`/agencies/${DEMO_AGENCY_ID}/retention`).set('Authorization', coordinator).send({ monthsAfterClosure: 6 }).expect(200);
    expect((await api().get(`/agencies/${DEMO_AGENCY_ID}/retention`).set('Authorization', coordinator).expect(200)).body).toEqual({
      agencyId: DEMO_AGENCY_ID,
      monthsAfterClosure: 6,
    });
    const job = service.app.get(RetentionJob);
    await eventually(async () => expect(await job.runOnce(new Date(Date.now() + 5 * 31 * 24 * 3600_000))).toBe(0));
    expect(await job.runOnce(new Date(Date.now() + 7 * 31 * 24 * 3600_000))).toBe(1);
    const { body } = await api()
      .get(`/audits/${randomUUID()}/cases/${caseId}/replay`)
      .set('Authorization', await token('auditor-ada'))
      .expect(200);
    expect(body.timeline.find((e: { type: string }) => e.type === 'CaseOpened').data.sealedAccount).toBe('erased');
    expect(body.timeline.at(-1)?.type === 'CaseErased' || body.timeline.some((e: { type: string }) => e.type === 'CaseErased')).toBe(true);
    await api()
      .get(`/cases/${caseId}`)
      .set('Authorization', await token('advisor-anna'))
      .expect(404);
  });

  // Last: it closes a case, which the retention test above must not count.
  it('shows the coordinator and the advisor what the reporter asked for, and takes the new theme and outcome', async () => {
    const id = randomUUID();
    const asked = { language: 'tr', preferredAdvisorGender: 'female', preferredAdvisorKind: 'external' };
    await submitReport(id, 'public-interest-wrongdoing', undefined, asked);
    const carla = await token('coordinator-carla');
    const listed = async (path: string, auth: string) =>
      ((await api().get(path).set('Authorization', auth).expect(200)).body.cases as { caseId: string }[]).find((c) => c.caseId === id);
    await eventually(async () =>
      expect(await listed(`/agencies/${DEMO_AGENCY_ID}/cases`, carla)).toMatchObject({ theme: 'public-interest-wrongdoing', ...asked }),
    );
    await api()
      .post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`)
      .set('Authorization', carla)
      .send({ advisorId: anna })
      .expect(204);
    const a = await token('advisor-anna');
    await eventually(async () => expect(await listed('/advisors/me/cases', a)).toMatchObject(asked));
    const read = await api().get(`/cases/${id}`).set('Authorization', a).expect(200);
    expect(read.body.reporterAsked).toEqual({ language: 'tr', advisorGender: 'female', advisorKind: 'external' });
    await api().post(`/cases/${id}/closure`).set('Authorization', a).send({ outcome: 'listened-and-advised' }).expect(204);
  });
});
