import { amsterdamToday } from '@vertrouwd/domain';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS, startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createLogger, InMemorySpanExporter, NestPinoLogger, SpanKind, startTelemetry, type Telemetry } from '@vertrouwd/telemetry';
import { startSmtpCatcher, type CaughtMessage, type SmtpCatcher } from '@vertrouwd/notifications';
import { createTestDatabase, eventually, readPdf, type TestDatabase, tablesContaining } from '@vertrouwd/testing';
import { systemContext } from '@vertrouwd/service-kit';
import { caseService } from '../../services/case/src/service';
import { intake } from '../../services/intake/src/service';
import { FactsJournal } from '../../services/reporting/src/application/reporting.repositories';
import { ReportsService } from '../../services/reporting/src/application/reports/reports.service';
import { reportingService } from '../../services/reporting/src/service';
import { publishDemoDirectory } from './directory.fixture';

// The reporter's path and the counsellor's case, end to end over HTTP on the embedded default: an anonymous
// report → receipt → case opened → assigned → acknowledged → a conversation whose summary the reporter corrects
// through the receipt, the advisor revises and the reporter approves (version 2) → a referral with the reporter's
// own consent → hours → closed → the auditor's replay → erasure → the replay
// again. A canary planted in every personal field appears afterwards nowhere but as ciphertext: not in any table
// of any database (events, bus, read models, key vault), logs, traces, error bodies or audit output. Reporting runs
// beside them and journals the case from case's events: the canary is in none of its answers either (the annual
// report as JSON, CSV and its four PDFs, the draft, the reproduction, the compliance view, the benchmarks).
//
// It is also the proof of the platform's bus path between two services: the report leaves intake through the
// outbox in its events, crosses the Postgres bus, and case's consumer opens the case from it, all in the one
// trace the reporter's HTTP request started.
const CANARY = 'CANARY-Jansen-0612345678';

/** supertest's parser for any body: the bytes as they came (a PDF's, or JSON's and CSV's as UTF-8 text). */
function bytes(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Everything a PDF holds that a reader could read: the text pdf.js extracts, metadata, attachments, and the raw bytes. */
async function pdfTexts(pdf: Buffer): Promise<string[]> {
  const reading = await readPdf(pdf);
  const attached = reading.attachments.map((a) => `${a.filename}\n${a.description ?? ''}\n${a.content.toString('utf8')}`);
  return [reading.lines.join('\n'), JSON.stringify(reading.info), reading.xmp ?? '', ...attached, pdf.toString('latin1')];
}

describe('a report, from the intake page to erasure, across intake, case and reporting', () => {
  const exporter = new InMemorySpanExporter();
  const logLines: string[] = [];
  const errorBodies: string[] = [];
  let telemetry: Telemetry;
  let catcher: SmtpCatcher;
  let issuer: DevIssuer;
  let dbs: Record<'intake' | 'case' | 'reporting' | 'bus' | 'vault', TestDatabase>;
  let intakeService: RunningService;
  let cases: RunningService;
  let reporting: RunningService;
  const token = async (user: string) => `Bearer ${await issuer.mintToken(user)}`;
  const anna = DEMO_ADVISORS['advisor-anna'];

  beforeAll(async () => {
    telemetry = startTelemetry({ serviceName: 'e2e-report-path', exporter });
    issuer = await startDevIssuer({ port: 0 });
    catcher = await startSmtpCatcher(); // a real SMTP exchange: the services mail it, the test reads its mailbox
    const [i, c, r, b, v] = await Promise.all(
      ['intake', 'case', 'reporting', 'bus', 'vault'].map((label) => createTestDatabase(`path_${label}`)),
    );
    dbs = { intake: i, case: c, reporting: r, bus: b, vault: v };
    const capture = new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) });
    const logger = (name: string) => new NestPinoLogger(createLogger({ serviceName: name, level: 'debug', destination: capture }));
    const common = {
      OIDC_ISSUER: issuer.issuer,
      BUS_DATABASE_URL: b.url,
      PRIVACY_DATABASE_URL: v.url,
      PORT: '0',
      SMTP_URL: catcher.smtpUrl,
      REPORTER_TOKEN_SECRET: 'e2e-report-path-secret-of-at-least-32-chars',
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'path-e2e-')),
    };
    intakeService = await startService({ ...intake, logger: logger('intake') }, { ...common, DATABASE_URL: i.url });
    cases = await startService({ ...caseService, logger: logger('case') }, { ...common, DATABASE_URL: c.url });
    reporting = await startService({ ...reportingService, logger: logger('reporting') }, { ...common, DATABASE_URL: r.url });
    await publishDemoDirectory(intakeService, cases);
  }, 180_000);
  afterAll(async () => {
    await intakeService?.close();
    await cases?.close();
    await reporting?.close();
    await issuer?.stop();
    await catcher?.stop();
    await Promise.all(Object.values(dbs ?? {}).map((db) => db.drop()));
    await telemetry?.shutdown();
  });

  /** Every answer goes through here, so error bodies can be checked for the canary afterwards. */
  const keep = (response: request.Response) => {
    if (response.status >= 400) errorBodies.push(response.text);
    return response;
  };

  it('runs the whole path, and the canary is nowhere but sealed', async () => {
    // The reporter files an anonymous report; personal fields carry the canary.
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const filed = keep(
      await request(intakeService.url)
        .post('/intake/bakkerij-2026/reports')
        .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
        .send({
          theme: 'bullying',
          relation: 'manager',
          anonymity: 'anonymous',
          language: 'nl',
          consentVersion: 'v1',
          account: `${CANARY} keeps shouting at me`,
          contact: { channel: 'email', email: 'canary-jansen@example.nl' },
        }),
    );
    expect(filed.status).toBe(201);
    const { caseId, receiptCode, passphrase } = filed.body as { caseId: string; receiptCode: string; passphrase: string };
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    // The case opens from intake's integration event (outbox → bus → case's consumer), in the request's trace;
    // the coordinator sees it waiting and assigns Anna.
    const carla = await token('coordinator-carla');
    await eventually(
      async () => {
        const { body } = await request(cases.url)
          .get(`/agencies/${DEMO_AGENCY_ID}/cases?status=waiting-for-assignment`)
          .set('Authorization', carla)
          .expect(200);
        expect(body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
      },
      { timeoutMs: 20_000 },
    );
    const [opened] = await cases.platform.store.readStream(`case-${caseId}`);
    expect(opened.type).toBe('CaseOpened');
    expect(opened.metadata.traceparent).toContain(traceId);
    await eventually(async () => {
      await telemetry.forceFlush();
      const trace = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      expect(trace.find((s) => s.kind === SpanKind.SERVER)?.name).toMatch(/^HTTP POST \/intake\//);
      expect(trace.find((s) => s.kind === SpanKind.CONSUMER)?.name).toBe('consume intake.report-submitted.v1');
    });
    expect(
      keep(
        await request(cases.url)
          .post(`/agencies/${DEMO_AGENCY_ID}/cases/${caseId}/assignment`)
          .set('Authorization', carla)
          .send({ advisorId: anna }),
      ).status,
    ).toBeLessThan(300);

    // An advisor id assigned by mistake gives someone of another agency nothing: the case does not exist for them.
    const stranger = { advisor_id: anna, agency_id: randomUUID(), realm_access: { roles: ['advisor'] } };
    const elsewhere = `Bearer ${await issuer.mintToken(stranger)}`;
    keep(await request(cases.url).get(`/cases/${caseId}`).set('Authorization', elsewhere).expect(404));
    keep(await request(cases.url).post(`/cases/${caseId}/acknowledgement`).set('Authorization', elsewhere).expect(404));

    // Anna acknowledges and records a conversation, sharing its summary with the reporter.
    const advisor = await token('advisor-anna');
    const post = async (path: string, body: object = {}) =>
      keep(await request(cases.url).post(`/cases/${caseId}/${path}`).set('Authorization', advisor).send(body));
    expect((await post('acknowledgement')).status).toBe(204);
    const today = amsterdamToday();
    const conversation = await post('conversations', {
      heldOn: today,
      minutes: 50,
      mode: 'in-person',
      summary: `${CANARY} told me about the shouting`,
    });
    expect(conversation.status).toBe(201);
    expect((await post(`summaries/${conversation.body.summaryId}/share`)).status).toBe(204);
    expect((await post('advice', { text: `${CANARY} should talk to the manager` })).status).toBe(201);
    expect((await post('messages', { text: `${CANARY}, shall we meet on Tuesday?` })).status).toBe(201);

    // The reporter comes back with receipt and passphrase, reads the summary and corrects it; Anna revises it, and
    // the reporter approves the second version (Art. 18: check, correct, agree).
    const session = keep(
      await request(intakeService.url).post('/intake/follow-up').set('Idempotency-Key', 'follow-up-1').send({ receiptCode, passphrase }),
    );
    const reporter = `Bearer ${session.body.token}`;
    expect(await tablesContaining(dbs.intake.url, session.body.token)).toEqual([]); // a live token is never stored
    await eventually(
      async () => {
        const { body } = await request(intakeService.url)
          .get(`/intake/cases/${caseId}/summaries`)
          .set('Authorization', reporter)
          .expect(200);
        expect(JSON.stringify(body)).toContain(CANARY);
      },
      { timeoutMs: 20_000 },
    );
    const summaryUrl = `/intake/cases/${caseId}/summaries/${conversation.body.summaryId}`;
    expect(
      keep(
        await request(intakeService.url)
          .post(`${summaryUrl}/correction`)
          .set('Authorization', reporter)
          .send({ correction: `${CANARY} it was Tuesday`, version: 1 }),
      ).status,
    ).toBe(204);
    await eventually(
      async () => expect((await cases.platform.store.readStream(`case-${caseId}`)).map((e) => e.type)).toContain('SummaryCorrected'),
      { timeoutMs: 20_000 },
    );
    expect((await post(`summaries/${conversation.body.summaryId}/versions`, { summary: `${CANARY} told me about Tuesday` })).status).toBe(
      204,
    );
    await eventually(
      async () => {
        const { body } = await request(intakeService.url)
          .get(`/intake/cases/${caseId}/summaries`)
          .set('Authorization', reporter)
          .expect(200);
        expect(body.summaries[0].version).toBe(2);
      },
      { timeoutMs: 20_000 },
    );
    expect(
      keep(await request(intakeService.url).post(`${summaryUrl}/approval`).set('Authorization', reporter).send({ version: 1 })).status,
    ).toBe(409);
    expect(
      keep(await request(intakeService.url).post(`${summaryUrl}/approval`).set('Authorization', reporter).send({ version: 2 })).status,
    ).toBe(204);
    await eventually(
      async () => expect((await cases.platform.store.readStream(`case-${caseId}`)).map((e) => e.type)).toContain('SummaryApproved'),
      { timeoutMs: 20_000 },
    );
    const approved = await request(intakeService.url).get(`/intake/cases/${caseId}/summaries`).set('Authorization', reporter).expect(200);
    expect(approved.body.summaries[0]).toMatchObject({ approvedVersion: 2, versions: [{ answer: 'corrected' }, { answer: 'approved' }] });
    keep(
      await request(intakeService.url)
        .post(`/intake/cases/${caseId}/messages`)
        .set('Authorization', reporter)
        .send({ body: `${CANARY} thanks you` }),
    );
    // The message reaches the case over the bus; a command racing it would get a 409 (a concurrent change).
    await eventually(
      async () => expect((await cases.platform.store.readStream(`case-${caseId}`)).map((e) => e.type)).toContain('ReporterMessageReceived'),
      { timeoutMs: 20_000 },
    );

    // Referral with the reporter's own consent (through their receipt, to this one target), hours, closure.
    expect((await post('referrals', { referralType: 'company-doctor' })).status).toBe(422);
    const consent = keep(
      await request(intakeService.url)
        .post(`/intake/cases/${caseId}/consents`)
        .set('Authorization', reporter)
        .send({ scope: 'referral', referralType: 'company-doctor' }),
    );
    expect(consent.status).toBe(201);
    await eventually(
      async () => expect((await cases.platform.store.readStream(`case-${caseId}`)).map((e) => e.type)).toContain('ConsentGiven'),
      { timeoutMs: 20_000 },
    );
    expect((await post('referrals', { referralType: 'police' })).status).toBe(422);
    expect((await post('referrals', { referralType: 'company-doctor' })).status).toBe(201);
    expect((await post('hours', { workedOn: today, minutes: 90, activity: 'conversation' })).status).toBe(204);
    expect((await post('closure', { outcome: 'referred', feedback: 'We referred you to the company doctor, as agreed.' })).status).toBe(
      204,
    );

    // The reporter reads the feedback in their thread, and got content-free mails only: "there is news, log in".
    await eventually(
      async () => {
        const { body } = await request(intakeService.url)
          .get(`/intake/cases/${caseId}/messages`)
          .set('Authorization', reporter)
          .expect(200);
        expect(body.messages).toContainEqual(
          expect.objectContaining({ from: 'advisor', kind: 'feedback', body: 'We referred you to the company doctor, as agreed.' }),
        );
      },
      { timeoutMs: 20_000 },
    );
    const mailbox = async (): Promise<CaughtMessage[]> =>
      (await (
        await fetch(`${catcher.mailboxUrl}/messages?to=${encodeURIComponent('canary-jansen@example.nl')}`)
      ).json()) as CaughtMessage[];
    await eventually(async () => expect((await mailbox()).length).toBeGreaterThanOrEqual(3), { timeoutMs: 20_000 });
    for (const mail of await mailbox()) {
      expect(mail).toMatchObject({ kind: 'case-news', language: 'nl' });
      for (const secret of [CANARY, caseId, receiptCode, passphrase, 'bullying', 'Pesten', 'company doctor', 'bedrijfsarts', 'referred']) {
        expect(`${mail.subject}\n${mail.text}\n${mail.html}`).not.toContain(secret);
      }
    }

    // Reporting journals the case from case's events (content-free facts) and the bakery from the directory.
    const bakery = DEMO_ORGANISATIONS['org-bakkerij'];
    await eventually(
      async () =>
        expect((await reporting.app.get(FactsJournal).read(bakery)).facts.map((f) => f.type)).toEqual(
          expect.arrayContaining([
            'OrganisationRecorded',
            'CaseReported',
            'CaseAcknowledged',
            'ReferralMade',
            'CaseWorkLogged',
            'CaseClosed',
          ]),
        ),
      { timeoutMs: 20_000 },
    );
    const year = Number(today.slice(0, 4));
    const reportsOf = `/agencies/${DEMO_AGENCY_ID}/organisations/${bakery}/reports/${year}`;
    const reported: string[] = [];
    const read = async (url: string, as: string) => {
      const response = keep(await request(reporting.url).get(url).set('Authorization', as).buffer(true).parse(bytes));
      expect([url, response.status]).toEqual([url, 200]);
      const body = response.body as Buffer;
      if (response.headers['content-type']?.startsWith('application/pdf')) reported.push(...(await pdfTexts(body)));
      else reported.push(body.toString('utf8'));
      return body;
    };
    keep(
      await request(reporting.url)
        .put(`${reportsOf}/narrative`)
        .set('Authorization', carla)
        .send({ signals: 'Signals for the board', advice: 'Advice for the works council' }),
    );
    expect(JSON.parse((await read(`${reportsOf}/draft`, carla)).toString()).tables.length).toBeGreaterThan(0);
    // This year is not over, so the API refuses to publish it (422); the year's report is published as it would be
    // in January, through the service the endpoint calls, and everything below is read over HTTP.
    expect(keep(await request(reporting.url).post(`${reportsOf}/publications`).set('Authorization', carla)).status).toBe(422);
    const published = await reporting.app
      .get(ReportsService)
      .publish(DEMO_AGENCY_ID, bakery, year, `${year + 1}-01-15`, systemContext('system:report-path', randomUUID()));
    const erik = await token('employer-erik');
    const auditor = await token('auditor-ada');
    await read(`${reportsOf}/publications/${published.publication}`, carla);
    const reproduction = await read(`${reportsOf}/publications/${published.publication}/reproduction`, auditor);
    expect(JSON.parse(reproduction.toString()).same).toBe(true);
    for (const language of ['nl', 'en'])
      for (const audience of ['board', 'works-council'])
        await read(`${reportsOf}/publications/${published.publication}/pdf?language=${language}&audience=${audience}`, carla);
    await read(`/organisations/${bakery}/reports`, erik);
    await read(`/organisations/${bakery}/reports/${year}`, erik);
    await read(`/organisations/${bakery}/reports/${year}/csv`, erik);
    await read(`/organisations/${bakery}/reports/${year}/pdf?language=nl&audience=works-council`, erik);
    await read(`/agencies/${DEMO_AGENCY_ID}/organisations/${bakery}/compliance/${year}`, carla);
    await read(`/organisations/${bakery}/compliance/${year}`, erik);
    await read(`/agencies/${DEMO_AGENCY_ID}/benchmarks/${year}`, auditor);
    await read(`/organisations/${bakery}/benchmarks/${year}`, erik);
    expect(reported.length).toBeGreaterThan(20);
    expect(reported.join('\n')).toContain('Advice for the works council'); // the scan reads what the answers hold
    for (const secret of [CANARY, 'canary-jansen', caseId, receiptCode, passphrase, anna])
      expect(reported.filter((text) => text.includes(secret))).toEqual([]);

    // The auditor's list of the agency's cases with their clocks, deadline compliance and the access log: pseudonyms
    // and metadata, never the canary.
    const audit = `/audits/${randomUUID()}/agencies/${DEMO_AGENCY_ID}`;
    const auditLists = [];
    for (const path of ['cases', 'deadlines/compliance', 'access-log'])
      auditLists.push(keep(await request(cases.url).get(`${audit}/${path}`).set('Authorization', auditor).expect(200)).text);
    expect(auditLists[0]).toContain(caseId); // the list names the agency's cases, the closed one too
    expect(auditLists.filter((text) => text.includes(CANARY) || text.includes('canary-jansen'))).toEqual([]);

    // The auditor replays: pseudonyms, the chain verified, clocks met, nothing in clear.
    const replay = await request(cases.url).get(`/audits/${randomUUID()}/cases/${caseId}/replay`).set('Authorization', auditor).expect(200);
    expect(replay.body.chain.case.valid).toBe(true);
    expect(replay.body.clocks.acknowledgement.state).toBe('met');
    expect(replay.body.clocks.feedback.state).toBe('met');
    expect(replay.body.timeline.find((e: { type: string }) => e.type === 'CaseAcknowledged').actor).toMatch(/^actor-/);
    expect(replay.body.timeline.find((e: { type: string }) => e.type === 'CaseOpened').data.sealedAccount).toBe('sealed');

    // Erasure on request: the keys go; the history stays replayable, what was sealed reads as erased.
    expect(
      keep(
        await request(cases.url)
          .post(`/cases/${caseId}/erasure`)
          .set('Authorization', await token('admin-adam')),
      ).status,
    ).toBeLessThan(300);
    const after = await request(cases.url).get(`/audits/${randomUUID()}/cases/${caseId}/replay`).set('Authorization', auditor).expect(200);
    expect(after.body.chain.case.valid).toBe(true);
    expect(after.body.timeline.find((e: { type: string }) => e.type === 'CaseOpened').data.sealedAccount).toBe('erased');
    // Erasure reaches intake: the receipt opens nothing any more, and intake keeps nothing of the case.
    await eventually(
      async () => {
        await request(intakeService.url).post('/intake/follow-up').send({ receiptCode, passphrase }).expect(401);
      },
      { timeoutMs: 20_000 },
    );
    expect(await tablesContaining(dbs.intake.url, caseId)).toEqual(
      expect.not.arrayContaining(['receipts', 'report_status', 'advisor_messages', 'shared_summaries']),
    );

    // The canary: in no table of any database, no log line, no span, no error body, no audit output.
    for (const db of Object.values(dbs)) expect(await tablesContaining(db.url, CANARY)).toEqual([]);
    for (const db of Object.values(dbs)) expect(await tablesContaining(db.url, 'canary-jansen')).toEqual([]); // the address too
    expect(await tablesContaining(dbs.case.url, 'company-doctor')).toContain('es_events'); // the scan finds what is in clear
    expect(logLines.filter((line) => line.includes(CANARY) || line.includes('canary-jansen'))).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    await telemetry.forceFlush();
    const spans = JSON.stringify(
      exporter.getFinishedSpans().map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status })),
    );
    expect(spans).not.toContain(CANARY);
    expect(spans).toContain('consume intake.report-submitted.v1');
    expect(errorBodies.length).toBeGreaterThan(0);
    expect(errorBodies.filter((body) => body.includes(CANARY))).toEqual([]);
    expect(JSON.stringify([replay.body, after.body])).not.toContain(CANARY);
    expect(JSON.stringify([replay.body, after.body])).not.toContain(anna);
  }, 300_000);
});
