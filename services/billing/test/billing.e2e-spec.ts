import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  DEMO_AGENCY_2_ID,
  DEMO_AGENCY_2_ORGANISATIONS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
  startDevIssuer,
  type DevIssuer,
} from '@vertrouwd/auth';
import { startService, type RunningService } from '@vertrouwd/runtime';
import { ReadModels } from '@vertrouwd/service-kit';
import {
  createTestDatabase,
  eventually,
  expectUuidRefused,
  tablesContaining,
  validateEInvoice,
  type TestDatabase,
} from '@vertrouwd/testing';
import { billingService } from '../src/service';
import { factsArrived, publishActivity, publishHours, publishOrganisation } from './billing.fixture';

// Billing as a coordinator and an employer contact use it, end to end over HTTP with a real PostgreSQL and bus:
// a price list, subscriptions for a 12-person and a 300-person organisation, cases with hours and activities, an
// invoice run, the small client's invoice equal to the no-case world's, a credit note, downloads that validate.

const SUPPLIER = {
  name: 'Vertrouwd Demo Bureau B.V.',
  street: 'Oudegracht 1',
  postcode: '3511 AA',
  city: 'Utrecht',
  country: 'NL',
  kvk: '12345678',
  vatId: 'NL123456789B01',
  iban: 'NL91ABNA0417164300',
};
const PRICE_LIST = {
  effectiveFrom: '2026-01-01',
  period: 'quarter',
  hourlyRateCents: 12_500,
  vatRatePercent: '21',
  bands: [
    { minHeadcount: 1, plan: 'collective', yearlyFeeCents: 45_000, includedHoursPerYear: 0 },
    { minHeadcount: 25, plan: 'custom', yearlyFeeCents: 120_000, includedHoursPerYear: 8 },
    { minHeadcount: 50, plan: 'custom', yearlyFeeCents: 180_000, includedHoursPerYear: 12 },
    { minHeadcount: 100, plan: 'custom', yearlyFeeCents: 300_000, includedHoursPerYear: 20 },
    { minHeadcount: 250, plan: 'custom', yearlyFeeCents: 480_000, includedHoursPerYear: 32 },
    { minHeadcount: 500, plan: 'custom', yearlyFeeCents: 720_000, includedHoursPerYear: 48 },
  ],
};
const address = (name: string) => ({ name, street: 'Dorpsstraat 4', postcode: '6711 AB', city: 'Ede', country: 'NL' });
const CANARY_CASE = '7f3c2a10-0000-4000-8000-00000000c0de';

describe('billing over HTTP', () => {
  let issuer: DevIssuer;
  let db: TestDatabase;
  let service: RunningService;
  const token = (user: string) => issuer.mintToken(user).then((t) => `Bearer ${t}`);
  const api = () => request(service.url);
  const base = `/agencies/${DEMO_AGENCY_ID}/billing`;
  const small = DEMO_ORGANISATIONS['org-bakkerij']; // employer-erik's organisation: 12 people, three cases
  const twin = randomUUID(); // 12 people, the same activities, no case: the no-case world
  const large = randomUUID(); // 300 people, six cases
  const otherAgencyOrg = DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'];
  let carla: string;

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0 });
    db = await createTestDatabase('billing');
    const env = {
      DATABASE_URL: db.url,
      OIDC_ISSUER: issuer.issuer,
      VERTROUWD_DATA_DIR: mkdtempSync(join(tmpdir(), 'billing-')),
      PORT: '0',
    };
    service = await startService({ ...billingService, logger: false }, env);
    carla = await token('coordinator-carla');
    await publishOrganisation(service, { organisationId: small, agencyId: DEMO_AGENCY_ID, headcount: 12 });
    await publishOrganisation(service, { organisationId: twin, agencyId: DEMO_AGENCY_ID, headcount: 12 });
    await publishOrganisation(service, { organisationId: large, agencyId: DEMO_AGENCY_ID, headcount: 300, vatId: 'NL987654321B01' });
    await publishOrganisation(service, { organisationId: otherAgencyOrg, agencyId: DEMO_AGENCY_2_ID, headcount: 40 });
    let facts = 0;
    for (const org of [small, twin, large]) {
      for (const on of ['2026-02-10', '2026-05-12', '2026-08-20']) {
        await publishActivity(service, DEMO_AGENCY_ID, org, on, 180);
        facts += 1;
      }
    }
    for (const [n, on] of ['2026-07-02', '2026-08-14', '2026-09-01'].entries()) {
      await publishHours(service, small, n === 0 ? CANARY_CASE : randomUUID(), on, 240);
      facts += 1;
    }
    for (let n = 0; n < 6; n += 1) {
      await publishHours(service, large, randomUUID(), '2026-08-0' + (n + 1), 300);
      facts += 1;
    }
    await factsArrived(service, 4, facts);
  });
  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
    await db?.drop();
  });

  const caughtUp = () => service.app.get(ReadModels).caughtUp();

  it('is ready and describes its API', async () => {
    await api().get('/health/ready').expect(200);
    const openApi = await api().get('/openapi.json').expect(200);
    expect(Object.keys(openApi.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/agencies/{agencyId}/billing/account',
        '/agencies/{agencyId}/billing/price-lists',
        '/agencies/{agencyId}/billing/invoice-runs',
        '/agencies/{agencyId}/billing/invoices/{number}/credit-notes',
        '/organisations/{organisationId}/billing/invoices/{number}/pdf',
      ]),
    );
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const bad = await api()
      .put(`${base}/account`)
      .set('Authorization', carla)
      .send({ supplier: { ...SUPPLIER, name: 'A\u0001B', iban: 42 }, paymentTermDays: '30', k: 3 })
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = [...new Set((bad.body.errors as { field: string }[]).map((e) => e.field))].sort();
    expect(fields).toEqual(['k', 'paymentTermDays', 'supplier.iban', 'supplier.name']);
    expect(JSON.stringify(bad.body)).not.toContain('A\u0001B');
    // A NUL byte anywhere is refused by the HTTP kit before the body is read as a request.
    const nul = await api()
      .put(`${base}/account`)
      .set('Authorization', carla)
      .send({ supplier: { ...SUPPLIER, name: 'A\u0000B' }, paymentTermDays: 30 })
      .expect(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ rule: 'noNulCharacter' })]);
    // A required object left out is named, not a 500 (found by the outside attack).
    const noSupplier = await api().put(`${base}/account`).set('Authorization', carla).send({ paymentTermDays: 30 }).expect(400);
    expect(noSupplier.body.errors).toEqual([expect.objectContaining({ field: 'supplier', rule: 'isDefined' })]);
    const noAddress = await api()
      .put(`${base}/subscriptions/${randomUUID()}`)
      .set('Authorization', carla)
      .send({ startsOn: '2026-01-01', buyerReference: 'X', language: 'nl' })
      .expect(400);
    expect(noAddress.body.errors).toEqual([expect.objectContaining({ field: 'address', rule: 'isDefined' })]);
    await api().get(`${base}/account`).set('Authorization', carla).expect(404);
    await api().post(`${base}/price-lists`).set('Authorization', carla).send(PRICE_LIST).expect(404);
    await api().get(`${base}/invoices/not-a-number`).set('Authorization', carla).expect(400);
    await api().get(`${base}/bookkeeping.csv?year=20x6`).set('Authorization', carla).expect(400);
  });

  it('refuses an id in either position of a path, or in the query, that is not a UUID, naming that parameter and never the value', async () => {
    const ok = randomUUID();
    const subscription = { startsOn: '2026-01-01', address: address('X'), buyerReference: 'X', language: 'nl' };
    for (const bad of ['a'.repeat(36), 'nope-CANARY']) {
      // A tenant-scoped id reaches the pipe only when the token claims that very value: the guard refuses any other.
      const ofBad = `Bearer ${await issuer.mintToken({ agency_id: bad, realm_access: { roles: ['coordinator'] } })}`;
      const refusals: [call: request.Test, field: string][] = [
        [api().put(`/agencies/${bad}/billing/subscriptions/${ok}`).set('Authorization', ofBad).send(subscription), 'agencyId'],
        [api().put(`${base}/subscriptions/${bad}`).set('Authorization', carla).send(subscription), 'organisationId'],
        [api().get(`${base}/invoices?year=2026&organisationId=${bad}`).set('Authorization', carla), 'organisationId'],
      ];
      for (const [call, field] of refusals) {
        const res = await call;
        expectUuidRefused(res, field, bad);
      }
      await api().put(`/agencies/${bad}/billing/subscriptions/${ok}`).set('Authorization', carla).send(subscription).expect(403);
    }
  });

  it('keeps the account, a versioned price list and subscriptions', async () => {
    await api().put(`${base}/account`).set('Authorization', carla).send({ supplier: SUPPLIER, paymentTermDays: 30 }).expect(204);
    const published = await api().post(`${base}/price-lists`).set('Authorization', carla).send(PRICE_LIST).expect(201);
    expect(published.body).toEqual({ version: 1 });
    const backwards = await api().post(`${base}/price-lists`).set('Authorization', carla).send(PRICE_LIST).expect(422);
    expect(backwards.body.rule).toBe('EffectiveFromError');
    const account = await api().get(`${base}/account`).set('Authorization', carla).expect(200);
    expect(account.body).toMatchObject({ k: 5, paymentTermDays: 30, priceLists: [{ version: 1, period: 'quarter' }] });

    for (const [org, name] of [
      [small, 'Bakkerij De Korenbloem'],
      [twin, 'Bakkerij Het Volkoren'],
      [large, 'Transport Veluwe B.V.'],
    ] as const) {
      await api()
        .put(`${base}/subscriptions/${org}`)
        .set('Authorization', carla)
        .send({ startsOn: '2026-01-01', address: address(name), buyerReference: `VP-${name.slice(0, 4)}`, language: 'nl' })
        .expect(204);
    }
    const foreign = await api()
      .put(`${base}/subscriptions/${otherAgencyOrg}`)
      .set('Authorization', carla)
      .send({ startsOn: '2026-01-01', address: address('X'), buyerReference: 'X', language: 'nl' })
      .expect(422);
    expect(foreign.body.rule).toBe('OrganisationUnknownError');
    await caughtUp();
    const listed = await api().get(`${base}/subscriptions`).set('Authorization', carla).expect(200);
    expect(listed.body.subscriptions).toHaveLength(3);
  });

  it('refuses a save of the account based on an older read with 412 (If-Match); without If-Match the last write wins', async () => {
    const read = () => api().get(`${base}/account`).set('Authorization', carla).expect(200);
    const save = (paymentTermDays: number, ifMatch?: string) => {
      const put = api().put(`${base}/account`).set('Authorization', carla);
      return (ifMatch === undefined ? put : put.set('If-Match', ifMatch)).send({ supplier: SUPPLIER, paymentTermDays });
    };
    const loaded = await read();
    expect(loaded.headers.etag).toBe(`"${loaded.body.version as number}"`);

    await save(30, loaded.headers.etag).expect(204);
    const stale = await save(14, loaded.headers.etag).expect(412);
    expect(stale.body).toMatchObject({ type: 'https://vertrouwd.nl/problems/precondition-failed', status: 412 });
    const current = await read();
    expect(current.body).toMatchObject({ paymentTermDays: 30, version: (loaded.body.version as number) + 1 });
    expect(current.headers.etag).toBe(`"${current.body.version as number}"`);

    await save(30).expect(204);
    const malformed = await save(14, 'W/"1"').expect(400);
    expect(malformed.body.errors).toEqual([{ field: 'If-Match', rule: 'strongEntityTag', message: expect.any(String) }]);
    expect((await read()).body).toMatchObject({ paymentTermDays: 30, version: (loaded.body.version as number) + 2 });
  });

  it("refuses a change of a subscription's terms based on an older read with 412 (If-Match)", async () => {
    await caughtUp();
    const listed = async () => {
      const { body } = await api().get(`${base}/subscriptions`).set('Authorization', carla).expect(200);
      return (body.subscriptions as { organisationId: string; version: number; buyerReference: string }[]).find(
        (s) => s.organisationId === large,
      )!;
    };
    const save = (buyerReference: string, ifMatch: string) =>
      api()
        .put(`${base}/subscriptions/${large}`)
        .set('Authorization', carla)
        .set('If-Match', ifMatch)
        .send({ startsOn: '2026-01-01', address: address('Transport Veluwe B.V.'), buyerReference, language: 'nl' });
    const loaded = await listed();
    const { buyerReference } = loaded;

    await save(buyerReference, `"${loaded.version}"`).expect(204);
    const stale = await save('STALE', `"${loaded.version}"`).expect(412);
    expect(stale.body.type).toBe('https://vertrouwd.nl/problems/precondition-failed');
    await caughtUp();
    expect(await listed()).toMatchObject({ buyerReference, version: loaded.version + 1 });
  });

  it('runs invoices on the schedule; the small client’s invoice equals the no-case world’s', async () => {
    const future = await api().post(`${base}/invoice-runs`).set('Authorization', carla).send({ through: '2999-12-31' }).expect(422);
    expect(future.body.rule).toBe('RunWindowError');
    const run = await api().post(`${base}/invoice-runs`).set('Authorization', carla).send({ through: '2026-09-30' }).expect(200);
    expect(run.body.issued).toHaveLength(9); // three organisations × Q1, Q2, Q3
    expect(run.body.issued).toEqual(Array.from({ length: 9 }, (_, i) => `2026-${String(i + 1).padStart(6, '0')}`));
    expect(run.body.skipped).toEqual([]);
    const again = await api().post(`${base}/invoice-runs`).set('Authorization', carla).send({ through: '2026-09-30' }).expect(200);
    expect(again.body.issued).toEqual([]);
    await caughtUp();

    const docs = (await api().get(`${base}/invoices?year=2026`).set('Authorization', carla).expect(200)).body.documents as {
      number: string;
      organisationId: string;
      periodKey: string;
    }[];
    const q3 = (org: string) => docs.find((d) => d.organisationId === org && d.periodKey === '2026-Q3')!.number;
    const withCases = (
      await api()
        .get(`${base}/invoices/${q3(small)}`)
        .set('Authorization', carla)
        .expect(200)
    ).body;
    const noCases = (
      await api()
        .get(`${base}/invoices/${q3(twin)}`)
        .set('Authorization', carla)
        .expect(200)
    ).body;
    const strip = ({ number, paymentReference, customer, buyerReference, digests, ...rest }: Record<string, unknown>) => rest;
    expect(strip(withCases)).toEqual(strip(noCases));
    expect(withCases.lines).toHaveLength(1); // the collective arrangement: never hours
    expect(withCases.totals).toEqual({ netCents: 11_250, vatCents: 2_363, grossCents: 13_613, payableCents: 13_613 });

    const largeQ3 = (
      await api()
        .get(`${base}/invoices/${q3(large)}`)
        .set('Authorization', carla)
        .expect(200)
    ).body;
    // 6 cases ≥ k: 1,800 case minutes + 180 activity minutes; band 250–499 includes 32 h a year, 480 minutes a
    // quarter → 1,500 minutes beyond = 100 quarter hours = 25.00 h at € 125.
    expect(largeQ3.lines[1]).toMatchObject({ unitCode: 'HUR', quantity: '25.00', unitPriceCents: 12_500, netCents: 312_500 });
    const text = JSON.stringify(docs) + JSON.stringify(withCases) + JSON.stringify(largeQ3);
    expect(text).not.toContain(CANARY_CASE);
    // The bus (here in the same database) carries case's own event; billing's tables and streams hold no case id.
    expect((await tablesContaining(db.url, CANARY_CASE)).filter((table) => !table.startsWith('bus_'))).toEqual([]);
  });

  it('gives gapless, unique numbers when two runs race', async () => {
    await api()
      .post(`${base}/price-lists`)
      .set('Authorization', carla)
      .send({ ...PRICE_LIST, effectiveFrom: '2026-10-01' })
      .expect(201);
    const extra = Array.from({ length: 6 }, () => randomUUID());
    for (const org of extra) await publishOrganisation(service, { organisationId: org, agencyId: DEMO_AGENCY_ID, headcount: 30 });
    await eventually(async () => {
      const [{ n }] = await service.app.get(ReadModels).dataSource.query('select count(*)::int as n from billing_organisations');
      if (n < 10) throw new Error('not yet');
    });
    for (const org of extra) {
      await api()
        .put(`${base}/subscriptions/${org}`)
        .set('Authorization', carla)
        .send({ startsOn: '2026-04-15', address: address('Race B.V.'), buyerReference: 'R', language: 'en' })
        .expect(204);
    }
    await caughtUp();
    const [a, b] = await Promise.all([
      api().post(`${base}/invoice-runs`).set('Authorization', carla).send({ through: '2026-09-30' }),
      api().post(`${base}/invoice-runs`).set('Authorization', carla).send({ through: '2026-09-30' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const numbers = [...a.body.issued, ...b.body.issued].sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 10).padStart(6, '0')}`));
    const verified = await service.platform.store.verifyStream(`invoiceseries-${DEMO_AGENCY_ID}.2026`);
    expect(verified).toMatchObject({ valid: true, eventsChecked: 21 });
  });

  it('corrects with credit notes that refer to the invoice, never by changing it', async () => {
    await caughtUp();
    const docs = (await api().get(`${base}/invoices?organisationId=${large}`).set('Authorization', carla).expect(200)).body.documents;
    const q3 = docs.find((d: { periodKey: string }) => d.periodKey === '2026-Q3');
    const before = (await api().get(`${base}/invoices/${q3.number}`).set('Authorization', carla).expect(200)).body;
    const partial = await api()
      .post(`${base}/invoices/${q3.number}/credit-notes`)
      .set('Authorization', carla)
      .send({ reason: 'price-correction', lines: [{ lineId: '2', amountCents: 12_500 }] })
      .expect(201);
    expect(partial.body.number).toBe('2026-000022');
    // A line named twice would be credited once: refused, naming the field and the rule, and no number is taken.
    const twice = await api()
      .post(`${base}/invoices/${q3.number}/credit-notes`)
      .set('Authorization', carla)
      .send({
        reason: 'goodwill',
        lines: [
          { lineId: '1', amountCents: 100 },
          { lineId: '1', amountCents: 100 },
        ],
      })
      .expect(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'lines', rule: 'arrayUnique' })]);
    const tooMuch = await api()
      .post(`${base}/invoices/${q3.number}/credit-notes`)
      .set('Authorization', carla)
      .send({ reason: 'price-correction', lines: [{ lineId: '2', amountCents: 312_500 }] })
      .expect(422);
    expect(tooMuch.body.rule).toBe('CreditExceedsInvoiceError');
    const full = await api()
      .post(`${base}/invoices/${q3.number}/credit-notes`)
      .set('Authorization', carla)
      .send({ reason: 'cancelled' })
      .expect(201);
    expect(full.body.number).toBe('2026-000023');
    await api().post(`${base}/invoices/${q3.number}/credit-notes`).set('Authorization', carla).send({ reason: 'cancelled' }).expect(409);
    await caughtUp();
    const note = (await api().get(`${base}/invoices/2026-000023`).set('Authorization', carla).expect(200)).body;
    expect(note).toMatchObject({ kind: 'credit-note', corrects: { number: q3.number }, note: 'Factuur vervallen' });
    expect(note.totals.netCents).toBe(before.totals.netCents - 12_500);
    expect((await api().get(`${base}/invoices/${q3.number}`).set('Authorization', carla).expect(200)).body).toEqual(before);
  });

  it('lets the employer contact read and download their own invoices, which validate', async () => {
    const erik = await token('employer-erik');
    const own = `/organisations/${small}/billing`;
    const subscription = await api().get(`${own}/subscription`).set('Authorization', erik).expect(200);
    expect(subscription.body).toMatchObject({ startsOn: '2026-01-01', buyerReference: 'VP-Bakk' });
    const listed = (await api().get(`${own}/invoices`).set('Authorization', erik).expect(200)).body.documents;
    expect(listed.map((d: { periodKey: string }) => d.periodKey)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    const number = listed[2].number;
    const stored = (await api().get(`${own}/invoices/${number}`).set('Authorization', erik).expect(200)).body;
    const pdf = await api().get(`${own}/invoices/${number}/pdf`).set('Authorization', erik).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf.body as Buffer)).toBe(stored.digests.pdf);
    const ubl = await api().get(`${own}/invoices/${number}/ubl`).set('Authorization', erik).expect(200);
    expect(sha256(Buffer.from(ubl.text))).toBe(stored.digests.ubl);
    const validation = await validateEInvoice(ubl.text);
    expect(validation.xsdErrors).toEqual([]);
    expect(validation.fatal).toEqual([]);
    expect(validation.valid).toBe(true);
    // Another organisation's invoice is not theirs, whatever the number.
    const largeNumber = (await api().get(`${base}/invoices?organisationId=${large}`).set('Authorization', carla)).body.documents[0].number;
    await api().get(`${own}/invoices/${largeNumber}`).set('Authorization', erik).expect(404);
    await api().get(`${own}/invoices/${largeNumber}/pdf`).set('Authorization', erik).expect(404);
  }, 300_000); // the first validation compiles the SI-UBL rules (saxon-js): minutes on a loaded machine

  it('validates the credit note and exports the bookkeeping CSV', async () => {
    const ubl = await api().get(`${base}/invoices/2026-000022/ubl`).set('Authorization', carla).expect(200);
    const validation = await validateEInvoice(ubl.text);
    expect(validation.fatal).toEqual([]);
    expect(validation.valid).toBe(true);
    const csv = await api().get(`${base}/bookkeeping.csv?year=2026`).set('Authorization', carla).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain('2026-000023');
    expect(csv.text).not.toContain(CANARY_CASE);
  }, 300_000);

  it('rebuilds the same documents from billing’s streams, to the cent', async () => {
    const dataSource = service.app.get(ReadModels).dataSource;
    const snapshot = () => dataSource.query('select number, document, ubl_sha256, pdf_sha256 from billing_documents order by number');
    await caughtUp();
    const before = await snapshot();
    await service.app.get(ReadModels).projection('billing-documents').rebuild();
    expect(await snapshot()).toEqual(before);
    expect(before.length).toBe(23);
  });
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Supertest's parser for a binary body: the bytes as they came. */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
