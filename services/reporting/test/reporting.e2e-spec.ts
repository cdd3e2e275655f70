import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import request from 'supertest';
import { DEMO_AGENCY_2_ID, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import {
  CaseClosedV1,
  CaseOpenedV1,
  CaseReopenedV1,
  EngagementRecordedV1,
  HoursLoggedV1,
  OrganisationPublishedV1,
  ReferralMadeV1,
} from '@vertrouwd/contracts';
import { attack } from '@vertrouwd/disclosure';
import { publishAs } from '@vertrouwd/messaging';
import { caseKey } from '@vertrouwd/privacy';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, expectUuidRefused, readPdf, tablesContaining, type TestDatabase } from '@vertrouwd/testing';
import { yearFigures } from '../src/application/reports/figures';
import { FactsJournal } from '../src/application/reporting.repositories';
import { cellLabel, REPORT_AUDIENCES, REPORT_LABELS, REPORT_LANGUAGES } from '../src/application/reports/report-labels';
import type { PublishedContent } from '../src/domain/reports/organisation-reports.events';
import { reportingService } from '../src/service';

// Reporting end to end over HTTP with a real PostgreSQL and bus: the facts of a year arrive as other services publish
// them; the coordinator drafts, the counsellor writes the narrative (warned of a name and a small number), the report
// is published with disclosure control and a signed digest, an attacker solving for the blanks learns nothing, the
// employer reads it, and after a late event the report still reproduces to its digest.

const THEMES = ['bullying', 'bullying', 'bullying', 'bullying', 'intimidation', 'intimidation', 'discrimination'] as const;
/** supertest's parser for a binary body: the bytes as they came. */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
const CANARY_CASE = '5eed0000-0000-4000-8000-0000000ca5e5';
// Planted where reporting receives anything that points at people: the organisation's (sealed) name, the
// counsellor who logged hours, the activity's counsellor and id. None may appear in a report, CSV or PDF.
const CANARY_NAME = 'CANARY-Bakkerij-Jansen';
const CANARY_ADVISOR = '5eed0000-0000-4000-8000-00000000ad01';
const CANARY_ACTIVITY = '5eed0000-0000-4000-8000-00000000ac71';
const CANARIES = [CANARY_CASE, CANARY_NAME, CANARY_ADVISOR, CANARY_ACTIVITY];

describe('reporting over HTTP', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);
  const org = DEMO_ORGANISATIONS['org-bakkerij'];
  const base = `/agencies/${DEMO_AGENCY_ID}/organisations/${org}/reports`;
  const caseIds = THEMES.map((_, i) => (i === 0 ? CANARY_CASE : randomUUID()));
  let carla: string;

  const facts = () => service.app.get(FactsJournal).read(org);

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('reporting');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'reporting-')),
      PORT: '0',
    };
    service = await startService({ ...reportingService, logger: false }, env);
    carla = await token('coordinator-carla');
    const bus = service.platform.bus;
    const sealedName = await service.platform.privacy.sealer.seal(CANARY_NAME, caseKey(`directory:organisation:${org}`));
    await publishAs(bus, OrganisationPublishedV1, org, {
      organisationId: org,
      agencyId: DEMO_AGENCY_ID,
      version: 1,
      status: 'active',
      sealedName,
      intakeCode: 'bakkerij-2026',
      kvkNumber: '30111222',
      sbiCode: '1071',
      headcount: 60,
      headcountFrom: '2025-01-01',
      wbkObliged: true,
      pendingBillObliged: true,
      regions: ['utrecht'],
      languages: ['nl'],
      internalCounsellorIds: [],
      changedAt: new Date().toISOString(),
    });
    await eventually(async () => expect((await facts()).facts).toHaveLength(1));
    for (const [i, caseId] of caseIds.entries()) {
      const at = `2025-0${1 + (i % 3) * 3}-1${i}T10:00:00Z`;
      await publishAs(bus, CaseOpenedV1, caseId, {
        caseId,
        agencyId: DEMO_AGENCY_ID,
        organisationId: org,
        theme: THEMES[i],
        relation: i % 2 === 0 ? 'manager' : 'colleague',
        anonymity: 'anonymous',
        receivedAt: at,
        openedAt: at,
        // Three reporters gave their site; the others did not.
        ...(i < 3 ? { site: 'utrecht' as const } : {}),
      });
    }
    await eventually(async () => expect((await facts()).facts).toHaveLength(8));
    for (const caseId of caseIds.slice(0, 5)) {
      await publishAs(bus, CaseClosedV1, caseId, { caseId, outcome: 'settled-informally', closedAt: '2025-11-01T10:00:00Z' });
      await publishAs(bus, HoursLoggedV1, caseId, {
        caseId,
        organisationId: org,
        advisorId: CANARY_ADVISOR,
        workedOn: '2025-10-01',
        minutes: 90,
        activity: 'conversation',
      });
    }
    await publishAs(bus, ReferralMadeV1, caseIds[5], {
      caseId: caseIds[5],
      referralType: 'company-doctor',
      referredAt: '2025-08-01T10:00:00Z',
    });
    await publishAs(bus, EngagementRecordedV1, org, {
      activityId: CANARY_ACTIVITY,
      agencyId: DEMO_AGENCY_ID,
      organisationId: org,
      counsellorId: CANARY_ADVISOR,
      kind: 'workshop',
      on: '2025-03-03',
      minutes: 120,
      recordedAt: new Date().toISOString(),
    });
    // 1 organisation + 7 cases + 5 closures + 5 hours + 1 referral + 1 activity.
    await eventually(async () => expect((await facts()).facts).toHaveLength(20));
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('drafts the year with small cells blank, and warns of names and small numbers in the narrative', async () => {
    const draft = (await api().get(`${base}/2025/draft`).set('Authorization', carla).expect(200)).body;
    const cell = (table: string, key: string) =>
      draft.tables.find((t: { id: string }) => t.id === table).cells.find((c: { key: string }) => c.key === key);
    // The year's 7 cases split into two primary blanks (3 at the Utrecht site, 4 with no site given; 4 by a manager,
    // 3 by a colleague): with the total shown, a reader of the reasons would know each is 3 or 4, so the total is
    // blank too (ADR 0074), and with it the hours of case work.
    expect(cell('total', '2025|total')).toEqual({ key: '2025|total', value: null, reason: 'interval' });
    expect(cell('by-theme', '2025|theme=discrimination')).toMatchObject({ value: null, reason: 'primary' });
    // By site: 3 cases at the Utrecht site, 4 with no site given; both fewer than k.
    expect(draft.schema).toBe('vertrouwd.annual-report/2');
    expect(draft.tables.find((t: { id: string }) => t.id === 'by-site').cells).toEqual([
      { key: '2025|site=utrecht', value: null, reason: 'primary' },
      { key: '2025|site=not-given', value: null, reason: 'primary' },
    ]);
    expect(draft.hours).toEqual({ activitiesMinutes: 120, caseWorkMinutes: null });
    const narrative = {
      signals: 'Pesten door leidinggevenden kwam vaak voor. Jan de Vries zag het ook.',
      advice: 'Train de teamleiders; 2 collega’s vroegen erom.',
    };
    const written = await api()
      .put(`${base}/2025/narrative`)
      .set('Authorization', await token('advisor-anna'))
      .send(narrative)
      .expect(200);
    expect(written.body.warnings).toEqual([
      { field: 'advice', rule: 'small-number', at: narrative.advice.indexOf('2') },
      { field: 'signals', rule: 'name-like', at: narrative.signals.indexOf('Jan') },
    ]);
    expect(JSON.stringify(written.body)).not.toContain('Jan');
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const before = await service.platform.store.readAll({ categories: ['reports'] });
    const bad = await api().put(`${base}/2025/narrative`).set('Authorization', carla).send({ signals: 'A\u0001B', advice: 42 }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect([...new Set((bad.body.errors as { field: string }[]).map((e) => e.field))].sort()).toEqual(['advice', 'signals']);
    await api()
      .put(`${base}/2025/narrative`)
      .set('Authorization', carla)
      .send({ signals: 'x'.repeat(4001), advice: '' })
      .expect(400);
    const year = await api().get(`${base}/20x5/draft`).set('Authorization', carla).expect(400);
    expect(year.body.errors).toEqual([expect.objectContaining({ field: 'year' })]);
    await api().get(`${base}/2025/publications/0`).set('Authorization', carla).expect(400);
    expect(await service.platform.store.readAll({ categories: ['reports'] })).toHaveLength(before.length);
  });

  it('refuses an id in either position of a path that is not a UUID, naming that parameter and never the value', async () => {
    for (const bad of ['a'.repeat(36), 'nope-CANARY']) {
      // A tenant-scoped id reaches the pipe only when the token claims that very value: the guard refuses any other.
      const ofBad = `Bearer ${await issuer.mintToken({ agency_id: bad, realm_access: { roles: ['coordinator'] } })}`;
      const employerOfBad = `Bearer ${await issuer.mintToken({ organisation_id: bad, realm_access: { roles: ['employer'] } })}`;
      const refusals: [call: request.Test, field: string][] = [
        [api().get(`/agencies/${bad}/organisations/${org}/reports/2025/draft`).set('Authorization', ofBad), 'agencyId'],
        [api().get(`/agencies/${DEMO_AGENCY_ID}/organisations/${bad}/reports/2025/draft`).set('Authorization', carla), 'organisationId'],
        [api().get(`/agencies/${bad}/organisations/${org}/compliance/2025`).set('Authorization', ofBad), 'agencyId'],
        [api().get(`/agencies/${DEMO_AGENCY_ID}/organisations/${bad}/compliance/2025`).set('Authorization', carla), 'organisationId'],
        [api().get(`/organisations/${bad}/reports/2025`).set('Authorization', employerOfBad), 'organisationId'],
      ];
      for (const [call, field] of refusals) {
        const res = await call;
        expectUuidRefused(res, field, bad);
      }
      await api().get(`/agencies/${bad}/organisations/${org}/reports/2025/draft`).set('Authorization', carla).expect(403);
    }
  });

  it('publishes once the year is over, with a signed digest; the blanks cannot be solved for', async () => {
    const year = new Date().getFullYear();
    await api().post(`${base}/${year}/publications`).set('Authorization', carla).expect(422);
    await api()
      .post(`${base}/2025/publications`)
      .set('Authorization', await token('advisor-anna'))
      .expect(403);
    const published = await api().post(`${base}/2025/publications`).set('Authorization', carla).expect(201);
    expect(published.body).toMatchObject({ publication: 1, digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const report = (await api().get(`${base}/2025/publications/1`).set('Authorization', carla).expect(200)).body;
    // The attacker: every published table as sums of the same finest cells, and every blank's reason as published
    // (a primary blank is at most 4), solved for each blank's range.
    const { facts: all } = await facts();
    const definitions = yearFigures(all, 2025).tables;
    const figures = report.tables.flatMap((table: { id: string; cells: { key: string; value: number | null; reason: string | null }[] }) =>
      table.cells.map((cell) => ({
        key: cell.key,
        cells: definitions.find((d) => d.id === table.id)!.cells.find((c) => c.key === cell.key)!.cells,
        value: cell.value,
        reason: cell.reason,
      })),
    );
    const result = await attack(figures, { k: 5 });
    expect(result.disclosures).toEqual([]);
    expect(result.shownBelowThreshold).toEqual([]);
  }, 120_000);

  it('shows the employer contact their published report, as JSON and CSV, and nothing of a case', async () => {
    const erik = await token('employer-erik');
    const listed = await api().get(`/organisations/${org}/reports`).set('Authorization', erik).expect(200);
    expect(listed.body.publications).toEqual([expect.objectContaining({ year: 2025, publication: 1 })]);
    const report = await api().get(`/organisations/${org}/reports/2025`).set('Authorization', erik).expect(200);
    expect(report.body.narrative.advice).toContain('teamleiders');
    const csv = await api().get(`/organisations/${org}/reports/2025/csv`).set('Authorization', erik).expect(200);
    expect(csv.text).toContain('by-theme,2025|theme=discrimination,< 5,primary');
    expect(csv.text).toContain('by-site,2025|site=utrecht,< 5,primary');
    await api().get(`/organisations/${randomUUID()}/reports`).set('Authorization', erik).expect(403);
    await api()
      .get(`/agencies/${DEMO_AGENCY_2_ID}/organisations/${org}/reports`)
      .set('Authorization', await token('coordinator-noor'))
      .expect(404);
    await api()
      .get(`${base}`)
      .set('Authorization', await token('coordinator-noor'))
      .expect(403);
    for (const text of [JSON.stringify(report.body), csv.text]) for (const canary of CANARIES) expect(text).not.toContain(canary);
    for (const canary of [CANARY_CASE, CANARY_ADVISOR])
      expect((await tablesContaining(db.url, canary)).filter((t) => !t.startsWith('bus_'))).toEqual([]);
  });

  it('gives the board and the works council the publication as PDF, in Dutch and English, with the same figures', async () => {
    const erik = await token('employer-erik');
    const report = (await api().get(`${base}/2025/publications/1`).set('Authorization', carla).expect(200)).body as PublishedContent & {
      digest: string;
    };
    const csv = (await api().get(`/organisations/${org}/reports/2025/csv`).set('Authorization', erik).expect(200)).text;
    const texts: Record<string, string[]> = {};
    for (const language of REPORT_LANGUAGES) {
      const l = REPORT_LABELS[language];
      for (const audience of REPORT_AUDIENCES) {
        const url = `${base}/2025/publications/1/pdf?language=${language}&audience=${audience}`;
        const first = await api()
          .get(url)
          .set('Authorization', await token('auditor-ada'))
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect(first.headers['content-type']).toBe('application/pdf');
        expect(first.headers['content-disposition']).toBe(`attachment; filename="${l.fileName(2025, 1, audience)}"`);
        const pdf = first.body as Buffer;
        expect(first.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(pdf).digest('base64')}:`);
        // Deterministic: the same bytes again, and the employer contact's latest publication is the same file.
        const again = await api().get(url).set('Authorization', carla).buffer(true).parse(binary).expect(200);
        expect((again.body as Buffer).equals(pdf)).toBe(true);
        const employer = await api()
          .get(`/organisations/${org}/reports/2025/pdf?language=${language}&audience=${audience}`)
          .set('Authorization', erik)
          .buffer(true)
          .parse(binary)
          .expect(200);
        expect((employer.body as Buffer).equals(pdf)).toBe(true);

        const reading = await readPdf(pdf);
        const lines = reading.lines;
        texts[`${language}/${audience}`] = lines;
        expect(reading.info).toMatchObject({
          Language: language === 'nl' ? 'nl-NL' : 'en-GB',
          CreationDate: `D:${report.publishedOn.replace(/-/g, '')}000000Z`,
        });
        expect(lines).toContain(l.title(2025));
        expect(lines).toContain(l.audience[audience]);
        expect(lines).toContain(language === 'nl' ? 'Meldingen per thema' : 'Cases by theme');
        // Every published cell next to its label, as in the JSON: the figure, or "< 5" where it is blank.
        const shown = (value: number | null) => (value === null ? '< 5' : String(value));
        const trend = ['total', 'by-quarter', 'last-year-total', 'last-year-by-quarter'];
        for (const table of report.tables.filter((t) => !trend.includes(t.id))) {
          for (const cell of table.cells) expect(lines).toContain(`${cellLabel(cell.key, l)} ${shown(cell.value)}`);
        }
        const value = (id: string) => report.tables.find((t) => t.id === id)!.cells;
        for (const q of [1, 2, 3, 4])
          expect(lines).toContain(
            `${l.quarter(q)} ${shown(value('last-year-by-quarter')[q - 1].value)} ${shown(value('by-quarter')[q - 1].value)}`,
          );
        expect(lines).toContain(`${l.total} ${shown(report.trend.lastYear)} ${shown(report.trend.thisYear)}`);
        expect(lines).toContain(`${l.cutOff}: ${report.factsVersion}`);
        expect(lines).toContain(`${l.digest}: ${report.digest}`);
        expect(lines.join('\n')).toContain(report.narrative.advice);
        // The figures known from the facts: 7 cases this year, blank with the small sites it would give away;
        // discrimination (1 case) is blank.
        expect(lines).toContain(`${l.total} < 5 < 5`);
        expect(lines).toContain(`${cellLabel('2025|theme=discrimination', l)} < 5`);
        expect(lines).toContain(`${l.activitiesMinutes} 2:00`);
        expect(lines).toContain(`${l.caseWorkMinutes} —`);
        for (const canary of CANARIES) expect(lines.join('\n')).not.toContain(canary);
      }
    }
    // Board and works council: other words around the same figures, blanks in the same places.
    const figures = (language: 'nl' | 'en', lines: string[]) => {
      const l = REPORT_LABELS[language];
      const body = lines.filter((line) => !line.startsWith(`${l.title(2025)} · `)); // the running footers
      return body.slice(body.indexOf(l.cases), body.indexOf(l.narrative));
    };
    for (const language of REPORT_LANGUAGES) {
      const board = figures(language, texts[`${language}/board`]);
      expect(board.length).toBeGreaterThan(40);
      expect(figures(language, texts[`${language}/works-council`])).toEqual(board);
    }
    expect(texts['nl/board']).not.toEqual(texts['nl/works-council']);
    expect(texts['nl/board'].join('\n')).toContain('Waarom sommige cijfers niet getoond worden');
    expect(texts['en/board'].join('\n')).toContain('Why some figures are not shown');
    expect(csv).toContain('by-theme,2025|theme=discrimination,< 5,primary');
  }, 120_000);

  it('lets anyone holding the published report verify its signature with the public key endpoint and Node crypto', async () => {
    const report = (
      await api()
        .get(`/organisations/${org}/reports/2025`)
        .set('Authorization', await token('employer-erik'))
        .expect(200)
    ).body as PublishedContent & { digest: string; signature: string };
    // No token: the key is public.
    const published = await api().get('/report-signing-keys').expect(200);
    expect(published.headers['cache-control']).toBe('public, max-age=300');
    const { keys, pem, signature: how } = published.body;
    expect(keys).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.stringMatching(/^[0-9a-f]{16}$/), alg: 'EdDSA', use: 'sig' },
    ]);
    expect(how).toMatchObject({ algorithm: 'Ed25519', encoding: 'base64' });
    // The worked verification of docs/services/reporting.md: the digest over the content without digest and
    // signature as RFC 8785 JSON, then the Ed25519 signature over the digest's 32 bytes, with the JWK or the PEM.
    const { digest, signature, ...content } = report;
    const recomputed = createHash('sha256').update(canonicalize(content)!).digest('hex');
    expect(recomputed).toBe(digest);
    const bytes = Buffer.from(digest, 'hex');
    expect(verify(null, bytes, createPublicKey({ key: keys[0], format: 'jwk' }), Buffer.from(signature, 'base64'))).toBe(true);
    expect(verify(null, bytes, createPublicKey(pem), Buffer.from(signature, 'base64'))).toBe(true);
    // A figure changed by one: another digest, which the signature does not verify.
    const tampered = structuredClone(content);
    tampered.trend.thisYear = (tampered.trend.thisYear ?? 0) + 1;
    const forged = createHash('sha256').update(canonicalize(tampered)!).digest();
    expect(verify(null, forged, createPublicKey(pem), Buffer.from(signature, 'base64'))).toBe(false);
  });

  it('refuses a PDF in an unknown language or for an unknown audience, naming the parameter, not the value', async () => {
    const bad = await api().get(`${base}/2025/publications/1/pdf?language=fr-EVIL&audience=board`).set('Authorization', carla).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'language' })]);
    expect(JSON.stringify(bad.body)).not.toContain('EVIL');
    const missing = await api()
      .get(`/organisations/${org}/reports/2025/pdf?language=nl`)
      .set('Authorization', await token('employer-erik'))
      .expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'audience' })]);
    await api().get(`${base}/2025/publications/9/pdf?language=nl&audience=board`).set('Authorization', carla).expect(404);
  });

  it('reproduces the published report from the events alone, also after a late event', async () => {
    await publishAs(service.platform.bus, CaseReopenedV1, caseIds[1], { caseId: caseIds[1], reopenedAt: new Date().toISOString() });
    await eventually(async () => expect((await facts()).facts).toHaveLength(21));
    const auditor = await token('auditor-ada');
    const reproduction = (await api().get(`${base}/2025/publications/1/reproduction`).set('Authorization', auditor).expect(200)).body;
    expect(reproduction).toMatchObject({ same: true, differences: [], factsAfterCutOff: 1 });
    expect(reproduction.reproducedDigest).toBe(reproduction.publishedDigest);
  });
});
