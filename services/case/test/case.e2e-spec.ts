import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { ReportSubmittedV1 } from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { RetentionJob } from '../src/application/jobs/retention.job';
import { caseService } from '../src/service';

const CANARY = 'CANARY-account-Jansen-0612345678';
const anna = DEMO_ADVISORS['advisor-anna'];

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
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  async function submitReport(id: string, theme = 'bullying', sealed?: string, asked: object = {}): Promise<void> {
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
      ...asked,
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
      heldOn: new Date().toISOString().slice(0, 10),
      minutes: 45,
      mode: 'video',
      summary: 'we talked',
    }).expect(201);
    await post(`summaries/${conv.body.summaryId}/share`).expect(204);
    const refused = await post('referrals', { referralType: 'company-doctor' }).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    await post('consents', { scope: 'referral' }).expect(204);
    await post('referrals', { referralType: 'company-doctor' }).expect(201);
    await post('hours', { workedOn: new Date().toISOString().slice(0, 10), minutes: 60, activity: 'conversation' }).expect(204);
    await post('closure', { outcome: 'referred' }).expect(204);
    await post('advice', { text: 'late' }).expect(409);

    const read = await api().get(`/cases/${caseId}`).set('Authorization', a).expect(200);
    expect(JSON.stringify(read.body)).toContain(CANARY);
    expect(read.body.status).toBe('closed');
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
      plannedFor: new Date().toISOString().slice(0, 10),
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
