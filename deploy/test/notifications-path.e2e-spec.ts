import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startSmtpCatcher, type CaughtMessage, type SmtpCatcher } from '@vertrouwd/notifications';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createLogger, NestPinoLogger } from '@vertrouwd/telemetry';
import { createTestDatabase, eventually, tablesContaining, type TestDatabase } from '@vertrouwd/testing';
import { caseService } from '../../services/case/src/service';
import { intake } from '../../services/intake/src/service';
import { publishDemoDirectory } from './directory.fixture';

// Notifications across intake and case on the embedded default, read from the test mailbox (a real SMTP exchange
// with the embedded catcher): the advisor hears of the case assigned and of the reporter's reply, the reporter —
// who left an e-mail address — of the acknowledgement and the advisor's message, in their language, and nobody
// learns anything of the case from a mail. No address is in any database, bus or key vault table, or log line.
const REPORTER = 'canary.notified-reporter@example.test';
const ANNA = 'advisor-anna@demo.vertrouwd.test';

describe('notifications across intake and case', () => {
  let catcher: SmtpCatcher;
  let issuer: DevIssuer;
  let dbs: Record<'intake' | 'case' | 'bus' | 'vault', TestDatabase>;
  let intakeService: RunningService;
  let cases: RunningService;
  const logLines: string[] = [];
  const token = async (user: string) => `Bearer ${await issuer.mintToken(user)}`;

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    issuer = await startDevIssuer({ port: 0 });
    const [i, c, b, v] = await Promise.all(['intake', 'case', 'bus', 'vault'].map((label) => createTestDatabase(`notify_${label}`)));
    dbs = { intake: i, case: c, bus: b, vault: v };
    const capture = new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) });
    const logger = (name: string) => new NestPinoLogger(createLogger({ serviceName: name, level: 'debug', destination: capture }));
    const common = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: b.url,
      PRIVACY_DATABASE_URL: v.url,
      SMTP_URL: catcher.smtpUrl,
      PORT: '0',
      REPORTER_TOKEN_SECRET: 'e2e-notifications-secret-of-at-least-32-chars',
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'notify-e2e-')),
    };
    intakeService = await startService({ ...intake, logger: logger('intake') }, { ...common, DATABASE_URL: i.url });
    cases = await startService({ ...caseService, logger: logger('case') }, { ...common, DATABASE_URL: c.url });
    await publishDemoDirectory(intakeService, cases);
  });
  afterAll(async () => {
    await intakeService?.close();
    await cases?.close();
    await issuer?.stop();
    await catcher?.stop();
    await Promise.all(Object.values(dbs ?? {}).map((db) => db.drop()));
  });

  const mailbox = async (to: string): Promise<CaughtMessage[]> =>
    (await (await fetch(`${catcher.mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as CaughtMessage[];
  /** Waits (the dispatchers send every few seconds, and at once after queueing) until `to` has these kinds of mail. */
  const expectMail = (to: string, kinds: string[]) =>
    eventually(async () => expect((await mailbox(to)).map((m) => m.kind).sort()).toEqual([...kinds].sort()), { timeoutMs: 20_000 });

  it('mails each side what it needs to know, and nothing of the case', async () => {
    const filed = await request(intakeService.url)
      .post('/intake/bakkerij-2026/reports')
      .send({
        theme: 'bullying',
        relation: 'manager',
        anonymity: 'anonymous',
        language: 'en',
        consentVersion: 'v1',
        account: 'CANARY-story my manager keeps shouting',
        contact: { channel: 'email', email: REPORTER },
      })
      .expect(201);
    const { caseId, receiptCode, passphrase } = filed.body as { caseId: string; receiptCode: string; passphrase: string };

    const carla = await token('coordinator-carla');
    await eventually(
      () =>
        request(cases.url)
          .post(`/agencies/${DEMO_AGENCY_ID}/cases/${caseId}/assignment`)
          .set('Authorization', carla)
          .send({ advisorId: DEMO_ADVISORS['advisor-anna'] })
          .expect(204),
      { timeoutMs: 20_000 },
    );
    await expectMail(ANNA, ['case-assigned']);

    const anna = await token('advisor-anna');
    await request(cases.url).post(`/cases/${caseId}/acknowledgement`).set('Authorization', anna).expect(204);
    await request(cases.url)
      .post(`/cases/${caseId}/messages`)
      .set('Authorization', anna)
      .send({ text: 'CANARY-reply shall we talk?' })
      .expect(201);
    await expectMail(REPORTER, ['case-news', 'case-news']);

    const follow = await request(intakeService.url).post('/intake/follow-up').send({ receiptCode, passphrase }).expect(200);
    await request(intakeService.url)
      .post(`/intake/cases/${caseId}/messages`)
      .set('Authorization', `Bearer ${follow.body.token}`)
      .send({ body: 'CANARY-answer yes please' })
      .expect(201);
    await expectMail(ANNA, ['case-assigned', 'reporter-message']);

    const mails = [...(await mailbox(REPORTER)), ...(await mailbox(ANNA))];
    expect((await mailbox(REPORTER)).every((m) => m.language === 'en' && m.subject === 'There is news about your report')).toBe(true);
    for (const mail of mails) {
      for (const secret of [caseId, receiptCode, receiptCode.replace(/-/g, ''), 'CANARY', 'bullying', 'Pesten', 'shouting']) {
        expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
      }
    }
    expect(await mailbox('coordinator-carla@demo.vertrouwd.test')).toEqual([]);

    for (const db of Object.values(dbs)) {
      expect(await tablesContaining(db.url, 'notified-reporter')).toEqual([]);
      expect(await tablesContaining(db.url, 'demo.vertrouwd.test')).toEqual([]);
    }
    expect(logLines.filter((line) => /notified-reporter|demo\.vertrouwd\.test/.test(line))).toEqual([]);
  });
});
