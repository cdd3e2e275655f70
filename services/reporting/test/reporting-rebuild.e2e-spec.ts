import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_AGENCY_2_ID, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import {
  CaseAcknowledgedV1,
  CaseClosedV1,
  CaseOpenedV1,
  CaseReopenedV1,
  HoursLoggedV1,
  OrganisationPublishedV1,
} from '@vertrouwd/contracts';
import { publishAs } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { BenchmarksService } from '../src/application/benchmarks/benchmarks.service';
import { ReadModelRebuild } from '../src/infrastructure/read-model-rebuild.sql';
import { reportingService } from '../src/service';

// Rebuildable from zero (issue 11): the service builds its read models from other services' events as it runs (the
// journal listener) and from its own (the agencies' rules); then they are dropped, `ReadModelRebuild` makes them again
// from the event store alone, and every row, a draft's figures and the agency's benchmarks are what they were.

const BAKERY = DEMO_ORGANISATIONS['org-bakkerij'];
const THEMES = ['bullying', 'intimidation', 'discrimination', 'sexual-harassment'] as const;
interface Org {
  id: string;
  agencyId: string;
  sbiCode: string;
  headcount: number;
  cases: number;
}
const ORGS: Org[] = [
  { id: BAKERY, agencyId: DEMO_AGENCY_ID, sbiCode: '1071', headcount: 60, cases: 9 },
  { id: randomUUID(), agencyId: DEMO_AGENCY_ID, sbiCode: '1011', headcount: 50, cases: 6 },
  { id: randomUUID(), agencyId: DEMO_AGENCY_ID, sbiCode: '2511', headcount: 40, cases: 5 },
  { id: randomUUID(), agencyId: DEMO_AGENCY_ID, sbiCode: '8610', headcount: 20, cases: 3 },
  { id: randomUUID(), agencyId: DEMO_AGENCY_2_ID, sbiCode: '8710', headcount: 30, cases: 4 },
];

describe('reporting read models, rebuilt from zero', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);
  const query = <T>(sql: string): Promise<T[]> => service.app.get(ReadModels).dataSource.query(sql);

  const organisation = async (o: Org, version: number, change: { headcount?: number; status?: 'active' | 'inactive' } = {}) =>
    publishAs(service.platform.bus, OrganisationPublishedV1, o.id, {
      organisationId: o.id,
      agencyId: o.agencyId,
      version,
      status: change.status ?? 'active',
      sealedName: await service.platform.privacy.sealer.seal('Org', caseKey(`directory:organisation:${o.id}`)),
      intakeCode: `rebuild-${o.id.slice(0, 8)}`,
      kvkNumber: '30111222',
      sbiCode: o.sbiCode,
      headcount: change.headcount ?? o.headcount,
      headcountFrom: '2025-01-01',
      wbkObliged: o.headcount >= 50,
      pendingBillObliged: true,
      regions: ['utrecht'],
      languages: ['nl'],
      internalCounsellorIds: [],
      changedAt: new Date().toISOString(),
    });

  /** The read models as rows, in a fixed order. */
  const snapshot = async () => ({
    organisations: await query('select * from reporting_organisations order by organisation_id'),
    cases: await query('select * from reporting_cases order by case_ref'),
    rules: await query('select * from reporting_agency_rules order by agency_id'),
  });

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('reporting_rebuild');
    service = await startService(
      { ...reportingService, logger: false },
      {
        DATABASE_URL: db.url,
        OIDC_ISSUER: issuer.issuer,
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'reporting-rebuild-')),
        PORT: '0',
      },
    );
    const bus = service.platform.bus;
    let n = 0;
    for (const o of ORGS) {
      await organisation(o, 1);
      for (let i = 0; i < o.cases; i += 1, n += 1) {
        const caseId = randomUUID();
        const year = n % 3 === 0 ? 2025 : 2026;
        const month = String((n % 11) + 1).padStart(2, '0');
        await publishAs(bus, CaseOpenedV1, caseId, {
          caseId,
          agencyId: o.agencyId,
          organisationId: o.id,
          theme: THEMES[n % THEMES.length],
          relation: n % 2 === 0 ? 'colleague' : 'manager',
          anonymity: n % 4 === 0 ? 'known-to-advisor' : 'anonymous',
          receivedAt: `${year}-${month}-03T10:00:00Z`,
          openedAt: `${year}-${month}-03T10:00:00Z`,
          ...(n % 2 === 0 ? { site: 'utrecht' as const } : {}),
        });
        await publishAs(bus, CaseAcknowledgedV1, caseId, { caseId, acknowledgedAt: `${year}-${month}-05T10:00:00Z` });
        await publishAs(bus, HoursLoggedV1, caseId, {
          caseId,
          organisationId: o.id,
          advisorId: randomUUID(),
          workedOn: `${year}-${month}-06`,
          minutes: 30 + n,
          activity: 'conversation',
        });
        if (n % 3 !== 1)
          await publishAs(bus, CaseClosedV1, caseId, { caseId, outcome: 'settled-informally', closedAt: `${year}-12-01T10:00:00Z` });
        if (n % 5 === 0) await publishAs(bus, CaseReopenedV1, caseId, { caseId, reopenedAt: `${year}-12-10T10:00:00Z` });
      }
    }
    // Later versions from the directory: one organisation grows, one is no longer a client (inactive), an old version arrives late.
    await organisation(ORGS[1], 2, { headcount: 80 });
    await organisation(ORGS[3], 2, { status: 'inactive' });
    await organisation(ORGS[1], 1);
    const carla = await token('coordinator-carla');
    await api()
      .put(`/agencies/${DEMO_AGENCY_ID}/disclosure-rules`)
      .set('Authorization', carla)
      .send({ k: 6, minOrganisations: 3 })
      .expect(200);
    await api()
      .put(`/agencies/${DEMO_AGENCY_ID}/disclosure-rules`)
      .set('Authorization', carla)
      .send({ k: 5, maxSharePercent: 55 })
      .expect(200);
    const total = ORGS.reduce((sum, o) => sum + o.cases, 0);
    await eventually(
      async () => {
        const [{ cases }] = await query<{ cases: number }>('select count(*)::int as cases from reporting_cases');
        const [{ versions }] = await query<{ versions: number }>('select sum(version)::int as versions from reporting_organisations');
        expect([cases, versions]).toEqual([total, ORGS.length + 2]);
        const journaled = await service.platform.store.readAll({ categories: ['facts'], types: ['CaseClosed', 'CaseReopened'] });
        expect(journaled.length).toBeGreaterThan(0);
      },
      { timeoutMs: 30_000 },
    );
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('makes every row, a draft and the benchmarks again from the events alone', async () => {
    const carla = await token('coordinator-carla');
    const draftUrl = `/agencies/${DEMO_AGENCY_ID}/organisations/${BAKERY}/reports/2025/draft`;
    const benchmarksUrl = `/agencies/${DEMO_AGENCY_ID}/benchmarks/2026`;
    const before = await snapshot();
    expect(before.organisations).toHaveLength(ORGS.length);
    expect(before.organisations).toContainEqual(expect.objectContaining({ organisation_id: ORGS[3].id, active: false }));
    expect(before.organisations).toContainEqual(expect.objectContaining({ organisation_id: ORGS[1].id, headcount: 80, version: 2 }));
    expect(before.cases.every((row) => (row as { theme: string | null }).theme !== null)).toBe(true);
    expect(before.rules).toEqual([{ agency_id: DEMO_AGENCY_ID, k: 5, min_organisations: 3, max_share_percent: 55 }]);
    const draft = (await api().get(draftUrl).set('Authorization', carla).expect(200)).body;
    const benchmarks = (await api().get(benchmarksUrl).set('Authorization', carla).expect(200)).body;
    expect(benchmarks.rules.maxSharePercent).toBe(55);

    // Dropped: the service no longer knows the bakery is the agency's.
    await query('delete from reporting_cases');
    await query('delete from reporting_organisations');
    await query('delete from reporting_agency_rules');
    await api().get(draftUrl).set('Authorization', carla).expect(404);

    const outcome = await service.app.get(ReadModelRebuild).rebuild(7);
    expect(outcome).toMatchObject({ organisations: ORGS.length, cases: before.cases.length });
    expect(await snapshot()).toEqual(before);
    service.app.get(BenchmarksService).forget(DEMO_AGENCY_ID); // computed again from the rebuilt tables
    expect((await api().get(draftUrl).set('Authorization', carla).expect(200)).body).toEqual(draft);
    expect((await api().get(benchmarksUrl).set('Authorization', carla).expect(200)).body).toEqual(benchmarks);

    // Rebuilt again over what it made: it replaces, never merges.
    await service.app.get(ReadModelRebuild).rebuild();
    expect(await snapshot()).toEqual(before);
  });
});
