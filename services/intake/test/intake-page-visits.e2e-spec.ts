import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEMO_AGENCY_ID } from '@vertrouwd/auth';
import { PageVisitsCountedV1, topicOf } from '@vertrouwd/contracts';
import { consumeIntegrationEvents, type Consumer } from '@vertrouwd/messaging';
import { ReadModels } from '@vertrouwd/service-kit';
import { eventually } from '@vertrouwd/testing';
import { PageVisitsJob } from '../src/application/page-visits/page-visits.job';
import { BAKKERIJ } from './directory.fixture';
import { intake as intakeDefinition } from '../src/service';
import { startIntake, type IntakeUnderTest } from './intake-service.fixture';

// Intake-page visits, counted without tracking anyone: a counter per organisation and Dutch day, recorded once the
// day is over as one event that matching, billing and reporting consume. Nothing about a visitor is kept.

describe('intake page visits', () => {
  let intake: IntakeUnderTest;
  let consumer: Consumer;
  const published: { organisationId: string; day: string; visits: number }[] = [];
  beforeAll(async () => {
    intake = await startIntake('intake_page_visits');
    consumer = consumeIntegrationEvents(intake.service.platform.bus, {
      group: `page-visits-observer-${randomUUID()}`,
      topics: [topicOf(PageVisitsCountedV1)],
      registry: intake.service.platform.contracts,
      handle: async (event) => void published.push(event.payload as (typeof published)[number]),
    });
  });
  afterAll(async () => {
    await consumer?.stop();
    await intake?.stop();
  });

  it("counts each answered page of the day, keeps nothing of the visitor, and records the day's total once it is over", async () => {
    const db = intake.service.app.get(ReadModels).dataSource;
    const tally = async () => {
      const rows = await db.query<Record<string, unknown>[]>(
        'select *, day::text as day from intake_page_visits where organisation_id = $1',
        [BAKKERIJ.organisationId],
      );
      return rows[0];
    };
    const before = Number((await tally())?.visits ?? 0); // the fixture opened the page while waiting for it
    for (let i = 0; i < 3; i++) {
      await request(intake.service.url)
        .get('/intake/bakkerij-2026')
        .set('User-Agent', 'CANARY-agent')
        .set('X-Forwarded-For', '203.0.113.7')
        .expect(200);
    }
    await request(intake.service.url).get('/intake/no-such-page').expect(404); // not an organisation's visit
    const row = await tally();
    expect(row).toMatchObject({ visits: before + 3, recorded: false });
    expect(Object.keys(row).sort()).toEqual(['agency_id', 'day', 'organisation_id', 'recorded', 'visits']);
    const all: unknown[] = await db.query('select * from intake_page_visits');
    expect(JSON.stringify(all)).not.toMatch(/CANARY|203\.0\.113/);

    // Today is not over: nothing recorded yet. Tomorrow: the day's total, once, however often the job runs.
    const job = intake.service.app.get(PageVisitsJob);
    expect(await job.runOnce(new Date())).toBe(0);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await job.runOnce(tomorrow)).toBeGreaterThanOrEqual(1);
    expect(await job.runOnce(tomorrow)).toBe(0);
    await eventually(() =>
      expect(published.filter((p) => p.organisationId === BAKKERIJ.organisationId)).toEqual([
        { organisationId: BAKKERIJ.organisationId, agencyId: DEMO_AGENCY_ID, day: row.day, visits: before + 3 },
      ]),
    );
  });
});

// The reporter's site answers many visitors from one read of the page (it keeps the page data and the rendered page a
// few seconds), so it reads as the site (no visit counted) and reports the visits it served; only the site may.
describe("visits the reporter's site served", () => {
  const SECRET = 'site-proxy-secret-of-at-least-32-characters';
  let intake: IntakeUnderTest;
  beforeAll(async () => (intake = await startIntake('intake_site_visits', intakeDefinition, { INTAKE_PROXY_SECRET: SECRET })));
  afterAll(() => intake?.stop());
  const visits = async () => {
    const rows = await intake.service.app
      .get(ReadModels)
      .dataSource.query<{ visits: number }[]>('select visits from intake_page_visits where organisation_id = $1', [
        BAKKERIJ.organisationId,
      ]);
    return Number(rows[0]?.visits ?? 0);
  };
  const report = (body: unknown, headers: Record<string, string> = { 'X-Intake-Proxy-Key': SECRET }, code = 'bakkerij-2026') =>
    request(intake.service.url)
      .post(`/intake/${code}/page-visits`)
      .set(headers)
      .send(body as object);

  it("counts no visit for the site's own read, and the visits the site reports", async () => {
    const before = await visits();
    await request(intake.service.url).get('/intake/bakkerij-2026?lang=ar').set('X-Intake-Proxy-Key', SECRET).expect(200);
    expect(await visits()).toBe(before);
    await report({ visits: 7 }).expect(204);
    await report({ visits: 1 }).expect(204);
    expect(await visits()).toBe(before + 8);
    await request(intake.service.url).get('/intake/bakkerij-2026').expect(200); // anyone else's read still counts
    expect(await visits()).toBe(before + 9);
  });

  it('refuses visits from anyone but the site (403), a number out of range (400, field named), an unknown code (404)', async () => {
    const before = await visits();
    const strangers: Record<string, string>[] = [{}, { 'X-Intake-Proxy-Key': 'a-wrong-secret-of-the-same-length-xxxxxxxx' }];
    for (const headers of strangers) {
      const refused = await report({ visits: 1000 }, headers).expect(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    for (const body of [{ visits: 0 }, { visits: 100_001 }, { visits: '7' }, { visits: 1.5 }, {}, [7]]) {
      const refused = await report(body).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(refused.body)).toContain('visits');
    }
    await report({ visits: 3 }, undefined, 'no-such-page').expect(404);
    expect(await visits()).toBe(before);
  });
});
