import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startDevIssuer, type DevIssuer } from '@vertrouwd/auth';
import { topicOf, ReportSubmittedV1 } from '@vertrouwd/contracts';
import { toMessage } from '@vertrouwd/messaging';
import { sealedCase } from './case-events.fixture';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { createTestDatabase, eventually, type TestDatabase, tablesContaining } from '@vertrouwd/testing';
import { CaseProgressListener } from '../src/infrastructure/case-progress.listener';
import { intake } from '../src/service';
import { translation, type FormLanguage } from '../src/i18n/translations';
import { ANNA, BRAM, publishDemoDirectory } from './directory.fixture';

// Intake over HTTP, in-process on the embedded default. The account and contact details carry a canary
// that must appear nowhere in clear: not on the bus, not in any table.
const CANARY = 'CANARY-Jansen-0612345678';
const base = { theme: 'bullying', relation: 'manager', anonymity: 'anonymous', language: 'nl', consentVersion: 'v1' };

describe('intake over HTTP', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const submit = (body: object, code = 'bakkerij-2026') => request(service.url).post(`/intake/${code}/reports`).send(body);

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('intake_e2e');
    service = await startService(
      { ...intake, logger: false },
      {
        DATABASE_URL: db.url,
        OIDC_ISSUER: issuer.issuer,
        REPORTER_TOKEN_SECRET: 'e2e-reporter-token-secret-of-32-chars-or-more',
        VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'intake-e2e-')),
        PORT: '0',
      },
    );
    await publishDemoDirectory(service);
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  it('serves the intake page in Dutch and English, and 404 for an unknown code', async () => {
    const nl = await request(service.url).get('/intake/bakkerij-2026?lang=nl').expect(200);
    expect(nl.body.organisation.name).toBe('Bakkerij De Korenaar');
    expect(nl.body.themes).toHaveLength(13);
    expect(nl.body.themes[1]).toMatchObject({ theme: 'bullying', label: 'Pesten' });
    // Matching's counsellors by name, the primary first: employees must be able to find their counsellor.
    expect(nl.body.counsellors).toEqual([
      {
        counsellorId: ANNA.counsellorId,
        name: 'Anna de Vries',
        introduction: ANNA.introduction,
        kind: 'external',
        kindLabel: 'Externe vertrouwenspersoon',
        gender: 'female',
        languages: ['nl', 'en'],
      },
      expect.objectContaining({ counsellorId: BRAM.counsellorId, name: 'Bram Jansen', gender: 'male', languages: ['nl'] }),
    ]);
    expect(nl.body.formLanguages).toEqual(['nl', 'en', 'pl', 'tr', 'ar']);
    const en = await request(service.url).get('/intake/bakkerij-2026?lang=en').expect(200);
    expect(en.body.themes[1].label).toBe('Bullying');
    const missing = await request(service.url).get('/intake/nobody-2026').expect(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });

  it('says everything a reporter needs before writing, in five languages, Arabic right to left', async () => {
    for (const lang of ['nl', 'en', 'pl', 'tr', 'ar']) {
      const { body } = await request(service.url).get(`/intake/bakkerij-2026?lang=${lang}`).expect(200);
      expect(body.language).toBe(lang);
      expect(body.direction).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      // Workload first, as out of scope with where to go; then the framing, the next steps with their deadlines,
      // two-way anonymity, the limits of confidentiality, external reporting, a label for every question, consent.
      expect(Object.keys(body).indexOf('outOfScope')).toBeLessThan(Object.keys(body).indexOf('framing'));
      expect(body.outOfScope.workload.whereToGo).toEqual(expect.any(String));
      // Before anything is sent, nothing can have been "not stored": that belongs to the answer to a workload report.
      expect(body.outOfScope.workload.whereToGo).not.toContain(translation(lang as FormLanguage).workload.notStored);
      expect(body.nextSteps.items).toHaveLength(4);
      expect(body.anonymousContact.text).toEqual(expect.any(String));
      expect(body.confidentiality.limits).toHaveLength(2);
      expect(body.externalReporting.where.join(' ')).toContain('Huis voor Klokkenluiders');
      expect(Object.keys(body.questions).sort()).toEqual(
        [
          'account',
          'advisorChoice',
          'advisorGender',
          'advisorKind',
          'anonymity',
          'consent',
          'contactChannel',
          'email',
          'identityName',
          'language',
          'phone',
          'relation',
          'theme',
        ].sort(),
      );
      expect(body.consent).toMatchObject({ version: 'v1', title: expect.any(String), paragraphs: expect.any(Array) });
    }
  });

  it('refuses a language it does not offer instead of answering in Dutch, and serves consent texts by version', async () => {
    const refused = await request(service.url).get('/intake/bakkerij-2026?lang=de').expect(400);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'lang', rule: 'isIn' })]);
    expect(refused.text).not.toContain('"de"');
    await request(service.url).get('/intake/bakkerij-2026?lang=NL').expect(400);
    expect((await request(service.url).get('/intake/bakkerij-2026').expect(200)).body.language).toBe('nl');

    const ar = await request(service.url).get('/intake/consent-texts/v1?lang=ar').expect(200);
    expect(ar.body).toMatchObject({ version: 'v1', language: 'ar', direction: 'rtl' });
    await request(service.url).get('/intake/consent-texts/v9').expect(404);
    await request(service.url).get('/intake/consent-texts/v1?lang=xx').expect(400);

    // A report accepts only a consent text that exists; nothing is stored for one that does not.
    const report = { ...base, account: 'Someone shouts at me.', contact: { channel: 'platform' } };
    const wrong = await submit({ ...report, consentVersion: 'v9' }).expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'consentVersion' })]);
    expect(wrong.text).not.toContain('v9');
    await submit({ ...report, language: 'ar' }).expect(201);
  });

  it('takes an anonymous report: receipt, passphrase, a proof that verifies, the canary sealed everywhere', async () => {
    const seen: string[] = [];
    const consumer = service.platform.bus.consume({
      group: 'e2e-observer',
      topics: [topicOf(ReportSubmittedV1)],
      handle: async (m) => void seen.push(m.value),
    });
    const { body } = await submit({
      ...base,
      account: `${CANARY} shouted at me`,
      contact: { channel: 'email', email: 'canary-jansen@example.nl' },
    }).expect(201);
    expect(body.receiptCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(body.passphrase).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);

    const valid = await request(service.url).post('/intake/proofs/verification').send({ proof: body.proof }).expect(200);
    expect(valid.body).toEqual({ valid: true });
    const tampered = { ...body.proof, submittedAt: '2020-01-01T00:00:00.000Z' };
    expect((await request(service.url).post('/intake/proofs/verification').send({ proof: tampered }).expect(200)).body).toEqual({
      valid: false,
    });
    expect((await request(service.url).get('/intake/proof-key').expect(200)).body).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      kid: body.proof.keyId,
    });

    await eventually(() => expect(seen.some((v) => v.includes(body.caseId))).toBe(true));
    await consumer.stop();
    const event = JSON.parse(seen.find((v) => v.includes(body.caseId))!);
    expect(event.payload).toMatchObject({
      caseId: body.caseId,
      theme: 'bullying',
      sealedAccount: expect.stringMatching(/^sealed:v1:/),
      sealedContact: expect.stringMatching(/^sealed:v1:/),
    });
    expect(seen.join()).not.toContain('CANARY');
    expect(seen.join()).not.toContain('canary-jansen');
    expect(await tablesContaining(db.url, 'CANARY')).toEqual([]);
    expect(await tablesContaining(db.url, 'canary-jansen')).toEqual([]);
    expect(await tablesContaining(db.url, body.receiptCode.replace(/-/g, ''))).toEqual([]);
    expect(await tablesContaining(db.url, 'bullying')).toEqual(expect.arrayContaining(['es_events'])); // the scan can fail
  });

  it('lets the reporter back in with receipt and passphrase, throttles failures, and scopes the token to the case', async () => {
    const first = (await submit({ ...base, account: 'first', contact: { channel: 'platform' } }).expect(201)).body;
    const second = (await submit({ ...base, account: 'second', contact: { channel: 'platform' } }).expect(201)).body;
    const followUp = (receiptCode: string, passphrase: string) =>
      request(service.url).post('/intake/follow-up').send({ receiptCode, passphrase });

    const wrong = await followUp(first.receiptCode, second.passphrase).expect(401);
    const unknown = await followUp('0000-0000-0000-0000-0000', second.passphrase).expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    for (let i = 0; i < 4; i += 1) await followUp(first.receiptCode, second.passphrase).expect(401);
    const limited = await followUp(first.receiptCode, first.passphrase).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const opened = await followUp(second.receiptCode.toLowerCase().replace(/-/g, ' '), second.passphrase).expect(200);
    expect(opened.body).toMatchObject({ caseId: second.caseId, expiresIn: 900 });
    const auth = `Bearer ${opened.body.token}`;
    const status = await request(service.url).get(`/intake/cases/${second.caseId}/status`).set('Authorization', auth).expect(200);
    expect(status.body).toMatchObject({ status: 'received', dates: { received: expect.any(String), acknowledged: null } });

    await request(service.url)
      .post(`/intake/cases/${second.caseId}/messages`)
      .set('Authorization', auth)
      .send({ body: 'a question' })
      .expect(201);
    const thread = await request(service.url).get(`/intake/cases/${second.caseId}/messages`).set('Authorization', auth).expect(200);
    expect(thread.body.messages).toEqual([expect.objectContaining({ from: 'reporter', body: 'a question' })]);

    await request(service.url).get(`/intake/cases/${first.caseId}/status`).set('Authorization', auth).expect(403);
    await request(service.url).get(`/intake/cases/${second.caseId}/status`).expect(401);

    await request(service.url).post(`/intake/cases/${second.caseId}/withdrawal`).set('Authorization', auth).expect(204);
    await request(service.url)
      .post(`/intake/cases/${second.caseId}/messages`)
      .set('Authorization', auth)
      .send({ body: 'again' })
      .expect(422);
  });

  it("shows the case's progress, the advisor's replies and summaries from case events, and takes an approval", async () => {
    const report = (await submit({ ...base, account: 'third', contact: { channel: 'platform' } }).expect(201)).body;
    const login = { receiptCode: report.receiptCode, passphrase: report.passphrase };
    const auth = `Bearer ${(await request(service.url).post('/intake/follow-up').send(login).expect(200)).body.token}`;
    const { publish, summaryId } = await sealedCase(service.platform.privacy.sealer, report.caseId);
    await service.platform.bus.publish(publish.map(toMessage));
    await eventually(async () => {
      await service.app.get(CaseProgressListener).caughtUp();
      const status = await request(service.url).get(`/intake/cases/${report.caseId}/status`).set('Authorization', auth).expect(200);
      expect(status.body.status).toBe('in-progress');
    });
    const thread = await request(service.url).get(`/intake/cases/${report.caseId}/messages`).set('Authorization', auth).expect(200);
    expect(thread.body.messages).toEqual([expect.objectContaining({ from: 'advisor', body: 'Thank you for reporting.' })]);
    const summaries = await request(service.url).get(`/intake/cases/${report.caseId}/summaries`).set('Authorization', auth).expect(200);
    expect(summaries.body.summaries).toEqual([expect.objectContaining({ summaryId, answer: null, text: 'We talked on Monday.' })]);
    await request(service.url)
      .post(`/intake/cases/${report.caseId}/summaries/${summaryId}/approval`)
      .set('Authorization', auth)
      .expect(204);
    await request(service.url)
      .post(`/intake/cases/${report.caseId}/summaries/${summaryId}/correction`)
      .set('Authorization', auth)
      .send({ correction: 'No' })
      .expect(422);
  });

  it("shows a reporter no other case's replies or summaries moved into their case's events", async () => {
    const report = (await submit({ ...base, account: 'fourth', contact: { channel: 'platform' } }).expect(201)).body;
    const login = { receiptCode: report.receiptCode, passphrase: report.passphrase };
    const auth = `Bearer ${(await request(service.url).post('/intake/follow-up').send(login).expect(200)).body.token}`;
    const other = (await submit({ ...base, account: 'fifth', contact: { channel: 'platform' } }).expect(201)).body.caseId as string;
    // Case events for this case, but every sealed text sealed under the other case's key (a forged or misrouted message).
    const { publish: ofOther } = await sealedCase(service.platform.privacy.sealer, other);
    const moved = ofOther.map((e) => ({ ...e, key: report.caseId, payload: { ...(e.payload as object), caseId: report.caseId } }));
    await service.platform.bus.publish(moved.map(toMessage));
    await eventually(async () => {
      await service.app.get(CaseProgressListener).caughtUp();
      const thread = await request(service.url).get(`/intake/cases/${report.caseId}/messages`).set('Authorization', auth).expect(200);
      expect(thread.body.messages).toEqual([expect.objectContaining({ from: 'advisor', body: { refused: true } })]);
    });
    const summaries = await request(service.url).get(`/intake/cases/${report.caseId}/summaries`).set('Authorization', auth).expect(200);
    expect(summaries.body.summaries).toEqual([expect.objectContaining({ text: { refused: true } })]);
    expect(JSON.stringify(summaries.body)).not.toContain('We talked on Monday.');
  });

  it('answers workload as out of scope and stores nothing', async () => {
    const before = await service.platform.store.headPosition();
    const { body } = await submit({ ...base, theme: 'workload', account: CANARY, contact: { channel: 'platform' } }).expect(200);
    expect(body).toEqual({
      outOfScope: true,
      whereToGo: { title: expect.any(String), whereToGo: expect.stringContaining('bedrijfsarts') },
    });
    expect(body.whereToGo.whereToGo).toMatch(/Je melding is niet opgeslagen\.$/);
    expect(await service.platform.store.headPosition()).toBe(before);
  });

  it('answers bad input with a problem naming field and rule, quoting nothing', async () => {
    const bad = await submit({ ...base, theme: 'gossip', account: CANARY, contact: { channel: 'email' }, extra: 1 }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = (bad.body.errors as { field: string; rule: string }[]).map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['theme:isIn', 'contact.email:isEmail', '(unnamed):unknownField']));
    expect(JSON.stringify(bad.body)).not.toContain('CANARY');
    await submit({ ...base, account: 'x'.repeat(70_000), contact: { channel: 'platform' } }).expect(413);
    await request(service.url).post('/intake/bakkerij-2026/reports').set('Content-Type', 'text/plain').send('hello').expect(415);
    await request(service.url).post('/intake/follow-up').set('Content-Type', 'application/json').send('{"receiptCode":').expect(400);
  });
});
