import request from 'supertest';
import { DEMO_ADVISORS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startSmtpCatcher, type SmtpCatcher } from '@vertrouwd/notifications';
import type { RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { CaseNoticeDispatcher } from '../src/application/notifications/case-notice.dispatcher';
import { startCaseOnSmallPool } from './small-pool.fixture';

// Finding of the outside attack (2026-12-07): a burst of reporter messages queued notices and kicked a dispatch for
// each; every dispatch held a connection of the service's pool in its transaction while resolving the recipient on
// another, so four at once (npm start's pool of four) held all four and waited on each other for good, and the case
// service answered nothing again, not even after a restart. Dispatches now go one at a time per process, and a wait for
// a connection of the pool ends after 10 s (503) instead of never.
const NOTICES = 100;
const RUNS = 12;

describe('notices dispatched in a burst, on the small pool npm start gives each service', () => {
  let catcher: SmtpCatcher;
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('case_notice_burst');
    service = await startCaseOnSmallPool(db, issuer, catcher.smtpUrl);
    const { dataSource } = service.app.get(ReadModels);
    for (let i = 0; i < NOTICES; i += 1) {
      await dataSource.query(`insert into notice_outbox (notice_key, kind, recipient) values ($1, 'reporter-message', $2)`, [
        `burst-${i}`,
        `advisor:${DEMO_ADVISORS['advisor-anna']}`,
      ]);
    }
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await catcher?.stop();
    await db?.drop();
  });

  it('sends every notice once however many dispatches are asked for at once, and the service keeps answering', async () => {
    const dispatcher = service.app.get(CaseNoticeDispatcher);
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolve) => {
      timer = setTimeout(() => resolve('hung'), 20_000);
    });
    const runs = Promise.all(Array.from({ length: RUNS }, () => dispatcher.runOnce()));
    const outcome = await Promise.race([runs, hung]);
    clearTimeout(timer);
    expect(outcome).not.toBe('hung');
    const [{ left }]: { left: string }[] = await service.app
      .get(ReadModels)
      .dataSource.query('select count(*) as left from notice_outbox where sent_at is null');
    expect(Number(left)).toBe(0);
    const mails = (await (await fetch(`${catcher.mailboxUrl}/messages`)).json()) as unknown[];
    expect(mails).toHaveLength(NOTICES);
    const token = await issuer.mintToken('advisor-anna');
    await request(service.url).get('/advisors/me/cases').set('Authorization', `Bearer ${token}`).timeout(5_000).expect(200);
  }, 60_000);

  it('answers 503 (try again) when no connection of its pool comes free in time, instead of waiting for ever', async () => {
    const { dataSource } = service.app.get(ReadModels);
    // Every connection held, as the deadlock held them.
    const held = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const runner = dataSource.createQueryRunner();
        await runner.connect();
        return runner;
      }),
    );
    try {
      const token = await issuer.mintToken('advisor-anna');
      const started = Date.now();
      const res = await request(service.url).get('/advisors/me/cases').set('Authorization', `Bearer ${token}`).timeout(30_000);
      expect([res.status, res.headers['retry-after'], res.headers['content-type']]).toEqual([
        503,
        '1',
        expect.stringMatching(/problem\+json/),
      ]);
      expect(Date.now() - started).toBeLessThan(20_000);
      // And readiness says so, so a balancer sends requests elsewhere meanwhile.
      const ready = await request(service.url).get('/health/ready').timeout(10_000);
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toContainEqual({ name: 'read-models', status: 'down' });
    } finally {
      for (const runner of held) await runner.release();
    }
    const token = await issuer.mintToken('advisor-anna');
    await request(service.url).get('/advisors/me/cases').set('Authorization', `Bearer ${token}`).timeout(5_000).expect(200);
    const ready = await request(service.url).get('/health/ready').timeout(10_000).expect(200);
    expect(ready.body.checks.map((c: { name: string }) => c.name)).toEqual(['database', 'bus', 'read-models']);
  }, 60_000);
});
