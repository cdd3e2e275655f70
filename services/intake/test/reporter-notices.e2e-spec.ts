import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import type { IntegrationEvent } from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { startSmtpCatcher, type CaughtMessage, type SmtpCatcher } from '@vertrouwd/notifications';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createLogger, NestPinoLogger } from '@vertrouwd/telemetry';
import { createTestDatabase, eventually, tablesContaining, type TestDatabase } from '@vertrouwd/testing';
import { ReporterNoticeDispatcher } from '../src/application/notifications/reporter-notice.dispatcher';
import { CaseProgressListener } from '../src/infrastructure/case-progress.listener';
import { ReporterNoticesListener } from '../src/infrastructure/reporter-notices.listener';
import { intake } from '../src/service';
import { publishDemoDirectory } from './directory.fixture';
import { caseEvent, REPORT } from './intake-service.fixture';

// The reporter who left an e-mail address hears that there is news, over a real SMTP exchange with the embedded
// catcher, and nothing more: no case id, receipt, theme or text. Once per event, never after their data is erased,
// and the address appears nowhere but sealed (no table, no log line).
const ADDRESS = 'canary.reporter-4711@example.test';

describe('notices to the reporter', () => {
  let catcher: SmtpCatcher;
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const logLines: string[] = [];

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('intake_notices');
    const capture = new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) });
    const logger = new NestPinoLogger(createLogger({ serviceName: 'intake', level: 'debug', destination: capture }));
    service = await startService(
      { ...intake, logger },
      {
        DATABASE_URL: db.url,
        OIDC_ISSUER: issuer.issuer,
        REPORTER_TOKEN_SECRET: 'e2e-reporter-token-secret-of-32-chars-or-more',
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'intake-notices-')),
        SMTP_URL: catcher.smtpUrl,
        PORT: '0',
      },
    );
    await publishDemoDirectory(service);
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await catcher?.stop();
    await db?.drop();
  });

  const mailbox = async (to = ADDRESS): Promise<CaughtMessage[]> =>
    (await (await fetch(`${catcher.mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as CaughtMessage[];

  async function report(body: object): Promise<{ caseId: string; receiptCode: string; auth: string }> {
    const filed = await request(service.url).post('/intake/bakkerij-2026/reports').send(body).expect(201);
    const { caseId, receiptCode, passphrase } = filed.body as { caseId: string; receiptCode: string; passphrase: string };
    const opened = await request(service.url).post('/intake/follow-up').send({ receiptCode, passphrase }).expect(200);
    return { caseId, receiptCode, auth: `Bearer ${opened.body.token}` };
  }

  /** Publishes case events as the case service would, waits until they are queued, and sends what is due. */
  async function deliver(events: IntegrationEvent[]): Promise<void> {
    await service.platform.bus.publish(events.map(toMessage));
    await eventually(() => service.app.get(ReporterNoticesListener).caughtUp());
    await eventually(() => service.app.get(CaseProgressListener).caughtUp());
    await service.app.get(ReporterNoticeDispatcher).runOnce();
  }

  const advisorMessage = async (caseId: string) =>
    caseEvent('case.advisor-message-sent', caseId, {
      messageId: randomUUID(),
      sentAt: new Date().toISOString(),
      sealedBody: await service.platform.privacy.sealer.seal('A reply only the reporter reads.', caseKey(caseId)),
    });

  const outbox = (caseId: string): Promise<{ sent: boolean; dropped: string | null }[]> =>
    service.app
      .get(ReadModels)
      .dataSource.query('select sent_at is not null as sent, dropped_because as dropped from notice_outbox where case_id = $1', [caseId]);

  it('mails one content-free notice in the reporter’s language when the advisor writes, and none for a redelivery', async () => {
    const contact = { channel: 'email', email: ADDRESS };
    const { caseId, receiptCode } = await report({ ...REPORT, language: 'en', contact, account: 'CANARY account text' });
    const message = await advisorMessage(caseId);
    await deliver([message]);

    const [mail, ...more] = await eventually(async () => {
      const mails = await mailbox();
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ to: [ADDRESS], subject: 'There is news about your report', language: 'en', kind: 'case-news' });
    expect(mail.text).toContain('Log in with your receipt code and passphrase');
    for (const part of [mail.subject, mail.text, mail.html]) {
      for (const secret of [caseId, receiptCode, receiptCode.replace(/-/g, ''), 'bullying', 'CANARY', 'A reply only']) {
        expect(part).not.toContain(secret);
      }
    }

    // The same event again (a redelivery): queued once, so mailed once.
    await deliver([message]);
    expect(await mailbox()).toHaveLength(1);
    expect(await outbox(caseId)).toEqual([{ sent: true, dropped: null }]);
  });

  it('mails on acknowledgement, a shared summary and the closure, each once', async () => {
    const address = `second.${ADDRESS}`;
    const { caseId } = await report({ ...REPORT, language: 'nl', contact: { channel: 'email', email: address } });
    const at = new Date().toISOString();
    await deliver([
      caseEvent('case.advisor-assigned', caseId, { advisorId: randomUUID(), assignedAt: at }),
      caseEvent('case.case-acknowledged', caseId, { acknowledgedAt: at }),
      caseEvent('case.summary-shared', caseId, {
        summaryId: randomUUID(),
        sharedAt: at,
        sealedSummary: await service.platform.privacy.sealer.seal('We talked.', caseKey(caseId)),
      }),
      caseEvent('case.case-closed', caseId, { outcome: 'settled-informally', closedAt: at }),
    ]);
    const mails = await eventually(async () => {
      const all = await mailbox(address);
      expect(all).toHaveLength(3);
      return all;
    });
    expect(new Set(mails.map((m) => m.subject))).toEqual(new Set(['Er is nieuws over je melding']));
  });

  it('mails nobody who left no address, and nobody whose personal data was erased', async () => {
    const platformOnly = await report(REPORT);
    await deliver([await advisorMessage(platformOnly.caseId)]);
    expect(await outbox(platformOnly.caseId)).toEqual([{ sent: false, dropped: 'no-address' }]);

    const address = `erased.${ADDRESS}`;
    const erased = await report({ ...REPORT, contact: { channel: 'email', email: address } });
    await request(service.url).post(`/intake/cases/${erased.caseId}/personal-data/erasure`).set('Authorization', erased.auth).expect(204);
    await deliver([await advisorMessage(erased.caseId)]);
    expect(await outbox(erased.caseId)).toEqual([{ sent: false, dropped: 'erased' }]);
    expect(await mailbox(address)).toEqual([]);
  });

  it('loses nothing while the mail server is down: the reply is shown, the notice waits and goes once it is back', async () => {
    const address = `later.${ADDRESS}`;
    const { caseId, auth } = await report({ ...REPORT, contact: { channel: 'email', email: address } });
    const port = new URL(catcher.smtpUrl).port;
    await catcher.stop();
    await deliver([await advisorMessage(caseId)]);
    const messages = await request(service.url).get(`/intake/cases/${caseId}/messages`).set('Authorization', auth).expect(200);
    expect((messages.body as { messages: { from: string }[] }).messages.filter((m) => m.from === 'advisor')).toHaveLength(1);
    const [pending] = await service.app
      .get(ReadModels)
      .dataSource.query('select attempts, last_error as "lastError", sent_at as "sentAt" from notice_outbox where case_id = $1', [caseId]);
    expect(pending).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^NoticeNotSentError:[A-Z_]+$/), sentAt: null });

    catcher = await startSmtpCatcher({ smtpPort: Number(port), httpPort: Number(new URL(catcher.mailboxUrl).port) });
    // The back-off would wait some seconds: the test moves the retry to now instead of waiting.
    await service.app.get(ReadModels).dataSource.query('update notice_outbox set next_attempt_at = now() where case_id = $1', [caseId]);
    expect(await service.app.get(ReporterNoticeDispatcher).runOnce()).toBe(1);
    expect((await mailbox(address)).map((m) => m.kind)).toEqual(['case-news']);
  });

  it('keeps the address out of every table and every log line', async () => {
    expect(await tablesContaining(db.url, 'canary.reporter')).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes('canary.reporter') || line.includes('example.test'))).toEqual([]);
  });
});
