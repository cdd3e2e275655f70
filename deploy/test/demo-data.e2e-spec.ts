import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_AGENCY_2_ID, DEMO_AGENCY_ID, DEMO_PASSWORD, startDevIssuer, WEB_CLIENT_ID, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { caseService } from '../../services/case/src/service';
import { intake } from '../../services/intake/src/service';
import { billingService } from '../../services/billing/src/service';
import { matchingService } from '../../services/matching/src/service';
import { reportingService } from '../../services/reporting/src/service';
import { amsterdamToday } from '@vertrouwd/domain';
import { seedDemoData } from '../src/demo-data';
import { DEMO_DIRECTORY } from '../src/demo-directory';
import { PAST_YEAR_CASES, type PastYearEnvironment } from '../src/demo-past-year';
import type { ServiceProcess } from '../src/service-processes';

// What `npm start` seeds, against intake, case, matching and billing as it runs them: the directory made through matching's
// API (two agencies, organisations of every size, external and internal counsellors, an absence), the intake pages
// fed from it, and the demo reports matched and assigned; last year's cases at the bakery, written through intake's
// and case's handlers on a clock set back, so its annual report publishes and reproduces; no later start makes any of
// it again.
describe('demo data', () => {
  const ADMIN_SECRET = 'demo-data-e2e-identity-admin-secret';
  let issuer: DevIssuer;
  let dbs: TestDatabase[];
  let running: RunningService[];
  let services: ServiceProcess[];
  let pastYear: PastYearEnvironment;
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-data-e2e-'));
  const coordinator = async (user = 'coordinator-carla') => `Bearer ${await issuer.mintToken(user)}`;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0, adminClientSecret: ADMIN_SECRET, usersFile: join(dataDir, 'users.json') });
    dbs = await Promise.all(
      ['intake', 'case', 'matching', 'bus', 'vault', 'billing', 'reporting'].map((label) => createTestDatabase(`demo_${label}`)),
    );
    const common = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: dbs[3].url,
      PRIVACY_DATABASE_URL: dbs[4].url,
      PORT: '0',
      REPORTER_TOKEN_SECRET: 'e2e-demo-data-secret-of-at-least-32-chars',
      IDENTITY_ADMIN_CLIENT_SECRET: ADMIN_SECRET,
      IDENTITY_ADMIN_PASSWORD_EMAIL: 'off',
      VERTROUWD_DATA_DIR: dataDir,
    };
    running = [
      await startService({ ...intake, logger: false }, { ...common, DATABASE_URL: dbs[0].url }),
      await startService({ ...caseService, logger: false }, { ...common, DATABASE_URL: dbs[1].url }),
      await startService({ ...matchingService, logger: false }, { ...common, DATABASE_URL: dbs[2].url }),
      await startService({ ...billingService, logger: false }, { ...common, DATABASE_URL: dbs[5].url }),
      await startService({ ...reportingService, logger: false }, { ...common, DATABASE_URL: dbs[6].url }),
    ];
    pastYear = { intake: { ...common, DATABASE_URL: dbs[0].url }, case: { ...common, DATABASE_URL: dbs[1].url } };
    services = running.map((s) => ({ name: s.platform.serviceName, url: s.url, stop: () => s.close() }));
  });
  afterAll(async () => {
    for (const service of running ?? []) await service.close();
    await issuer?.stop();
    await Promise.all((dbs ?? []).map((db) => db.drop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const cases = async () => {
    const { body } = await request(running[1].url)
      .get(`/agencies/${DEMO_AGENCY_ID}/cases`)
      .set('Authorization', await coordinator())
      .expect(200);
    return (body.cases as { caseId: string; advisorId: string | null }[]).sort((a, b) => a.caseId.localeCompare(b.caseId));
  };

  it('makes the directory through matching, feeds the intake pages, and has the demo reports matched and assigned, once', async () => {
    expect(await seedDemoData(services, issuer, dataDir, pastYear)).toBe(true);
    const seeded = await cases();
    expect(seeded).toHaveLength(2 + PAST_YEAR_CASES);
    expect(seeded.every((c) => c.advisorId)).toBe(true);

    const matching = request(running[2].url);
    const { body: demo } = await matching
      .get(`/agencies/${DEMO_AGENCY_ID}/organisations`)
      .set('Authorization', await coordinator())
      .expect(200);
    expect(demo.organisations.map((o: { headcount: number }) => o.headcount).sort((a: number, b: number) => a - b)).toEqual([8, 45, 850]);
    expect(demo.organisations.every((o: { primaryCounsellorId: string | null }) => o.primaryCounsellorId)).toBe(true);
    const { body: staff } = await matching
      .get(`/agencies/${DEMO_AGENCY_ID}/counsellors`)
      .set('Authorization', await coordinator())
      .expect(200);
    expect(new Set(staff.counsellors.map((c: { kind: string }) => c.kind))).toEqual(new Set(['external', 'internal']));
    expect(staff.counsellors.some((c: { absences: unknown[] }) => c.absences.length > 0)).toBe(true);
    const { body: noord } = await matching
      .get(`/agencies/${DEMO_AGENCY_2_ID}/organisations`)
      .set('Authorization', await coordinator('coordinator-noor'))
      .expect(200);
    expect(noord.organisations).toHaveLength(1);
    // A counsellor onboarded at run time signs in with the demo password; the intake page shows counsellors by name.
    const signIn = await fetch(issuer.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: WEB_CLIENT_ID, username: 'counsellor-daan', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    await request(running[0].url).get('/intake/bakkerij-2026').expect(200);
    // Billing: both agencies are suppliers with a price list, and every client organisation has a subscription.
    for (const [agency, user, count] of [
      [DEMO_AGENCY_ID, 'coordinator-carla', 3],
      [DEMO_AGENCY_2_ID, 'coordinator-noor', 1],
    ] as const) {
      const billing = request(running[3].url);
      const { body: account } = await billing
        .get(`/agencies/${agency}/billing/account`)
        .set('Authorization', await coordinator(user))
        .expect(200);
      expect(account.priceLists).toHaveLength(1);
      const auth = await coordinator(user);
      await eventually(async () => {
        const { body: subscribed } = await billing.get(`/agencies/${agency}/billing/subscriptions`).set('Authorization', auth).expect(200);
        expect(subscribed.subscriptions).toHaveLength(count);
      });
    }

    // A later start: the marker skips seeding; without it (a restart mid-seed) the ids and keys make nothing twice.
    expect(await seedDemoData(services, issuer, dataDir, pastYear)).toBe(true);
    rmSync(join(dataDir, 'demo-data.seeded'));
    expect(await seedDemoData(services, issuer, dataDir, pastYear)).toBe(true);
    // The same cases, none twice (their states may have moved on meanwhile: last year's close as the seed runs).
    const ids = (list: { caseId: string }[]) => list.map((c) => c.caseId).sort();
    expect(ids(await cases())).toEqual(ids(seeded));
  }, 480_000);

  it("lets the coordinator publish the bakery's report of last year, the employer read it and the auditor reproduce it", async () => {
    const year = Number(amsterdamToday().slice(0, 4)) - 1;
    const bakery = DEMO_DIRECTORY[0].organisations[0].organisationId;
    const reporting = request(running[4].url);
    const base = `/agencies/${DEMO_AGENCY_ID}/organisations/${bakery}/reports/${year}`;
    const carla = await coordinator();
    type Cell = { key: string; value: number | null; reason: string | null };
    const table = (body: { tables: { id: string; cells: Cell[] }[] }, id: string) => body.tables.find((t) => t.id === id)!.cells;
    // Every case of the year, closed or open at its end, is in the facts once the bus has delivered them.
    await eventually(
      async () => {
        const { body: draft } = await reporting.get(`${base}/draft`).set('Authorization', carla).expect(200);
        expect(table(draft, 'total')[0].value).toBe(PAST_YEAR_CASES);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const { body: published } = await reporting.post(`${base}/publications`).set('Authorization', carla).expect(201);
    const { body: report } = await request(running[4].url)
      .get(`/organisations/${bakery}/reports/${year}`)
      .set('Authorization', await coordinator('employer-erik'))
      .expect(200);
    expect(table(report, 'total')[0].value).toBe(PAST_YEAR_CASES);
    // Cells of five or more are shown, smaller ones blank with their reason.
    const themes = table(report, 'by-theme');
    expect(themes.filter((c) => c.value !== null && c.value >= 5).length).toBeGreaterThanOrEqual(2);
    expect(themes.some((c) => c.value === null && c.reason === 'primary')).toBe(true);
    const { body: reproduction } = await reporting
      .get(`${base}/publications/${published.publication}/reproduction`)
      .set('Authorization', await coordinator('auditor-ada'))
      .expect(200);
    expect(reproduction).toMatchObject({ same: true, differences: [], publishedDigest: published.digest });
    expect(reproduction.reproducedDigest).toBe(published.digest);
  }, 120_000);

  it('seeds nothing with an external identity provider', async () => {
    expect(await seedDemoData(services, undefined, dataDir)).toBe(false);
  });
});
