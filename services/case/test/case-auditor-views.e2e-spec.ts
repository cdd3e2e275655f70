import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, DEMO_USERS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { ReportSubmittedV1 } from '@vertrouwd/contracts';
import { publishAs } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, eventually, tablesContaining, type TestDatabase } from '@vertrouwd/testing';
import { acknowledgementDue, feedbackDue, localDayOf } from '../src/domain/case/legal-clock';
import { caseService } from '../src/service';
import { publishDemoCounsellors } from './directory.fixture';

// The auditor's lists of an agency over HTTP with a real database: the cases with their clocks (one met, one
// acknowledged late, one never acknowledged), compliance per regime over a period, and the access log with the
// reason each advisor read stated. No answer carries sealed content, a name or an advisor's real id.

const CANARY = 'CANARY-auditor-account-Visser-0611122233';
const anna = DEMO_ADVISORS['advisor-anna'];
const DAY = 24 * 60 * 60 * 1000;

describe('case service: the auditor of an agency lists cases, compliance and reads', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const now = new Date();
  // prompt: acknowledged and fed back at once (service standard); late: acknowledged after its 7 days (Wbk);
  // silent: never acknowledged, both deadlines long past (Wbk).
  const received = { prompt: now, late: new Date(now.getTime() - 12 * DAY), silent: new Date(now.getTime() - 130 * DAY) };
  const cases = { prompt: randomUUID(), late: randomUUID(), silent: randomUUID() };
  const auditId = randomUUID();
  const answers: unknown[] = [];
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);
  let ada: string;
  /** The auditor's GET under this audit and agency; every answer is kept for the personal-data check at the end. */
  const audit = async (path: string, status = 200) => {
    const { body } = await api().get(`/audits/${auditId}/agencies/${DEMO_AGENCY_ID}${path}`).set('Authorization', ada).expect(status);
    answers.push(body);
    return body;
  };
  const dayOf = (at: Date) => {
    const { year, month, day } = localDayOf(at);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('case_auditor_views');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'vertrouwd-case-audit-')),
      PORT: '0',
    };
    service = await startService({ ...caseService, logger: false }, env);
    await publishDemoCounsellors(service);
    ada = await token('auditor-ada');

    const carla = await token('coordinator-carla');
    const themes = { prompt: 'bullying', late: 'theft-or-fraud', silent: 'corruption' };
    for (const name of ['prompt', 'late', 'silent'] as const) {
      const id = cases[name];
      await publishAs(service.platform.bus, ReportSubmittedV1, id, {
        caseId: id,
        agencyId: DEMO_AGENCY_ID,
        organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
        theme: themes[name],
        relation: 'manager',
        anonymity: 'anonymous',
        contactChannel: 'platform',
        language: 'nl',
        preferredAdvisorGender: 'any',
        preferredAdvisorKind: 'any',
        consentVersion: 'v1',
        receivedAt: received[name].toISOString(),
        sealedAccount: await service.platform.privacy.sealer.seal(CANARY, caseKey(id)),
      });
      await eventually(() =>
        api().post(`/agencies/${DEMO_AGENCY_ID}/cases/${id}/assignment`).set('Authorization', carla).send({ advisorId: anna }).expect(204),
      );
    }
    const a = await token('advisor-anna');
    const work = (id: string, action: string, body: object = {}) =>
      api()
        .post(`/cases/${id}/${action}`)
        .set('Authorization', a)
        .send(body)
        .expect((res) => expect([201, 204]).toContain(res.status));
    await work(cases.prompt, 'acknowledgement');
    await work(cases.prompt, 'feedback', { feedback: `${CANARY} feedback` });
    await work(cases.prompt, 'closure', { outcome: 'no-further-contact' });
    await work(cases.late, 'acknowledgement');

    // Three reads, each with the reason stated (none: case work); a bad reason reads nothing and logs nothing.
    await api().get(`/cases/${cases.prompt}`).set('Authorization', a).expect(200);
    await api().get(`/cases/${cases.late}?reason=handover`).set('Authorization', a).expect(200);
    await api().get(`/cases/${cases.silent}?reason=legal-duty`).set('Authorization', a).expect(200);
    const bad = await api().get(`/cases/${cases.silent}?reason=curiosity`).set('Authorization', a).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    await service.app.get(ReadModels).caughtUp();
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it("lists the agency's cases with their clocks met and missed, the advisor as the audit's pseudonym, replayable by the listed id", async () => {
    const body = await audit('/cases');
    expect(body).toMatchObject({ agencyId: DEMO_AGENCY_ID, total: 3, limit: 50, offset: 0 });
    const byId = Object.fromEntries(body.cases.map((c: { caseId: string }) => [c.caseId, c]));
    expect(body.cases.map((c: { caseId: string }) => c.caseId)).toEqual([cases.silent, cases.late, cases.prompt]); // oldest first

    expect(byId[cases.prompt]).toMatchObject({
      regime: 'service-standard',
      status: 'closed',
      organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
      receivedAt: received.prompt.toISOString(),
      clocks: { acknowledgement: { state: 'met' }, feedback: { state: 'met' } },
    });
    expect(byId[cases.prompt].acknowledgedAt).toBe(byId[cases.prompt].clocks.acknowledgement.metAt);
    expect(byId[cases.prompt].feedbackAt).toBe(byId[cases.prompt].clocks.feedback.metAt);
    expect(byId[cases.late]).toMatchObject({
      regime: 'wbk',
      status: 'open',
      feedbackAt: null,
      closedAt: null,
      clocks: {
        acknowledgement: { state: 'missed', dueAt: acknowledgementDue(received.late).toISOString() },
        feedback: { state: 'pending' },
      },
    });
    expect(byId[cases.silent]).toMatchObject({
      regime: 'wbk',
      acknowledgedAt: null,
      clocks: {
        acknowledgement: { state: 'missed', dueAt: acknowledgementDue(received.silent).toISOString() },
        feedback: { state: 'missed', dueAt: feedbackDue(received.silent).toISOString() },
      },
    });

    // The listed advisor is the replay's: the same pseudonym under this audit, never the real id.
    const advisor = byId[cases.late].advisorId;
    expect(advisor).toMatch(/^actor-/);
    const { body: replay } = await api().get(byId[cases.late].replay).set('Authorization', ada).expect(200);
    answers.push(replay);
    expect(replay.timeline.find((e: { type: string }) => e.type === 'AdvisorAssigned').data.advisorId).toBe(advisor);
    expect(replay.clocks).toMatchObject({ acknowledgement: { state: 'missed' }, feedback: { state: 'pending' } });
    // The replay's access log carries the stated reason too.
    const read = replay.timeline.find((e: { type: string }) => e.type === 'SealedContentRead');
    expect([read.actor, read.data.reason]).toEqual([advisor, 'handover']);
  });

  it('documents the filters and paging in the OpenAPI document', async () => {
    const { body } = await api().get('/openapi.json').expect(200);
    const params = (path: string) =>
      (body.paths[`/audits/{auditId}/agencies/{agencyId}${path}`].get.parameters as { name: string; in: string }[])
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort();
    expect(params('/cases')).toEqual(['limit', 'missed', 'offset', 'regime', 'status']);
    expect(params('/deadlines/compliance')).toEqual(['from', 'to']);
    expect(params('/access-log')).toEqual(['caseId', 'from', 'limit', 'offset', 'reason', 'to']);
    const reason = body.paths['/cases/{caseId}'].get.parameters.find((p: { name: string }) => p.name === 'reason');
    expect(reason.schema.enum).toEqual(['case-work', 'handover', 'legal-duty', 'audit']);
  });

  it('filters by status, regime and missed deadlines, and pages', async () => {
    const ids = async (query: string) => (await audit(`/cases?${query}`)).cases.map((c: { caseId: string }) => c.caseId);
    expect(await ids('missed=true')).toEqual([cases.silent, cases.late]);
    expect(await ids('missed=false')).toEqual([cases.silent, cases.late, cases.prompt]);
    expect(await ids('regime=service-standard')).toEqual([cases.prompt]);
    expect(await ids('status=closed')).toEqual([cases.prompt]);
    expect(await ids('status=open&regime=wbk&missed=true')).toEqual([cases.silent, cases.late]);
    expect(await ids('status=waiting-for-assignment')).toEqual([]);
    const first = await audit('/cases?limit=2');
    const rest = await audit('/cases?limit=2&offset=2');
    expect([first.total, rest.total]).toEqual([3, 3]);
    expect([...first.cases, ...rest.cases].map((c: { caseId: string }) => c.caseId)).toEqual([cases.silent, cases.late, cases.prompt]);
    expect((await audit('/cases?offset=10')).cases).toEqual([]);
  });

  it('refuses a filter it does not take instead of answering as if unfiltered, naming no parameter', async () => {
    for (const query of ['regim=wbk', 'regime[]=wbk', 'status=closed&canary-5d1e=1']) {
      const refused = await audit(`/cases?${query}`, 400);
      expect(refused.errors).toEqual([expect.objectContaining({ field: '(query)', rule: 'unknownParameter' })]);
      expect(JSON.stringify(refused)).not.toMatch(/regim|canary/);
    }
    // The advisor's stated reason, misspelt, is not read as case work.
    const a = await token('advisor-anna');
    await api().get(`/cases/${cases.late}?reson=audit`).set('Authorization', a).expect(400);
  });

  it('counts deadline compliance per regime and deadline, over all time and over the days a deadline fell due', async () => {
    const all = await audit('/deadlines/compliance');
    expect(all.counts).toEqual({
      wbk: {
        acknowledgement: { met: 0, missed: 2, pending: 0, stopped: 0 },
        feedback: { met: 0, missed: 1, pending: 1, stopped: 0 },
      },
      'service-standard': {
        acknowledgement: { met: 1, missed: 0, pending: 0, stopped: 0 },
        feedback: { met: 1, missed: 0, pending: 0, stopped: 0 },
      },
    });
    // The day the silent case's feedback fell due: that deadline alone.
    const day = dayOf(feedbackDue(received.silent));
    const one = await audit(`/deadlines/compliance?from=${day}&to=${day}`);
    expect(one.period).toEqual({ from: day, to: day });
    expect(one.counts.wbk.feedback).toEqual({ met: 0, missed: 1, pending: 0, stopped: 0 });
    const total = (counts: Record<string, Record<string, Record<string, number>>>) =>
      Object.values(counts)
        .flatMap((regime) => Object.values(regime).flatMap((states) => Object.values(states)))
        .reduce((sum, n) => sum + n, 0);
    expect(total(one.counts)).toBe(1);
    // From the late case's acknowledgement deadline on: it, the prompt case's two and the two feedbacks still ahead.
    const since = await audit(`/deadlines/compliance?from=${dayOf(acknowledgementDue(received.late))}`);
    expect(total(since.counts)).toBe(4);
    expect(since.counts.wbk.acknowledgement).toEqual({ met: 0, missed: 1, pending: 0, stopped: 0 });
  });

  it('lists every read with the reason stated, the reader as the same pseudonym, filtered and paged', async () => {
    const log = await audit('/access-log');
    expect(log.total).toBe(3);
    expect(log.reads.map((r: { caseId: string; reason: string }) => [r.caseId, r.reason])).toEqual([
      [cases.prompt, 'case-work'],
      [cases.late, 'handover'],
      [cases.silent, 'legal-duty'],
    ]);
    const listed = (await audit('/cases')).cases[0].advisorId;
    for (const read of log.reads) {
      expect(read.actor).toBe(listed);
      expect(read.fields).toContain('sealedAccount');
      expect(Date.parse(read.at)).toBeGreaterThanOrEqual(now.getTime());
    }
    expect((await audit('/access-log?reason=handover')).reads.map((r: { caseId: string }) => r.caseId)).toEqual([cases.late]);
    expect((await audit(`/access-log?caseId=${cases.silent}`)).reads.map((r: { reason: string }) => r.reason)).toEqual(['legal-duty']);
    const page = await audit('/access-log?limit=1&offset=1');
    expect([page.total, page.reads.map((r: { caseId: string }) => r.caseId)]).toEqual([3, [cases.late]]);
    expect(await audit('/access-log?offset=5')).toMatchObject({ total: 3, reads: [] });
    const today = dayOf(new Date());
    expect((await audit(`/access-log?from=${today}&to=${today}`)).total).toBe(3);
    const earlier = dayOf(new Date(now.getTime() - 3 * DAY));
    expect((await audit(`/access-log?to=${earlier}`)).total).toBe(0);

    // Under another audit the reader is someone else again: pseudonyms do not link audits.
    const { body: other } = await api()
      .get(`/audits/${randomUUID()}/agencies/${DEMO_AGENCY_ID}/access-log`)
      .set('Authorization', ada)
      .expect(200);
    expect(other.reads[0].actor).not.toBe(listed);
  });

  it("logs the reads of a case's peer consultation too: the asking advisor's and the colleague's, with their reasons", async () => {
    const [a, b] = [await token('advisor-anna'), await token('advisor-bram')];
    await api()
      .post(`/cases/${cases.late}/consultations`)
      .set('Authorization', a)
      .send({ colleagueId: DEMO_ADVISORS['advisor-bram'], question: `${CANARY} question` })
      .expect(201);
    await eventually(async () => {
      const { body } = await api().get('/advisors/me/consultations?reason=audit').set('Authorization', b).expect(200);
      expect(body.consultations).toHaveLength(1);
    });
    await api().get(`/cases/${cases.late}/consultations`).set('Authorization', a).expect(200);
    await api().get('/advisors/me/consultations?reason=gossip').set('Authorization', b).expect(400);
    await service.app.get(ReadModels).caughtUp();

    const { reads } = await audit(`/access-log?caseId=${cases.late}`);
    const anna = (await audit('/cases')).cases[0].advisorId;
    expect(reads.map((r: { actor: string; reason: string; fields: string[] }) => [r.actor === anna, r.reason, r.fields])).toEqual([
      [true, 'handover', expect.arrayContaining(['sealedAccount'])],
      [false, 'audit', ['sealedQuestion']],
      [true, 'case-work', ['sealedQuestion']],
    ]);
    expect(reads[1].actor).toMatch(/^actor-/);
  });

  it.each([
    ['/cases?status=lost', 'status'],
    ['/cases?regime=none', 'regime'],
    ['/cases?missed=yes', 'missed'],
    ['/cases?limit=0', 'limit'],
    ['/cases?limit=201', 'limit'],
    ['/cases?offset=-1', 'offset'],
    ['/deadlines/compliance?from=2026-02-30', 'from'],
    ['/deadlines/compliance?from=2026-03-02&to=2026-03-01', 'to'],
    ['/access-log?caseId=42', 'caseId'],
    ['/access-log?reason=curiosity', 'reason'],
    ['/access-log?to=yesterday', 'to'],
  ])('refuses %s with a problem naming %s', async (path, field) => {
    const { headers, body } = await api().get(`/audits/${auditId}/agencies/${DEMO_AGENCY_ID}${path}`).set('Authorization', ada).expect(400);
    expect(headers['content-type']).toMatch(/application\/problem\+json/);
    expect(body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('says nothing sealed and names nobody: no account, no advisor id, no user name in any answer or in the new table', async () => {
    expect(answers.length).toBeGreaterThan(10);
    const said = JSON.stringify(answers);
    for (const secret of [CANARY, 'Visser', anna, ...DEMO_USERS.flatMap((u) => [u.id, u.username])]) expect(said).not.toContain(secret);
    expect(await tablesContaining(db.url, CANARY)).toEqual([]);
  });

  it('rebuilds the access log from the access streams to the same rows', async () => {
    const readModels = service.app.get(ReadModels);
    const rows = () => readModels.dataSource.query('select * from case_access_log order by position');
    const before = await rows();
    expect(before).toHaveLength(5);
    await readModels.projection('case-access-log').rebuild();
    expect(await rows()).toEqual(before);
  });
});
