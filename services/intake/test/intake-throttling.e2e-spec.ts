import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { eventually } from '@vertrouwd/testing';
import { configuredIntake } from '../src/service';
import { REPORT, startIntake, type IntakeUnderTest } from './intake-service.fixture';

/** A follow-up sent from a chosen loopback address (127.0.0.0/8 is all ours): another client, as intake sees it. */
function followUpFrom(from: string, url: string, body: object): Promise<{ status: number; retryAfter: number }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/intake/follow-up',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: Number(res.headers['retry-after'] ?? 0) }));
      },
    );
    sent.on('error', reject);
    sent.end(JSON.stringify(body));
  });
}

const WRONG = 'WRONG-WRONG-WRONG-WRONG-WRONG-WRONG';

describe('follow-up back-off: a wait that grows, never a lock', () => {
  let intake: IntakeUnderTest;
  const backOff = { freeFailures: 5, firstWaitMs: 500, maxWaitMs: 2_000, forgetAfterMs: 60_000 };
  beforeAll(async () => (intake = await startIntake('intake_back_off', configuredIntake({ followUpBackOff: backOff }))));
  afterAll(() => intake?.stop());

  const guess = async (from: string, receiptCode: string, passphrase: string, times: number) => {
    const statuses: number[] = [];
    for (let i = 0; i < times; i += 1) statuses.push((await followUpFrom(from, intake.service.url, { receiptCode, passphrase })).status);
    return statuses;
  };

  it("lets the owner in at once however often a stranger at another address guessed the receipt's passphrase", async () => {
    const { receiptCode, passphrase } = (await intake.submit().expect(201)).body;
    const stranger = await guess('127.0.0.2', receiptCode, WRONG, 30);
    expect(stranger.slice(0, 5)).toEqual(Array(5).fill(401)); // typos are free
    expect(stranger).toContain(429); // then the stranger waits, and nothing they fire meanwhile is checked
    expect(stranger).not.toContain(200);
    expect((await followUpFrom('127.0.0.1', intake.service.url, { receiptCode, passphrase })).status).toBe(200);
  });

  it('makes the owner at the same address wait at most the short back-off, after which the right passphrase works', async () => {
    const { receiptCode, passphrase } = (await intake.submit().expect(201)).body;
    await guess('127.0.0.3', receiptCode, WRONG, 30);
    // A wrong guess that was checked (401, not refused unread) starts the next wait. However slowly the 30 went (a
    // loaded machine can outlast a wait between two of them), the owner asks right after such a one.
    await eventually(
      async () => expect((await followUpFrom('127.0.0.3', intake.service.url, { receiptCode, passphrase: WRONG })).status).toBe(401),
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    const first = await followUpFrom('127.0.0.3', intake.service.url, { receiptCode, passphrase });
    expect(first.status).toBe(429);
    expect(first.retryAfter).toBeGreaterThan(0);
    expect(first.retryAfter).toBeLessThanOrEqual(2); // the cap (2 s here, a minute by default), not a lock-out
    // Refused attempts are not counted: waiting and trying again cannot make the wait longer.
    await eventually(
      async () => expect((await followUpFrom('127.0.0.3', intake.service.url, { receiptCode, passphrase })).status).toBe(200),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
  });
});

describe('limits shared by every replica on one database', () => {
  let intake: IntakeUnderTest;
  let replica: RunningService;
  const limited = configuredIntake({
    submissionsPerClient: { max: 3, windowMs: 3_600_000 },
    followUpBackOff: { freeFailures: 5, firstWaitMs: 60_000, maxWaitMs: 60_000, forgetAfterMs: 3_600_000 },
  });
  beforeAll(async () => {
    intake = await startIntake('intake_replicas', limited);
    replica = await startService({ ...limited, logger: false }, intake.env);
  });
  afterAll(async () => {
    await replica?.close();
    await intake?.stop();
  });

  it('counts submissions at either replica against one limit, not one each', async () => {
    const at = (service: RunningService) => request(service.url).post('/intake/bakkerij-2026/reports').send(REPORT);
    await at(intake.service).expect(201);
    await at(replica).expect(201);
    await at(intake.service).expect(201);
    const refused = await at(replica).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(1_000); // one per 20 minutes once the burst of 3 is spent
    await at(intake.service).expect(429);
  });

  it("counts a receipt's failed follow-ups at either replica against one back-off", async () => {
    const [a, b] = [intake.service.url, replica.url];
    const receiptCode = '0000-0000-0000-0000-0002';
    for (const url of [a, b, a, b, a]) expect((await followUpFrom('127.0.0.4', url, { receiptCode, passphrase: WRONG })).status).toBe(401);
    expect((await followUpFrom('127.0.0.4', b, { receiptCode, passphrase: WRONG })).status).toBe(429);
    expect((await followUpFrom('127.0.0.4', a, { receiptCode, passphrase: WRONG })).status).toBe(429);
  });
});

describe("the reporter's site in front of intake: each reporter counted, not the site", () => {
  let intake: IntakeUnderTest;
  const SECRET = 'site-proxy-secret-of-at-least-32-characters';
  const limited = configuredIntake({ submissionsPerClient: { max: 2, windowMs: 3_600_000 } });
  beforeAll(async () => (intake = await startIntake('intake_proxy', limited, { INTAKE_PROXY_SECRET: SECRET })));
  afterAll(() => intake?.stop());

  const submitAs = (headers: Record<string, string>) =>
    request(intake.service.url).post('/intake/bakkerij-2026/reports').set(headers).send(REPORT);
  const viaSite = (address: string) => ({ 'X-Forwarded-For': address, 'X-Intake-Proxy-Key': SECRET });

  it("counts the address the site forwards with its secret, so one reporter's limit is not another's", async () => {
    await submitAs(viaSite('198.51.100.1')).expect(201);
    await submitAs(viaSite('198.51.100.1')).expect(201);
    await submitAs(viaSite('198.51.100.1')).expect(429);
    await submitAs(viaSite('198.51.100.2')).expect(201);
    // IPv6 reporters by their /64, as if they came directly.
    await submitAs(viaSite('2001:db8:1:2::1')).expect(201);
    await submitAs(viaSite('2001:db8:1:2::ffff')).expect(201);
    await submitAs(viaSite('2001:db8:1:2:aaaa::1')).expect(429);
  });

  it('ignores a forwarded address without the secret, with a wrong one, or that is not one address: the socket counts', async () => {
    // All from this test's socket address (127.0.0.1), whatever they claim: the third is refused.
    await submitAs({ 'X-Forwarded-For': '203.0.113.1' }).expect(201);
    await submitAs({ 'X-Forwarded-For': '203.0.113.2', 'X-Intake-Proxy-Key': 'a-wrong-secret-of-at-least-32-characters!' }).expect(201);
    await submitAs({ 'X-Forwarded-For': '203.0.113.3, 198.51.100.9', 'X-Intake-Proxy-Key': SECRET }).expect(429);
    await submitAs({ 'X-Forwarded-For': 'not-an-address', 'X-Intake-Proxy-Key': SECRET }).expect(429);
  });

  it('lets the owner in through the site however often a stranger guessed their receipt through the same site', async () => {
    const { receiptCode, passphrase } = (await submitAs(viaSite('198.51.100.20')).expect(201)).body;
    const followUp = (address: string, tried: string) =>
      request(intake.service.url).post('/intake/follow-up').set(viaSite(address)).send({ receiptCode, passphrase: tried });
    const stranger: number[] = [];
    for (let i = 0; i < 12; i += 1) stranger.push((await followUp('198.51.100.7', WRONG)).status);
    expect(stranger).toContain(429);
    // Counted as the site's one address, the owner would wait behind the stranger's back-off.
    await followUp('198.51.100.8', passphrase).expect(200);
  });
});
