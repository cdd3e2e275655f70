import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { ReporterMessageSentV1, ReportSubmittedV1, type IntegrationEvent } from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { startSmtpCatcher, type CaughtMessage, type SmtpCatcher } from '@vertrouwd/notifications';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createLogger, NestPinoLogger } from '@vertrouwd/telemetry';
import { createTestDatabase, eventually, tablesContaining, type TestDatabase } from '@vertrouwd/testing';
import { DeadlineReminderJob } from '../src/application/jobs/deadline-reminder.job';
import { WaitingCaseAlertJob } from '../src/application/jobs/waiting-case-alert.job';
import { CaseNoticeDispatcher } from '../src/application/notifications/case-notice.dispatcher';
import { caseService } from '../src/service';
import { publishDemoCounsellors } from './directory.fixture';

// Staff notices over a real SMTP exchange with the embedded catcher: the coordinator hears of a case left waiting,
// the advisor of a case assigned, a reporter's message and a deadline two days away, each once, in Dutch, with no
// case data in them; the staff addresses are sealed in the directory and appear in no table and no log line.
const ANNA = 'advisor-anna@demo.vertrouwd.test';
const CARLA = 'coordinator-carla@demo.vertrouwd.test';
const HOUR = 60 * 60 * 1000;

describe('notices to advisors and coordinators', () => {
  let catcher: SmtpCatcher;
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const logLines: string[] = [];
  const caseId = randomUUID();
  const receivedAt = new Date();
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('case_notices');
    const capture = new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) });
    const logger = new NestPinoLogger(createLogger({ serviceName: 'case', level: 'debug', destination: capture }));
    service = await startService(
      { ...caseService, logger },
      {
        DATABASE_URL: db.url,
        OIDC_ISSUER: issuer.issuer,
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'case-notices-')),
        SMTP_URL: catcher.smtpUrl,
        CASE_WAITING_ALERT_HOURS: '4',
        PORT: '0',
      },
    );
    await publishDemoCounsellors(service);
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await catcher?.stop();
    await db?.drop();
  });

  const mailbox = async (to: string): Promise<CaughtMessage[]> =>
    (await (await fetch(`${catcher.mailboxUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as CaughtMessage[];
  const kinds = async (to: string) => (await mailbox(to)).map((m) => m.kind);
  const dispatch = () => service.app.get(CaseNoticeDispatcher).runOnce();
  /** Waits for the projections, then sends what is queued. */
  const settle = async () => {
    await service.app.get(ReadModels).caughtUp();
    await dispatch();
  };

  const intakeEvent = (type: string, payload: object): IntegrationEvent => ({
    eventId: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    key: caseId,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload: { caseId, ...payload },
  });

  it('tells the coordinator once that a case has waited past the set hours', async () => {
    const report = intakeEvent(ReportSubmittedV1.type, {
      agencyId: DEMO_AGENCY_ID,
      organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
      theme: 'corruption',
      relation: 'manager',
      anonymity: 'anonymous',
      contactChannel: 'platform',
      language: 'nl',
      preferredAdvisorGender: 'any',
      preferredAdvisorKind: 'any',
      consentVersion: 'v1',
      receivedAt: receivedAt.toISOString(),
      sealedAccount: await service.platform.privacy.sealer.seal('CANARY account', caseKey(caseId)),
    });
    await service.platform.bus.publish([toMessage(report)]);
    await eventually(async () =>
      expect(await service.app.get(WaitingCaseAlertJob).runOnce(new Date(receivedAt.getTime() + 3 * HOUR))).toBe(0),
    );
    const job = service.app.get(WaitingCaseAlertJob);
    await eventually(async () => expect(await job.runOnce(new Date(receivedAt.getTime() + 5 * HOUR))).toBe(1));
    expect(await job.runOnce(new Date(receivedAt.getTime() + 9 * HOUR))).toBe(0);
    await dispatch();
    const [mail, ...more] = await eventually(async () => {
      const mails = await mailbox(CARLA);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ kind: 'case-waiting', language: 'nl', subject: 'Een melding wacht op toewijzing' });
  });

  it('tells the advisor of a case assigned and of a reporter’s message, once each however often delivered', async () => {
    await request(service.url)
      .post(`/agencies/${DEMO_AGENCY_ID}/cases/${caseId}/assignment`)
      .set('Authorization', await token('coordinator-carla'))
      .send({ advisorId: DEMO_ADVISORS['advisor-anna'] })
      .expect(204);
    const message = intakeEvent(ReporterMessageSentV1.type, {
      messageId: randomUUID(),
      sentAt: new Date().toISOString(),
      sealedBody: await service.platform.privacy.sealer.seal('CANARY message', caseKey(caseId)),
    });
    await service.platform.bus.publish([toMessage(message), toMessage(message)]);
    await eventually(async () => {
      await settle();
      expect((await kinds(ANNA)).sort()).toEqual(['case-assigned', 'reporter-message']);
    });
    await service.app.get(ReadModels).projection('case-notices').rebuild();
    await settle();
    const mails = await mailbox(ANNA);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      for (const secret of [caseId, 'CANARY', 'corruption', 'Corruptie'])
        expect(mail.text + mail.html + mail.subject).not.toContain(secret);
    }
    expect(await mailbox('advisor-bram@demo.vertrouwd.test')).toEqual([]);
  });

  it('reminds the advisor of a deadline two days before it falls, once', async () => {
    const job = service.app.get(DeadlineReminderJob);
    const day = 24 * HOUR;
    expect(await job.runOnce(new Date(receivedAt.getTime() + 2 * day))).toBe(0); // not yet two days before
    // The acknowledgement is due at the end of day 7: from day 6 it is within two days.
    expect(await job.runOnce(new Date(receivedAt.getTime() + 6 * day))).toBe(1);
    expect(await job.runOnce(new Date(receivedAt.getTime() + 6 * day + HOUR))).toBe(0);
    await dispatch();
    await eventually(async () => expect((await kinds(ANNA)).filter((k) => k === 'deadline-near')).toEqual(['deadline-near']));
  });

  it('keeps the staff addresses sealed: in no table and no log line', async () => {
    expect(await tablesContaining(db.url, 'demo.vertrouwd.test')).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes('demo.vertrouwd.test'))).toEqual([]);
  });
});
