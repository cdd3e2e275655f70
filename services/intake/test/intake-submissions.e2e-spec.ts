import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SummaryCorrectedV1, topicOf } from '@vertrouwd/contracts';
import { eventually } from '@vertrouwd/testing';
import { ReportWork } from '../src/application/report-work';
import { ReportGroups } from '../src/application/submit-report/report-groups';
import { sealedCase } from './case-events.fixture';
import { caseEvent, REPORT, startIntake, type IntakeUnderTest } from './intake-service.fixture';

const count = async (intake: IntakeUnderTest, sql: string, parameters: unknown[] = []) =>
  Number((await intake.service.platform.pool.query<{ n: string }>(sql, parameters)).rows[0].n);

describe('report submission throttling over HTTP (default limits)', () => {
  let intake: IntakeUnderTest;
  beforeAll(async () => (intake = await startIntake('intake_throttle')));
  afterAll(() => intake?.stop());

  it('does not count out-of-scope answers, which store nothing, against the address', async () => {
    for (let i = 0; i < 25; i += 1) {
      const answer = await intake.submit({ ...REPORT, theme: 'workload' }).expect(200);
      expect(answer.body).toMatchObject({ outOfScope: true });
    }
    await intake.submit({ ...REPORT, account: 'report 0' }).expect(201);
  });

  it('takes 20 submissions from one client address at once, then one per 3 minutes: a 429 problem with Retry-After', async () => {
    for (let i = 1; i < 20; i += 1) await intake.submit({ ...REPORT, account: `report ${i}` }).expect(201);
    const before = await count(intake, 'select count(*) as n from receipts');
    const limited = await intake.submit({ ...REPORT, account: 'report 21' }).expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(120); // the rate refills one submission per 3 minutes (20 an hour)
    expect(retryAfter).toBeLessThanOrEqual(180);
    expect(limited.body).toMatchObject({ status: 429 });
    expect(JSON.stringify(limited.body)).not.toContain('report 21');
    expect(await count(intake, 'select count(*) as n from receipts')).toBe(before);
    // The page and the follow-up are throttled on their own: a flood of reports does not lock a reporter out.
    await request(intake.service.url).get('/intake/bakkerij-2026').expect(200);
  });

  it('counts failed follow-ups fired at once before answering any: 5 per receipt get an answer, the rest 429', async () => {
    const attempt = () =>
      request(intake.service.url)
        .post('/intake/follow-up')
        .send({ receiptCode: '0000-0000-0000-0000-0001', passphrase: 'WRONG-WRONG-WRONG-WRONG-WRONG' });
    const answers = await Promise.all(Array.from({ length: 12 }, attempt));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });
});

describe('report submission, summaries and case progress', () => {
  let intake: IntakeUnderTest;
  beforeAll(async () => (intake = await startIntake('intake_submissions')));
  afterAll(() => intake?.stop());

  it('stores every report of a burst, though a failure in one rolled back the transaction they shared', async () => {
    const events = () => count(intake, "select count(*) as n from es_events where type = 'ReportSubmitted'");
    const receipts = () => count(intake, 'select count(*) as n from receipts');
    const [eventsBefore, receiptsBefore] = [await events(), await receipts()];
    // The first report's transaction is held until the 7 others wait for the next one, which they share; the append
    // of one of them fails once, which rolls back the transaction they shared.
    const work = intake.service.app.get(ReportWork);
    const groups = intake.service.app.get(ReportGroups);
    const create = work.create.bind(work);
    let calls = 0;
    const spy = jest.spyOn(work, 'create').mockImplementation(async (...args) => {
      const call = ++calls;
      if (call === 1) await eventually(() => expect(groups.waiting).toBe(7));
      if (call === 3) throw new Error('the append failed');
      return create(...args);
    });
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => intake.submit({ ...REPORT, account: `burst ${i}` })));
      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((a) => a.body.caseId)).size).toBe(8);
      // The 7 stored again, each alone: no report lost, none twice, no receipt without its report.
      expect(calls).toBe(1 + 7 + 7);
      expect(await events()).toBe(eventsBefore + 8);
      expect(await receipts()).toBe(receiptsBefore + 8);
      for (const { body } of answers) {
        await request(intake.service.url)
          .post('/intake/follow-up')
          .send({ receiptCode: body.receiptCode, passphrase: body.passphrase })
          .expect(200);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('replays a submission with the same Idempotency-Key and body: one report, the secrets given once; another body is 422', async () => {
    const key = randomUUID();
    const body = { ...REPORT, account: 'submitted twice over a flaky connection' };
    const eventsBefore = await count(intake, "select count(*) as n from es_events where type = 'ReportSubmitted'");
    const first = await intake.submit(body).set('Idempotency-Key', key).expect(201);
    const again = await intake.submit(body).set('Idempotency-Key', key).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    // The same report and proof; receipt code and passphrase are given once, never stored for a replay.
    const { receiptCode, passphrase, ...rest } = first.body as Record<string, unknown>;
    expect(again.body).toEqual(rest);
    const stored = await count(
      intake,
      `select count(*) as n from http_idempotency
        where response_body::text like '%' || $1 || '%' or response_body::text like '%' || $2 || '%'`,
      [receiptCode, passphrase],
    );
    expect(stored).toBe(0);
    expect(await count(intake, "select count(*) as n from es_events where type = 'ReportSubmitted'")).toBe(eventsBefore + 1);
    expect(await count(intake, 'select count(*) as n from receipts where case_id = $1', [first.body.caseId])).toBe(1);

    const other = await intake
      .submit({ ...body, account: 'something else' })
      .set('Idempotency-Key', key)
      .expect(422);
    expect(other.headers['content-type']).toMatch(/problem\+json/);
    expect(JSON.stringify(other.body)).not.toContain('something else');
    expect(await count(intake, "select count(*) as n from es_events where type = 'ReportSubmitted'")).toBe(eventsBefore + 1);

    // The first answer's receipt opens the one case.
    const opened = await request(intake.service.url).post('/intake/follow-up').send({ receiptCode, passphrase }).expect(200);
    expect(opened.body.caseId).toBe(first.body.caseId);
  });

  it('takes a correction of a shared summary: sealed on the bus, shown as corrected, answered once', async () => {
    const seen: string[] = [];
    const observer = intake.service.platform.bus.consume({
      group: 'e2e-corrections',
      topics: [topicOf(SummaryCorrectedV1)],
      handle: async (m) => void seen.push(m.value),
    });
    const { caseId, auth } = await intake.reporter();
    const { publish, summaryId } = await sealedCase(intake.service.platform.privacy.sealer, caseId);
    await intake.publishCaseEvents(publish);
    const url = `/intake/cases/${caseId}/summaries/${summaryId}`;

    await request(intake.service.url)
      .post(`${url}/correction`)
      .set('Authorization', auth)
      .send({ correction: 'CANARY-correction: it was Tuesday' })
      .expect(204);
    const summaries = await request(intake.service.url).get(`/intake/cases/${caseId}/summaries`).set('Authorization', auth).expect(200);
    expect(summaries.body.summaries).toEqual([expect.objectContaining({ summaryId, answer: 'corrected', text: 'We talked on Monday.' })]);

    await eventually(() => expect(seen.some((v) => v.includes(caseId))).toBe(true));
    await observer.stop();
    const event = JSON.parse(seen.find((v) => v.includes(caseId))!);
    expect(event.payload).toMatchObject({
      caseId,
      summaryId,
      correctedAt: expect.any(String),
      sealedCorrection: expect.stringMatching(/^sealed:v1:/),
    });
    expect(seen.join()).not.toContain('CANARY');
    const opened = await intake.service.platform.privacy.sealer.unseal<string>(event.payload.sealedCorrection);
    expect(opened).toMatchObject({ status: 'ok', value: 'CANARY-correction: it was Tuesday' });

    await request(intake.service.url).post(`${url}/correction`).set('Authorization', auth).send({ correction: 'again' }).expect(422);
    await request(intake.service.url).post(`${url}/approval`).set('Authorization', auth).expect(422);
    await request(intake.service.url).post(`${url}/correction`).set('Authorization', auth).send({}).expect(400);
    await request(intake.service.url)
      .post(`/intake/cases/${caseId}/summaries/${randomUUID()}/correction`)
      .set('Authorization', auth)
      .send({ correction: 'x' })
      .expect(404);
  });

  it('refuses a correction of a summary shared on another case', async () => {
    const mine = await intake.reporter();
    const theirs = await intake.reporter();
    const { publish, summaryId } = await sealedCase(intake.service.platform.privacy.sealer, theirs.caseId);
    await intake.publishCaseEvents(publish);
    await request(intake.service.url)
      .post(`/intake/cases/${mine.caseId}/summaries/${summaryId}/correction`)
      .set('Authorization', mine.auth)
      .send({ correction: 'x' })
      .expect(404);
  });

  it('shows closed from case.case-closed.v1, and in progress again after case.case-reopened.v1', async () => {
    const { caseId, auth } = await intake.reporter();
    const status = async () =>
      (await request(intake.service.url).get(`/intake/cases/${caseId}/status`).set('Authorization', auth).expect(200)).body;
    const { publish } = await sealedCase(intake.service.platform.privacy.sealer, caseId);
    await intake.publishCaseEvents(publish);
    expect((await status()).status).toBe('in-progress');

    const closedAt = '2026-03-02T10:00:00.000Z';
    await intake.publishCaseEvents([caseEvent('case.case-closed', caseId, { outcome: 'settled-informally', closedAt })]);
    const closed = await status();
    expect(closed).toMatchObject({
      status: 'closed',
      dates: { closed: closedAt, acknowledged: expect.any(String), inProgress: expect.any(String), withdrawn: null },
    });
    expect(JSON.stringify(closed)).not.toContain('settled-informally'); // the outcome is the counsellor's record, not the reporter's status

    await intake.publishCaseEvents([caseEvent('case.case-reopened', caseId, { reopenedAt: '2026-03-05T09:00:00.000Z' })]);
    const reopened = await status();
    expect(reopened).toMatchObject({ status: 'in-progress', dates: { closed: null } });

    // Closed again later: the new date; the reporter can still write while the case is closed.
    await intake.publishCaseEvents([caseEvent('case.case-closed', caseId, { outcome: 'referred', closedAt: '2026-04-01T08:00:00.000Z' })]);
    expect(await status()).toMatchObject({ status: 'closed', dates: { closed: '2026-04-01T08:00:00.000Z' } });
    await request(intake.service.url)
      .post(`/intake/cases/${caseId}/messages`)
      .set('Authorization', auth)
      .send({ body: 'one more thing' })
      .expect(201);
  });

  it("erases the reporter's own contact and identity on their request, and the case goes on", async () => {
    const body = {
      ...REPORT,
      anonymity: 'known-to-advisor',
      account: 'CANARY-account stays',
      contact: { channel: 'email', email: 'canary-reporter@example.nl' },
      identity: { name: 'CANARY Reporter' },
    };
    const { caseId, receiptCode, passphrase } = (await intake.submit(body).expect(201)).body;
    const login = await request(intake.service.url).post('/intake/follow-up').send({ receiptCode, passphrase }).expect(200);
    const auth = `Bearer ${login.body.token}`;
    const { rows } = await intake.service.platform.pool.query<{ data: { content: Record<string, string> } }>(
      "select data from es_events where stream_id = $1 and type = 'ReportSubmitted'",
      [`report-${caseId}`],
    );
    const { sealedAccount, sealedContact, sealedIdentity } = rows[0].data.content;
    const sealer = intake.service.platform.privacy.sealer;
    expect(await sealer.unseal(sealedContact as never, { caseRef: caseId })).toMatchObject({ status: 'ok' });

    await request(intake.service.url).post(`/intake/cases/${caseId}/personal-data/erasure`).set('Authorization', auth).expect(204);
    // Shredded in the shared vault: every reader (the advisor's view, the replay) reads them as erased.
    expect(await sealer.unseal(sealedContact as never, { caseRef: caseId })).toEqual({ status: 'erased' });
    expect(await sealer.unseal(sealedIdentity as never, { caseRef: caseId })).toEqual({ status: 'erased' });
    expect(await sealer.unseal(sealedAccount as never, { caseRef: caseId })).toEqual({ status: 'ok', value: 'CANARY-account stays' });
    expect(
      await count(intake, "select count(*) as n from es_events where stream_id = $1 and type = 'ReporterDataErased'", [`report-${caseId}`]),
    ).toBe(1);

    const again = await request(intake.service.url)
      .post(`/intake/cases/${caseId}/personal-data/erasure`)
      .set('Authorization', auth)
      .expect(422);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(
      await count(intake, "select count(*) as n from es_events where stream_id = $1 and type = 'ReporterDataErased'", [`report-${caseId}`]),
    ).toBe(1);
    await request(intake.service.url)
      .post(`/intake/cases/${caseId}/messages`)
      .set('Authorization', auth)
      .send({ body: 'still here' })
      .expect(201);
    // Another reporter's erasure touches nothing of this one's: the other case's key still opens.
    const other = await intake.reporter();
    await request(intake.service.url)
      .post(`/intake/cases/${other.caseId}/personal-data/erasure`)
      .set('Authorization', other.auth)
      .expect(204);
    expect(await sealer.unseal(sealedAccount as never, { caseRef: caseId })).toMatchObject({ status: 'ok' });
  });

  it('keeps withdrawn above closed: a withdrawn report reads withdrawn whatever case says after', async () => {
    const { caseId, auth } = await intake.reporter();
    await request(intake.service.url).post(`/intake/cases/${caseId}/withdrawal`).set('Authorization', auth).expect(204);
    await intake.publishCaseEvents([caseEvent('case.case-closed', caseId, { outcome: 'withdrawn', closedAt: new Date().toISOString() })]);
    const { body } = await request(intake.service.url).get(`/intake/cases/${caseId}/status`).set('Authorization', auth).expect(200);
    expect(body).toMatchObject({ status: 'withdrawn', dates: { closed: expect.any(String), withdrawn: expect.any(String) } });
  });

  it('lets the reporter, and only the reporter, resume a withdrawn report: it reads as before and takes messages again', async () => {
    const { caseId, auth } = await intake.reporter();
    const api = () => request(intake.service.url);
    await api().post(`/intake/cases/${caseId}/resumption`).set('Authorization', auth).expect(409); // not withdrawn
    await api().post(`/intake/cases/${caseId}/withdrawal`).set('Authorization', auth).expect(204);
    await api().post(`/intake/cases/${caseId}/messages`).set('Authorization', auth).send({ body: 'one more thing' }).expect(422);
    await intake.publishCaseEvents([caseEvent('case.case-closed', caseId, { outcome: 'withdrawn', closedAt: new Date().toISOString() })]);
    await api().post(`/intake/cases/${caseId}/resumption`).set('Authorization', auth).expect(204);
    await intake.publishCaseEvents([caseEvent('case.case-reopened', caseId, { reopenedAt: new Date().toISOString() })]);
    const { body } = await api().get(`/intake/cases/${caseId}/status`).set('Authorization', auth).expect(200);
    expect(body).toMatchObject({ status: 'received', dates: { closed: null, withdrawn: null } });
    await api().post(`/intake/cases/${caseId}/messages`).set('Authorization', auth).send({ body: 'one more thing' }).expect(201);
    const resumed = (await intake.service.platform.store.readStream(`report-${caseId}`)).map((e) => e.type);
    expect(resumed).toEqual(['ReportSubmitted', 'ReportWithdrawn', 'ReportResumed', 'MessageSent']);
  });
});
