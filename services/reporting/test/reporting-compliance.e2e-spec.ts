import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DEMO_AGENCY_2_ID, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { CaseAcknowledgedV1, CaseOpenedV1, DeadlineMissedV1, OrganisationPublishedV1, SubscriptionPublishedV1 } from '@vertrouwd/contracts';
import { amsterdamToday } from '@vertrouwd/domain';
import { publishAs } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { FactsJournal } from '../src/application/reporting.repositories';
import { reportingService } from '../src/service';

// The compliance view and benchmarks end to end, over HTTP with a real PostgreSQL and bus, fed by events as matching,
// case and billing publish them. An agency of seven organisations: the bakery (employer-erik's, 60 people, a primary
// counsellor, two cases) and three more in manufacturing (SBI C), two in care (Q), one of no known sector.

const BAKERY = DEMO_ORGANISATIONS['org-bakkerij'];
interface Org {
  id: string;
  sbiCode: string;
  headcount: number;
  cases: number;
}
const ORGS: Org[] = [
  { id: BAKERY, sbiCode: '1071', headcount: 60, cases: 2 },
  { id: randomUUID(), sbiCode: '1011', headcount: 50, cases: 6 },
  { id: randomUUID(), sbiCode: '2511', headcount: 50, cases: 5 },
  { id: randomUUID(), sbiCode: '3011', headcount: 40, cases: 5 },
  { id: randomUUID(), sbiCode: '8610', headcount: 20, cases: 5 },
  { id: randomUUID(), sbiCode: '8710', headcount: 20, cases: 5 },
  { id: randomUUID(), sbiCode: '0400', headcount: 10, cases: 4 },
];

describe('compliance and benchmarks over HTTP', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);
  const bakeryCases = [randomUUID(), randomUUID()];
  let erik: string;
  let carla: string;

  const published = async (version: number, endsOn?: string) => {
    await publishAs(service.platform.bus, SubscriptionPublishedV1, BAKERY, {
      agencyId: DEMO_AGENCY_ID,
      organisationId: BAKERY,
      version,
      startsOn: '2025-01-01',
      ...(endsOn ? { endsOn } : {}),
      changedAt: new Date().toISOString(),
    });
  };
  const agreementFacts = async () =>
    (await service.app.get(FactsJournal).read(BAKERY)).facts.filter((f) => f.type === 'AgreementRecorded').length;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('reporting_compliance');
    service = await startService(
      { ...reportingService, logger: false },
      {
        DATABASE_URL: db.url,
        OIDC_ISSUER: issuer.issuer,
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'reporting-compliance-')),
        PORT: '0',
      },
    );
    const bus = service.platform.bus;
    for (const [i, o] of ORGS.entries()) {
      await publishAs(bus, OrganisationPublishedV1, o.id, {
        organisationId: o.id,
        agencyId: DEMO_AGENCY_ID,
        version: 1,
        status: 'active',
        sealedName: await service.platform.privacy.sealer.seal(`Org ${i}`, caseKey(`directory:organisation:${o.id}`)),
        intakeCode: `org-${i}-compliance`,
        kvkNumber: '30111222',
        sbiCode: o.sbiCode,
        headcount: o.headcount,
        headcountFrom: '2025-01-01',
        wbkObliged: o.headcount >= 50,
        pendingBillObliged: o.headcount >= 10,
        regions: [],
        languages: ['nl'],
        ...(o.id === BAKERY ? { primaryCounsellorId: randomUUID() } : {}),
        internalCounsellorIds: [],
        changedAt: new Date().toISOString(),
      });
      for (let n = 0; n < o.cases; n += 1) {
        const caseId = o.id === BAKERY ? bakeryCases[n] : randomUUID();
        await publishAs(bus, CaseOpenedV1, caseId, {
          caseId,
          agencyId: DEMO_AGENCY_ID,
          organisationId: o.id,
          theme: 'bullying',
          relation: 'colleague',
          anonymity: 'anonymous',
          receivedAt: '2025-04-01T10:00:00Z',
          openedAt: '2025-04-01T10:00:00Z',
        });
      }
    }
    await publishAs(bus, CaseAcknowledgedV1, bakeryCases[0], { caseId: bakeryCases[0], acknowledgedAt: '2025-04-03T10:00:00Z' });
    await publishAs(bus, DeadlineMissedV1, bakeryCases[1], {
      caseId: bakeryCases[1],
      deadline: 'acknowledgement',
      dueAt: '2025-04-08T21:59:59.999Z',
      regime: 'service-standard',
    });
    const total = ORGS.reduce((sum, o) => sum + o.cases, 0);
    await eventually(async () => {
      const [{ n }] = await service.app.get(ReadModels).dataSource.query('select count(*)::int as n from reporting_cases');
      expect(n).toBe(total);
      expect((await service.app.get(FactsJournal).read(BAKERY)).facts).toHaveLength(5);
    });
    erik = await token('employer-erik');
    carla = await token('coordinator-carla');
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('takes the written agreement from billing’s event: in force, then ended (the highest version wins)', async () => {
    const url = `/agencies/${DEMO_AGENCY_ID}/organisations/${BAKERY}/compliance/2025`;
    const before = (await api().get(url).set('Authorization', carla).expect(200)).body;
    expect(before).toMatchObject({ state: 'attention', reasons: ['no-agreement', 'deadlines-missed'], agreement: { inForce: false } });
    await published(1);
    await eventually(async () => expect(await agreementFacts()).toBe(1));
    const inForce = (await api().get(url).set('Authorization', carla).expect(200)).body;
    expect(inForce).toMatchObject({
      referenceDay: '2025-12-31',
      headcount: 60,
      duties: { wbk: { applies: true, reportingProcedureRequired: true }, pendingBill: { applies: true, counsellorRequired: true } },
      counsellor: { appointed: true, primary: true, substitute: false, internal: 0 },
      agreement: { inForce: true, startsOn: '2025-01-01', endsOn: null },
      deadlines: { 'service-standard': { acknowledgement: { met: 1, missed: 1, open: 0 } } },
      state: 'attention',
      reasons: ['deadlines-missed'],
    });
    // The employer sees no count, and no miss among fewer than k cases: compliant as far as they are shown.
    const employer = (await api().get(`/organisations/${BAKERY}/compliance/2025`).set('Authorization', erik).expect(200)).body;
    expect(employer).toMatchObject({
      k: 5,
      agreement: { inForce: true },
      deadlines: { 'service-standard': { acknowledgement: { metPercent: null, suppressed: 'fewer-than-k' } } },
      state: 'compliant',
      reasons: [],
    });
    expect(JSON.stringify(employer)).not.toMatch(/"(met|missed|open)":/);

    await published(3, '2025-06-30');
    await published(2); // late and older: ignored
    await eventually(async () => expect(await agreementFacts()).toBe(3));
    const ended = (
      await api()
        .get(url)
        .set('Authorization', await token('auditor-ada'))
        .expect(200)
    ).body;
    expect(ended).toMatchObject({ agreement: { inForce: false, endsOn: '2025-06-30' }, reasons: ['no-agreement', 'deadlines-missed'] });
    const mid = (await api().get(`/organisations/${BAKERY}/compliance/2025`).set('Authorization', erik).expect(200)).body;
    expect(mid).toMatchObject({ state: 'attention', reasons: ['no-agreement'] });
  });

  it('shows the agency’s benchmarks with a sector suppressed and why; the employer their sector beside the agency', async () => {
    const agency = (
      await api()
        .get(`/agencies/${DEMO_AGENCY_ID}/benchmarks/2025`)
        .set('Authorization', await token('advisor-anna'))
        .expect(200)
    ).body;
    // 32 cases, 250 people; manufacturing 18 of 200; care 10 of 40 from two organisations only. The agency minus
    // manufacturing (care and the organisation of no known sector: 5, 5 and 4) leaves room under the caps (ADR 0048).
    expect(agency.rules).toEqual({ k: 5, minOrganisations: 3, maxSharePercent: 60 });
    expect(agency.agency).toEqual({ reportsPer100: '12.80', suppressed: null });
    expect(agency.sectors).toEqual([
      { sector: 'C', reportsPer100: '9.00', suppressed: null },
      { sector: 'Q', reportsPer100: null, suppressed: 'too-few-organisations' },
    ]);
    // Every case is about bullying: shown, it would tell that no organisation had a case on any other theme.
    expect(agency.themes.find((t: { theme: string }) => t.theme === 'bullying')).toEqual({
      theme: 'bullying',
      reportsPer100: null,
      suppressed: 'complementary',
    });
    expect(agency.themes.find((t: { theme: string }) => t.theme === 'corruption')).toEqual({
      theme: 'corruption',
      reportsPer100: null,
      suppressed: 'fewer-than-k-cases',
    });
    const mine = (await api().get(`/organisations/${BAKERY}/benchmarks/2025`).set('Authorization', erik).expect(200)).body;
    expect(mine).toMatchObject({
      own: { reportsPer100: null, suppressed: 'not-published' }, // no report of 2025 shows the bakery's total
      agency: { reportsPer100: '12.80', suppressed: null },
      sector: { sector: 'C', reportsPer100: '9.00', suppressed: null },
    });
  });

  it('signals low visibility against the agency and the sector, with the activities that could help', async () => {
    const draft = (
      await api().get(`/agencies/${DEMO_AGENCY_ID}/organisations/${BAKERY}/reports/2025/draft`).set('Authorization', carla).expect(200)
    ).body;
    // 2 cases in 60 people: 3.33 per 100, below half of 12.80 and of 9.00.
    expect(draft.visibility).toMatchObject({
      low: true,
      agencyReportsPer100: '12.80',
      sector: { section: 'C', reportsPer100: '9.00' },
    });
    expect(draft.visibility.suggestions).toEqual(expect.arrayContaining(['presentation', 'posters', 'intranet']));
  });

  it('refuses bad parameters naming them, never echoing the value; a year not begun; another agency or organisation', async () => {
    const badYear = await api().get(`/agencies/${DEMO_AGENCY_ID}/benchmarks/20x5`).set('Authorization', carla).expect(400);
    expect(badYear.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badYear.body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    expect(JSON.stringify(badYear.body)).not.toContain('20x5');
    // An id that is not the caller's own is refused by the tenant scope before it is read, malformed or not.
    const badOrg = await api().get(`/organisations/not-a-uuid/compliance/2025`).set('Authorization', erik).expect(403);
    expect(JSON.stringify(badOrg.body)).not.toContain('not-a-uuid');
    const badAgency = await api().get(`/agencies/not-an-agency/organisations/${BAKERY}/compliance/2025`).set('Authorization', carla);
    expect([badAgency.status, JSON.stringify(badAgency.body).includes('not-an-agency')]).toEqual([403, false]);
    const badOrgOfAgency = await api().get(`/agencies/${DEMO_AGENCY_ID}/organisations/x-1/compliance/2025`).set('Authorization', carla);
    expect(badOrgOfAgency.status).toBe(400);
    expect(badOrgOfAgency.body.errors).toEqual([expect.objectContaining({ field: 'organisationId' })]);
    expect(JSON.stringify(badOrgOfAgency.body)).not.toContain('x-1');
    const year = Number(amsterdamToday(0).slice(0, 4)) + 1;
    const future = await api().get(`/organisations/${BAKERY}/benchmarks/${year}`).set('Authorization', erik).expect(422);
    expect(future.headers['content-type']).toMatch(/application\/problem\+json/);
    await api()
      .get(`/agencies/${DEMO_AGENCY_2_ID}/organisations/${BAKERY}/compliance/2025`)
      .set('Authorization', await token('coordinator-noor'))
      .expect(404);
    await api().get(`/organisations/${ORGS[1].id}/compliance/2025`).set('Authorization', erik).expect(403);
  });

  // Last: it changes the agency's rules for what follows.
  it("lets the agency's coordinator raise k (never below 5); drafts and benchmarks then use it, another agency keeps its own", async () => {
    const rules = `/agencies/${DEMO_AGENCY_ID}/disclosure-rules`;
    for (const [body, rule] of [
      [{ k: 4 }, 'min'],
      [{ k: 5.5 }, 'isInt'],
      [{ k: 51 }, 'max'],
      [{ k: 7, maxSharePercent: 61 }, 'max'],
    ] as const) {
      const refused = await api().put(rules).set('Authorization', carla).send(body).expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      const field = Object.keys(body).at(-1);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field, rule })]);
      expect(JSON.stringify(refused.body.errors)).not.toContain(String(Object.values(body).at(-1)));
    }
    expect((await api().get(rules).set('Authorization', carla).expect(200)).body).toMatchObject({ k: 5, changes: [] });

    const set = await api().put(rules).set('Authorization', carla).send({ k: 7 }).expect(200);
    expect(set.body).toMatchObject({ k: 7, minOrganisations: 3, maxSharePercent: 60 });
    const read = (
      await api()
        .get(rules)
        .set('Authorization', await token('auditor-ada'))
        .expect(200)
    ).body;
    expect(read.changes).toEqual([{ at: expect.any(String), k: 7, minOrganisations: 3, maxSharePercent: 60 }]);
    // The change is an event with who made it (an opaque subject, never a name): the audit trail.
    const [changed] = await service.platform.store.readStream(`disclosurerules-${DEMO_AGENCY_ID}`);
    expect(changed.type).toBe('AgencyDisclosureRulesSet');
    expect(changed.metadata.actor).toEqual(expect.any(String));
    expect(JSON.stringify(changed.metadata)).not.toMatch(/carla/i);

    const draft = (
      await api().get(`/agencies/${DEMO_AGENCY_ID}/organisations/${BAKERY}/reports/2025/draft`).set('Authorization', carla).expect(200)
    ).body;
    expect(draft.k).toBe(7);
    const benchmarks = (await api().get(`/agencies/${DEMO_AGENCY_ID}/benchmarks/2025`).set('Authorization', carla).expect(200)).body;
    expect(benchmarks.rules).toEqual({ k: 7, minOrganisations: 3, maxSharePercent: 60 });
    const other = await api()
      .get(`/agencies/${DEMO_AGENCY_2_ID}/disclosure-rules`)
      .set('Authorization', await token('coordinator-noor'));
    expect(other.body).toMatchObject({ k: 5, changes: [] });
  });

  it("sets an agency's rules only on the version its coordinator read, when she names one (If-Match)", async () => {
    const rules = `/agencies/${DEMO_AGENCY_2_ID}/disclosure-rules`;
    const noor = await token('coordinator-noor');
    const read = () => api().get(rules).set('Authorization', noor).expect(200);
    const put = (k: number, ifMatch?: string) => {
      const request = api().put(rules).set('Authorization', noor);
      return (ifMatch === undefined ? request : request.set('If-Match', ifMatch)).send({ k });
    };
    // No rules set yet: no version to name, so a write naming one is refused; without If-Match it is set.
    expect((await read()).headers.etag).toBeUndefined();
    await put(6, '"0"').expect(412);
    await put(6).expect(200);
    const loaded = await read();
    expect([loaded.headers.etag, loaded.body.version]).toEqual(['"0"', 0]);

    await put(7, loaded.headers.etag).expect(200);
    const stale = await put(8, loaded.headers.etag).expect(412);
    expect(stale.body.type).toBe('https://vertrouwd.nl/problems/precondition-failed');
    const current = await read();
    expect(current.headers.etag).toBe('"1"');
    expect(current.body).toMatchObject({ k: 7, version: 1 });
  });
});
