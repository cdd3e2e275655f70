import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { ReporterTokens } from '@vertrouwd/auth';
import { rowCounts, tablesContaining } from '@vertrouwd/testing';
import { reporterContext } from '../src/application/report-work';
import { SubmitReport } from '../src/application/submit-report/submit-report.command';
import { caseEvent, REPORT, startIntake, type IntakeUnderTest } from './intake-service.fixture';

const PROBLEM = /^application\/problem\+json/;

describe('intake against hostile input', () => {
  let intake: IntakeUnderTest;
  const api = () => request(intake.service.url);

  beforeAll(async () => (intake = await startIntake('intake_hostile')));
  afterAll(() => intake?.stop());

  it('refuses contact sent as an array, or null, before anything is written: no row in any table', async () => {
    const before = await rowCounts(intake.db.url);
    for (const contact of [[{ channel: 'platform' }], [], null, [{ channel: 'email', email: 'jan@example.org' }]]) {
      const res = await intake.submit({ ...REPORT, contact }).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'contact' })]));
    }
    const identityAsArray = await intake.submit({ ...REPORT, anonymity: 'known-to-advisor', identity: [{ name: 'Jan' }] }).expect(400);
    expect(identityAsArray.body.errors).toEqual([expect.objectContaining({ field: 'identity', rule: 'isObject' })]);
    expect(await rowCounts(intake.db.url)).toEqual(before);
  });

  it('refuses an address or number for a channel the reporter did not choose (422 naming the fields), storing nothing', async () => {
    const before = await rowCounts(intake.db.url);
    for (const contact of [
      { channel: 'platform', email: 'canary-77c1@example.org' },
      { channel: 'phone', phone: '+31 6 1234 5678', email: 'canary-77c1@example.org' },
      { channel: 'email', email: 'someone@example.org', phone: '+31 6 1234 5678' },
    ]) {
      const res = await intake.submit({ ...REPORT, contact }).expect(422);
      expect(res.body).toMatchObject({ rule: 'ContactForAnotherChannelError' });
      expect(res.body.detail).toContain('contact.email');
      expect(res.text).not.toContain('canary-77c1');
    }
    expect(await rowCounts(intake.db.url)).toEqual(before);
  });

  it('stores the longest account it accepts in any script (20,000 units of three-byte, four-byte or escaped characters), never a 500', async () => {
    for (const account of ['語'.repeat(20_000), '😀'.repeat(10_000), '"\\'.repeat(10_000), '€\n'.repeat(10_000)]) {
      const res = await intake.submit({ ...REPORT, account });
      expect(res.status).toBe(201);
    }
    // One unit more is the caller's to mend: a 400 naming the field and its rule.
    const over = await intake.submit({ ...REPORT, account: '語'.repeat(20_001) }).expect(400);
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'account' })]);
  });

  it('leaves no receipt and no readable key when a report fails after sealing (here: its contract check)', async () => {
    const live = async () => {
      const { pool } = intake.service.platform;
      const counts = await pool.query<{ receipts: string; keys: string; events: string }>(
        `select (select count(*) from receipts) as receipts, (select count(*) from es_events) as events,
                (select count(*) from privacy_keys where wrapped_key is not null) as keys`,
      );
      return counts.rows[0];
    };
    const before = await live();
    // What validation now refuses at the edge, given to the handler directly: a contact that is no object.
    const contact = [{ channel: 'email', email: 'jan@example.org' }] as unknown as SubmitReport['contact'];
    const command = new SubmitReport(
      'bakkerij-2026',
      'bullying',
      'manager',
      'what happened',
      'anonymous',
      contact,
      undefined,
      'nl',
      { advisorGender: 'any', advisorKind: 'any' },
      'v1',
      reporterContext(randomUUID()),
    );
    await expect(intake.service.app.get(CommandBus).execute(command)).rejects.toThrow();
    expect(await live()).toEqual(before);
  });

  it('writes nothing at all when the last write of a report fails: count, receipt, keys, event and outbox in one transaction', async () => {
    const { pool } = intake.service.platform;
    // The submission's count against the client's limit is in the report's transaction too (ADR 0062): a report not
    // stored is not counted. The rows' contents, not only their number: the count is an update of the client's row.
    const reportRows = async () => ({
      counts: await rowCounts(intake.db.url),
      attempts: (await pool.query<{ key: string; at: Date }>('select key, at from intake_throttle order by key')).rows,
    });
    // The event's insert, the last of a report's writes, fails inside PostgreSQL.
    await pool.query(`create function fail_append() returns trigger language plpgsql as $$
                        begin raise exception 'append refused for this test'; end $$`);
    await pool.query('create trigger fail_append before insert on es_events for each row execute function fail_append()');
    try {
      const before = await reportRows();
      const withContact = {
        ...REPORT,
        anonymity: 'known-to-advisor',
        identity: { name: 'Jan' },
        contact: { channel: 'email', email: 'jan@example.org' },
      };
      for (const body of [REPORT, withContact]) await intake.submit(body).expect(500);
      const after = await reportRows();
      expect(after).toEqual(before);
    } finally {
      await pool.query('drop trigger fail_append on es_events');
      await pool.query('drop function fail_append()');
    }
    await intake.submit().expect(201);
  });

  it('answers a NUL byte or a broken escape in an intake code with a 400, not a 500', async () => {
    for (const path of ['/intake/%00', '/intake/bakkerij-2026%00', '/intake/%00/reports', '/intake/%FF']) {
      const res = path.endsWith('/reports') ? await api().post(path).send(REPORT) : await api().get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it("answers a reporter's message after the case was erased with a 409, not a 500", async () => {
    const { caseId, auth } = await intake.reporter();
    await intake.publishCaseEvents([caseEvent('case.case-erased.v1', caseId, { erasedAt: new Date().toISOString() })]);
    // The case service shreds the case's keys in the shared vault when it erases the case.
    await intake.service.platform.privacy.vault.shredCase(caseId);
    const res = await api().post(`/intake/cases/${caseId}/messages`).set('Authorization', auth).send({ body: 'are you there?' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.text).not.toContain(caseId);
  });

  it('stores no correlation id the caller chose: events and bus messages get a server-made one', async () => {
    const chosen = 'jan.jansen-0612345678';
    const res = await intake.submit().set('X-Correlation-Id', chosen).expect(201);
    expect(res.headers['x-correlation-id']).not.toBe(chosen);
    expect(await tablesContaining(intake.db.url, chosen)).toEqual([]);
    const uuid = 'a3b1c2d4-e5f6-4789-8abc-def012345678';
    await intake.submit().set('X-Correlation-Id', uuid).expect(201).expect('X-Correlation-Id', uuid);
  });

  it('refuses an id in either position of a path that is not a UUID, naming that parameter and never the value', async () => {
    const { caseId, auth } = await intake.reporter();
    const reporters = new ReporterTokens({ secretOrKey: intake.env.REPORTER_TOKEN_SECRET });
    for (const bad of ['a'.repeat(36), 'nope-CANARY']) {
      // The case id reaches the pipe only with a token for that very value: the guard refuses any other case.
      const ofBad = `Bearer ${await reporters.issue({ caseId: bad })}`;
      const refusals: [call: request.Test, field: string][] = [
        [api().post(`/intake/cases/${bad}/identity-reveals/${randomUUID()}/approval`).set('Authorization', ofBad), 'caseId'],
        [api().post(`/intake/cases/${caseId}/identity-reveals/${bad}/approval`).set('Authorization', auth), 'revealId'],
        [api().post(`/intake/cases/${caseId}/consents/${bad}/withdrawal`).set('Authorization', auth), 'consentId'],
      ];
      for (const [call, field] of refusals) {
        const res = await call;
        expect([field, res.status, res.headers['content-type']]).toEqual([field, 400, expect.stringMatching(PROBLEM)]);
        expect(res.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/validation', status: 400 });
        expect(res.body.errors).toEqual([{ field, rule: 'isUuid', message: `${field} must be a UUID` }]);
        expect(res.text).not.toContain(bad);
      }
      await api().post(`/intake/cases/${bad}/identity-reveals/${randomUUID()}/approval`).set('Authorization', auth).expect(403);
    }
  });

  it('names no path the caller sent in an error body', async () => {
    const res = await api().get('/intake/jan.jansen-0612345678').expect(404);
    expect(res.body.instance).toBe('/intake/:intakeCode');
    expect(res.text).not.toContain('jansen');
  });
});
