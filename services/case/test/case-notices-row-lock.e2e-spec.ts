import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, DEMO_USERS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import type { RunningService } from '@vertrouwd/runtime';
import { systemContext } from '@vertrouwd/service-kit';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { DeadlineReminderJob } from '../src/application/jobs/deadline-reminder.job';
import { WaitingCaseAlertJob } from '../src/application/jobs/waiting-case-alert.job';
import { AlertUnmatchedCase } from '../src/application/matched-assignment/matched-assignment.commands';
import { CaseNoticeDispatcher } from '../src/application/notifications/case-notice.dispatcher';
import { startCaseOnSmallPool } from './small-pool.fixture';

// Pool scan (2026-12-07), after the one-dispatch-at-a-time fix: the dispatcher still held one connection of the
// pool in its transaction while it asked the pool for more (`recipientOf`), and inside that transaction it had already
// updated the rows it sent. Re-queueing a key it had sent (the deadline reminder and the waiting-case alert re-queue
// theirs on every run, the unmatched alert on every round) is `insert … on conflict do nothing`, which waited for the
// dispatcher's commit while holding a pooled connection. Three such waits (npm start's pool of four) and the dispatcher
// could not get the connection its next recipient needed, and PostgreSQL saw no deadlock (one side of the cycle is the
// pool's queue, in Node): hung for good, or with the pool's 10 s wait the read side stalled and a notice failed. Now a
// batch is claimed in a statement that commits at once and sent with no transaction open, then settled.

const SEND_DELAY_MS = 1_500; // a slow (not failing) mail server: each message accepted after 1.5 s
const FILLERS = 4;

describe('notices re-queued while a dispatch holds the rows it sent, on the pool of four npm start gives', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  let smtp: SMTPServer;
  let admin: Client;
  let received = 0;
  let onMail: (n: number) => void = () => undefined;
  let stuck = false;

  const coordinator = DEMO_USERS.find((u) => u.username === 'coordinator-carla')!.id;
  const anna = DEMO_ADVISORS['advisor-anna'];
  const waitingCase = randomUUID();
  const clockCase = randomUUID();
  const ackDue = new Date(Date.now() + 24 * 3600_000);

  beforeAll(async () => {
    smtp = new SMTPServer({
      logger: false,
      disabledCommands: ['AUTH', 'STARTTLS'],
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => {
          received += 1;
          onMail(received);
          setTimeout(() => callback(), SEND_DELAY_MS);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('case_notice_rowlock');
    service = await startCaseOnSmallPool(db, issuer, `smtp://127.0.0.1:${smtpPort}`);
    admin = new Client({ connectionString: db.url });
    await admin.connect();
    // What the jobs look at: a case waiting for assignment for two days, a case whose acknowledgement is due tomorrow.
    const org = DEMO_ORGANISATIONS['org-bakkerij'];
    await admin.query(
      `insert into case_overview ("caseId", "agencyId", "organisationId", theme, status, "receivedAt")
       values ($1, $2, $3, 'integrity', 'waiting-for-assignment', now() - interval '2 days')`,
      [waitingCase, DEMO_AGENCY_ID, org],
    );
    await admin.query(
      `insert into legal_clocks ("caseId", "agencyId", "advisorId", "receivedAt", "acknowledgementDueAt", "feedbackDueAt")
       values ($1, $2, $3, now(), $4, now() + interval '60 days')`,
      [clockCase, DEMO_AGENCY_ID, anna, ackDue],
    );
    // Queued earlier by the jobs' and the alert's previous runs (the same keys they compute), then later notices.
    const queued: [string, string, string, string][] = [
      [`deadline-near:${clockCase}:acknowledgement:${ackDue.getTime()}`, 'deadline-near', `advisor:${anna}`, clockCase],
      [`case-waiting:${waitingCase}:${coordinator}`, 'case-waiting', `user:${coordinator}`, waitingCase],
      [`case-unmatched:${waitingCase}:${coordinator}`, 'case-unmatched', `user:${coordinator}`, waitingCase],
      ...Array.from({ length: FILLERS }, (_, i): [string, string, string, string] => [
        `later-${i}`,
        'reporter-message',
        `advisor:${anna}`,
        clockCase,
      ]),
    ];
    await admin.query('begin'); // all at once: the dispatcher's own interval must not take a part of them
    for (const [i, [key, kind, recipient, caseId]] of queued.entries()) {
      await admin.query(
        `insert into notice_outbox (notice_key, kind, recipient, case_id, created_at) values ($1, $2, $3, $4, now() - make_interval(secs => $5))`,
        [key, kind, recipient, caseId, 100 - i],
      );
    }
    await admin.query('commit');
  }, 60_000);

  afterAll(async () => {
    // Unstick what the test left hanging, so the service can close: end the dispatcher's transaction.
    if (stuck)
      await admin
        ?.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                and state like 'idle in transaction%'`,
        )
        .catch(() => undefined);
    await admin?.end();
    await service?.close();
    await issuer?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await db?.drop();
  }, 60_000);

  it('sends every notice and keeps answering when the jobs re-queue notices the dispatch has sent', async () => {
    const reminder = service.app.get(DeadlineReminderJob);
    const waiting = service.app.get(WaitingCaseAlertJob);
    const commands = service.app.get(CommandBus);
    const token = await issuer.mintToken('advisor-anna');
    const requeued: Promise<unknown>[] = [];
    let probe: Promise<string> | undefined;
    let sessions: unknown[] = [];
    // The fourth mail is the first later notice: by then the dispatch has sent and updated the three re-queued keys,
    // in its transaction, still open. The jobs' next runs (every minute) and the next unmatched round come now; an
    // advisor opens their case list a moment later.
    onMail = (n) => {
      if (n !== 4) return;
      requeued.push(
        reminder.runOnce(),
        waiting.runOnce(),
        commands.execute(new AlertUnmatchedCase(waitingCase, DEMO_AGENCY_ID, systemContext('system:matching', randomUUID()))),
      );
      probe = new Promise((resolve) => setTimeout(resolve, 1_000)).then(async () => {
        const { rows } = await admin.query(
          `select state, wait_event_type, wait_event, left(query, 60) as query from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
              and (state like 'idle in transaction%' or wait_event_type = 'Lock') order by state`,
        );
        sessions = rows;
        const started = Date.now();
        return request(service.url)
          .get('/advisors/me/cases')
          .set('Authorization', `Bearer ${token}`)
          .timeout(15_000)
          .then(
            (r) => `HTTP ${r.status} after ${Date.now() - started} ms`,
            (e: Error) => `${e.message} after ${Date.now() - started} ms`,
          );
      });
    };
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), 40_000);
    });
    const started = Date.now();
    const outcome = await Promise.race([service.app.get(CaseNoticeDispatcher).runOnce(), hung]);
    const took = Date.now() - started;
    stuck = outcome === 'hung';
    clearTimeout(timer);
    await Promise.allSettled(requeued);
    const answered = await probe;
    const { rows: failed } = await admin.query('select notice_key, last_error from notice_outbox where last_error is not null');
    if (stuck || failed.length > 0 || !String(answered).startsWith('HTTP 200')) {
      // What a failure looked like, for whoever reads it: the dispatch, the mails, the sessions waiting.
      console.log(
        `dispatch: ${String(outcome)} in ${took} ms; mails: ${received}; case list: ${answered}; failed notices: ` +
          `${JSON.stringify(failed)}; sessions 1 s after the re-queues:\n${JSON.stringify(sessions, null, 1)}`,
      );
    }
    expect(requeued).toHaveLength(3); // the re-queues did come while the dispatch held the rows
    expect(outcome).not.toBe('hung');
    expect(failed).toEqual([]); // no notice failed for want of a connection
    expect(received).toBe(3 + FILLERS);
    expect(answered).toMatch(/^HTTP 200 /);
  }, 90_000);
});
