import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { amsterdamToday, shiftDay } from '@vertrouwd/domain';
import { DEMO_AGENCY_ID } from '@vertrouwd/auth';
import { eventually, readPdf } from '@vertrouwd/testing';
import { type Browser, type BrowserContextOptions, type Locator, type Page, type Response } from 'playwright-core';
import { type Platform } from './platform';
import {
  axeChecker,
  hydrated,
  openPage,
  SCREENSHOTS,
  signInAt,
  startPortalUnderTest,
  stopPortalUnderTest,
  submitForm,
  type RunningPortal,
} from './portal';

// The coordinator's billing in a real browser against the real platform with matching: the agency's supplier details
// filled in (refused first, the field named), a subscription started for a new organisation chosen by name, the
// invoices run, one invoice credited in part (too much refused first), the credit note's PDF and the year's
// bookkeeping CSV downloaded; all with scripts off. With scripts on, a subscription ended after its confirmation.
// Every billing page passes axe in Dutch and Arabic; every other role gets 403, another agency's coordinator 404;
// no page, download or log names the planted reporter's message.
const CANARY = 'Billing canary: de bedrijfsleider van de bakkerij intimideert mij al maanden.';
const ORG = {
  organisationId: randomUUID(),
  name: 'Timmerfabriek De Zaagbok',
  intakeCode: 'zaagbok-2026',
  kvkNumber: '30444555',
  sbiCode: '1623',
  headcount: 30,
  regions: ['utrecht'],
  languages: ['nl'],
};
const SUPPLIER = {
  name: 'Vertrouwenspunt Midden B.V.',
  street: 'Oudegracht 120',
  postcode: '3511 AW',
  city: 'Utrecht',
  kvk: '30999111',
  vatId: 'NL899911122B01',
  iban: 'NL91 ABNA 0417 1643 00',
};

/** The first day of the quarter before today's, in Amsterdam: a period that has ended, so the run invoices it. */
function previousQuarterStart(): string {
  const [year, month] = amsterdamToday().split('-').map(Number);
  const quarter = Math.floor((month - 1) / 3);
  const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
  return `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}
const STARTS_ON = previousQuarterStart();

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let invoiceNumber: string;
let creditNoteNumber: string;
const axeViolations: string[] = [];
const serverErrors: string[] = [];
/** Every billing page and download the coordinator got: none may hold the canary. */
const seen: string[] = [];

beforeAll(async () => {
  ({ platform, portal, browser } = await startPortalUnderTest({ matching: true }));
  // A case at the bakery whose reporter wrote the canary: billing counts its hours, no billing page may show it.
  await platform.fileReport({ reporterMessage: CANARY });
  // A new client in matching's directory (the coordinator screens' own test onboards through the portal).
  const { organisationId, ...org } = ORG;
  const registered = await fetch(`${platform.matching!.url}/agencies/${DEMO_AGENCY_ID}/organisations`, {
    method: 'POST',
    headers: { authorization: await platform.bearer('coordinator-carla'), 'content-type': 'application/json' },
    body: JSON.stringify({ organisationId, ...org }),
  });
  expect(registered.status).toBe(201);
  // Billing learns of it from matching's event a moment later; the subscription form needs it known.
  await eventually(
    async () => {
      const known = await platform.billing.platform.pool.query('select 1 from billing_organisations where organisation_id = $1', [
        organisationId,
      ]);
      if (known.rowCount !== 1) throw new Error('billing does not know the new organisation yet');
    },
    { timeoutMs: 30_000 },
  );
}, 240_000);

afterAll(() => stopPortalUnderTest({ browser, portal, platform }));

const context = (options: BrowserContextOptions = {}) => openPage(browser, { problems: serverErrors, serverErrors: true }, options);

const checkAxe = axeChecker(axeViolations);

/** Clicks a button and returns the answer to the form's POST (with scripts off: the navigation's). */
async function submit(page: Page, button: string): Promise<Response> {
  const response = await submitForm(portal.url, page, button);
  seen.push(await page.content());
  return response;
}

/** The page's form that posts the given intent. */
const form = (page: Page, intent: string): Locator => page.locator('form', { has: page.locator(`input[name=intent][value="${intent}"]`) });

describe('the coordinator, with scripts off', () => {
  it('fills in the supplier details, starts a subscription, runs the invoices, credits one in part and downloads the credit note and the bookkeeping', async () => {
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signInAt(portal.url, page, 'coordinator-carla');
    await page.goto(`${portal.url}/nl/billing`);
    await page.getByText('Het bureau heeft nog geen factuurgegevens.').waitFor();

    // The supplier's details, with an IBAN that is not one: the service's refusal names the field, keeps the values.
    const account = form(page, 'account');
    await account.getByLabel('Statutaire naam').fill(SUPPLIER.name);
    await account.getByLabel('Straat en huisnummer').fill(SUPPLIER.street);
    await account.getByLabel('Postcode').fill(SUPPLIER.postcode);
    await account.getByLabel('Plaats').fill(SUPPLIER.city);
    await account.getByLabel('KvK-nummer').fill(SUPPLIER.kvk);
    await account.getByLabel('Btw-identificatienummer').fill(SUPPLIER.vatId);
    await account.getByLabel('IBAN').fill('NL91 ABNA 0417');
    expect((await submit(page, 'Facturatie instellen')).status()).toBe(422);
    expect(await page.getByTestId('refusal-account').innerText()).toContain('IBAN: de vorm klopt niet');
    expect(await form(page, 'account').getByLabel('IBAN').getAttribute('aria-invalid')).toBe('true');
    expect(await form(page, 'account').getByLabel('Statutaire naam').inputValue()).toBe(SUPPLIER.name);
    expect(await page.title()).toMatch(/^Fout: /);
    await form(page, 'account').getByLabel('IBAN').fill(SUPPLIER.iban);
    expect((await submit(page, 'Facturatie instellen')).status()).toBe(303);
    await page.getByText('De leveranciersgegevens zijn opgeslagen.').waitFor();
    expect(await form(page, 'account').getByLabel('IBAN').inputValue()).toBe('NL91ABNA0417164300');

    // A quarterly price list (its own form is the coordinator screens' test): a custom plan of € 1,800 a year.
    const prices = await fetch(`${platform.billing.url}/agencies/${DEMO_AGENCY_ID}/billing/price-lists`, {
      method: 'POST',
      headers: { authorization: await platform.bearer('coordinator-carla'), 'content-type': 'application/json' },
      body: JSON.stringify({
        effectiveFrom: `${Number(STARTS_ON.slice(0, 4)) - 1}-01-01`,
        period: 'quarter',
        hourlyRateCents: 12_500,
        vatRatePercent: '21',
        bands: [{ minHeadcount: 1, plan: 'custom', yearlyFeeCents: 180_000, includedHoursPerYear: 12 }],
      }),
    });
    expect(prices.status).toBe(201);

    // The subscription: nothing chosen is refused at the picker; then the organisation by its name.
    await page.goto(`${portal.url}/nl/billing`);
    const subscribe = form(page, 'subscribe');
    await subscribe.getByLabel('Eerste dag').fill(STARTS_ON);
    await subscribe.getByLabel('Factuurnaam').fill(ORG.name);
    await subscribe.getByLabel('Straat en huisnummer').fill('Industrieweg 4');
    await subscribe.getByLabel('Postcode').fill('3821 AB');
    await subscribe.getByLabel('Plaats').fill('Amersfoort');
    await subscribe.getByLabel('Kenmerk van de klant').fill('ZB-2026');
    expect((await submit(page, 'Abonnement starten')).status()).toBe(422);
    expect(await page.getByTestId('refusal-subscribe').innerText()).toContain('Organisatie: kies een organisatie uit de lijst');
    expect(await form(page, 'subscribe').getByLabel('Factuurnaam').inputValue()).toBe(ORG.name);
    await form(page, 'subscribe').getByLabel('Organisatie', { exact: true }).selectOption({ label: ORG.name });
    expect((await submit(page, 'Abonnement starten')).status()).toBe(303);
    await page.getByText('Het abonnement is vastgelegd.').waitFor();
    expect(await page.getByTestId('subscriptions').innerText()).toContain(ORG.name);
    // The picker offers only organisations without a subscription: the agency has no other.
    await page.getByText('Elke organisatie van het bureau heeft een abonnement.').waitFor();

    // The invoice run through yesterday invoices the quarter that ended.
    expect((await submit(page, 'Factuurronde starten')).status()).toBe(303);
    await page.getByText(/De factuurronde is klaar: 1 factuur gemaakt/).waitFor();
    const row = page.getByTestId('agency-invoices').getByRole('row', { name: new RegExp(ORG.name) });
    invoiceNumber = (await row.getByRole('rowheader').innerText()).trim();
    expect(invoiceNumber).toMatch(/^\d{4}-\d{6}$/);

    // From the invoice's row to its page, and a credit of more than the line: refused in the rule's words.
    await row.getByRole('link', { name: `Factuur ${invoiceNumber} crediteren` }).click();
    await page.getByRole('heading', { level: 1, name: `Factuur ${invoiceNumber}` }).waitFor();
    expect(await page.getByTestId('invoice').innerText()).toContain(ORG.name);
    const line = page.getByLabel(/^Regel 1: /);
    await page.getByLabel('Reden').selectOption({ label: 'Correctie van het tarief' });
    await page.getByLabel('De bedragen hieronder').check();
    await line.fill('9999');
    expect((await submit(page, 'Creditnota maken')).status()).toBe(422);
    expect(await page.getByTestId('refusal-credit').innerText()).toContain(
      'Niet gemaakt: een creditnota crediteert hoogstens wat er van elke regel over is.',
    );
    expect(await page.getByLabel(/^Regel 1: /).inputValue()).toBe('9999');
    // An amount that is not one: named at its line.
    await page.getByLabel(/^Regel 1: /).fill('honderd');
    expect((await submit(page, 'Creditnota maken')).status()).toBe(422);
    expect(await page.getByTestId('refusal-credit').innerText()).toMatch(/Regel 1: .*: typ een bedrag in euro's/);
    expect(await page.getByLabel(/^Regel 1: /).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/^Regel 1: /).fill('100,00');
    expect((await submit(page, 'Creditnota maken')).status()).toBe(303);
    const notice = await page.getByText(/^Creditnota \d{4}-\d{6} is gemaakt\.$/).innerText();
    creditNoteNumber = /(\d{4}-\d{6})/.exec(notice)![1];
    const creditRow = page.getByTestId('agency-invoices').getByRole('row', { name: new RegExp(creditNoteNumber) });
    expect(await creditRow.innerText()).toContain(`creditnota bij ${invoiceNumber}`);
    expect(await creditRow.innerText()).toMatch(/€\s?121,00/);

    // The credit note's PDF and e-invoice from its row: a PDF of that credit note, its UBL a CreditNote.
    const pdfHref = (await creditRow.getByRole('link', { name: `PDF van ${creditNoteNumber}` }).getAttribute('href'))!;
    const pdf = await page.request.get(`${portal.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toContain(`${creditNoteNumber}.pdf`);
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const reading = await readPdf(body);
    const text = reading.lines.join('\n');
    expect(text).toContain('Creditnota');
    expect(text).toContain(creditNoteNumber);
    expect(text).toContain(invoiceNumber);
    const ubl = reading.attachments.find((a) => a.filename === 'factuur.xml')!.content.toString('utf8');
    expect(ubl).toContain('<CreditNote');
    expect(ubl).toContain(`<cbc:ID>${creditNoteNumber}</cbc:ID>`);
    const ublHref = (await creditRow.getByRole('link', { name: `e-factuur (UBL) van ${creditNoteNumber}` }).getAttribute('href'))!;
    expect((await page.request.get(`${portal.url}${ublHref}`)).status()).toBe(200);

    // The bookkeeping CSV of the year: the invoice positive, the credit note negative and naming the invoice.
    const year = invoiceNumber.slice(0, 4);
    const csvHref = (await page.getByRole('link', { name: `Boekhouding ${year} (CSV)` }).getAttribute('href'))!;
    const csv = await page.request.get(`${portal.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const rows = (await csv.text()).split('\r\n');
    expect(rows[0]).toMatch(/^number,kind,issue_date,/);
    expect(rows.find((r) => r.startsWith(`${invoiceNumber},invoice,`))).toContain(',450.00,21,94.50,544.50,');
    const credit = rows.find((r) => r.startsWith(`${creditNoteNumber},credit-note,`));
    expect(credit).toMatch(new RegExp(`,-100\\.00,21,-21\\.00,-121\\.00,${invoiceNumber}$`));
    seen.push(await csv.text(), text, ubl);

    // The invoice's page now lists its credit note.
    await page.goto(`${portal.url}/nl/billing/invoices/${invoiceNumber}`);
    expect(await page.getByTestId('credit-notes').innerText()).toContain(creditNoteNumber);
    seen.push(await page.content());
    await ctx.close();
  }, 120_000);
});

describe('the coordinator, with scripts on', () => {
  it('ends a subscription after confirming it, and every billing page passes axe', async () => {
    const { context: ctx, page } = await context();
    await signInAt(portal.url, page, 'coordinator-carla');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Facturatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Facturatie' }).waitFor();
    await hydrated(page);
    await checkAxe(page, 'billing');
    await page.screenshot({ path: join(SCREENSHOTS, 'billing-nl.png'), fullPage: true });

    await page.goto(`${portal.url}/nl/billing/invoices/${invoiceNumber}`);
    await hydrated(page);
    await checkAxe(page, 'invoice');
    await page.screenshot({ path: join(SCREENSHOTS, 'billing-invoice-nl.png'), fullPage: true });
    await page.goto(`${portal.url}/nl/billing/invoices/${creditNoteNumber}`);
    await page.getByRole('heading', { level: 1, name: `Creditnota ${creditNoteNumber}` }).waitFor();
    expect(await page.getByTestId('invoice').innerText()).toContain('Correctie van het tarief');
    await checkAxe(page, 'credit note');

    await page.goto(`${portal.url}/nl/billing`);
    await page.getByRole('link', { name: `Abonnement van ${ORG.name} wijzigen of beëindigen` }).click();
    await page.getByRole('heading', { level: 1, name: `Abonnement van ${ORG.name}` }).waitFor();
    await hydrated(page);
    await checkAxe(page, 'subscription');
    // A last day before the first: the service's rule, at the form.
    await page.getByLabel('Laatste dag').fill(shiftDay(STARTS_ON, -1));
    await page.getByRole('button', { name: 'Abonnement beëindigen…' }).click();
    await page.getByTestId('confirm-end').waitFor();
    expect((await submit(page, 'Ja, abonnement beëindigen')).status()).toBe(422);
    await page.getByText('Niet beëindigd: een abonnement eindigt op of na zijn eerste dag.').waitFor();

    const lastDay = amsterdamToday(30);
    await page.getByLabel('Laatste dag').fill(lastDay);
    await page.getByRole('button', { name: 'Abonnement beëindigen…' }).click();
    const confirm = page.getByTestId('confirm-end');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`Het abonnement van ${ORG.name} beëindigen op`);
    await checkAxe(page, 'subscription, confirm end');
    await page.screenshot({ path: join(SCREENSHOTS, 'billing-subscription-end-nl.png'), fullPage: true });
    // Cancelling ends nothing.
    await confirm.getByRole('link', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Abonnement beëindigen…' }).waitFor();
    await page.getByLabel('Laatste dag').fill(lastDay);
    await page.getByRole('button', { name: 'Abonnement beëindigen…' }).click();
    await page.getByRole('button', { name: 'Ja, abonnement beëindigen' }).click();
    await page.getByText(/^Het abonnement eindigt op /).waitFor();
    expect(await page.getByTestId('subscription').innerText()).not.toContain('niet vastgelegd');
    await page.getByText('Dit abonnement heeft een einddatum').waitFor();
    const ended = await fetch(`${platform.billing.url}/agencies/${DEMO_AGENCY_ID}/billing/subscriptions`, {
      headers: { authorization: await platform.bearer('coordinator-carla') },
    });
    const { subscriptions } = (await ended.json()) as { subscriptions: { organisationId: string; endsOn: string | null }[] };
    expect(subscriptions.find((s) => s.organisationId === ORG.organisationId)?.endsOn).toBe(lastDay);
    seen.push(await page.content());
    await ctx.close();
  }, 90_000);
});

describe('in Arabic', () => {
  it('every billing page is right to left and passes axe', async () => {
    const { context: ctx, page } = await context();
    await signInAt(portal.url, page, 'coordinator-carla', 'ar');
    const pages: [string, string][] = [
      ['billing', '/ar/billing'],
      ['invoice', `/ar/billing/invoices/${invoiceNumber}`],
      ['credit-note', `/ar/billing/invoices/${creditNoteNumber}`],
      ['subscription', `/ar/billing/subscriptions/${ORG.organisationId}`],
    ];
    for (const [name, path] of pages) {
      const response = await page.goto(`${portal.url}${path}`);
      expect([path, response!.status()]).toEqual([path, 200]);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await hydrated(page);
      await checkAxe(page, `${name}, ar`);
      seen.push(await page.content());
      if (name !== 'credit-note') await page.screenshot({ path: join(SCREENSHOTS, `billing-${name}-ar.png`), fullPage: true });
    }
    await ctx.close();
  }, 60_000);
});

describe('the billing screens refuse everyone else', () => {
  const paths = () => [
    '/nl/billing',
    `/nl/billing/invoices/${invoiceNumber}`,
    `/nl/billing/invoices/${creditNoteNumber}/pdf`,
    `/nl/billing/subscriptions/${ORG.organisationId}`,
    `/nl/billing/bookkeeping/${invoiceNumber.slice(0, 4)}`,
  ];

  it.each(['advisor-anna', 'employer-erik', 'auditor-ada', 'admin-adam'])(
    '%s gets 403 and no data on every billing address, and cannot credit an invoice',
    async (username) => {
      const { context: ctx, page } = await context();
      await signInAt(portal.url, page, username);
      for (const path of paths()) {
        const response = await page.goto(`${portal.url}${path}`).catch(() => undefined);
        // A download is not a page: its status comes from a plain request with the same session.
        const status = response ? response.status() : (await page.request.get(`${portal.url}${path}`)).status();
        expect([path, status]).toEqual([path, 403]);
        if (response) {
          const html = await response.text();
          expect(html).not.toContain(ORG.name);
          expect(html).not.toContain(SUPPLIER.iban.replaceAll(' ', ''));
        }
      }
      const posted = await page.request.post(`${portal.url}/nl/billing/invoices/${invoiceNumber}`, {
        form: { intent: 'credit', reason: 'goodwill', scope: 'all' },
        maxRedirects: 0,
      });
      expect(posted.status()).toBe(403);
      await ctx.close();
    },
    60_000,
  );

  it("gives another agency's coordinator 404 for this agency's invoice and subscription, and nothing of it on her own page", async () => {
    const { context: ctx, page } = await context();
    await signInAt(portal.url, page, 'coordinator-noor');
    for (const path of [`/nl/billing/invoices/${invoiceNumber}`, `/nl/billing/subscriptions/${ORG.organisationId}`]) {
      const response = await page.goto(`${portal.url}${path}`);
      expect([path, response!.status()]).toEqual([path, 404]);
      expect(await response!.text()).not.toContain(ORG.name);
    }
    expect((await page.request.get(`${portal.url}/nl/billing/invoices/${creditNoteNumber}/pdf`)).status()).toBe(404);
    // Crediting this agency's invoice by its number: 404, and no credit note is made.
    const before = await documentsOf('coordinator-carla');
    const posted = await page.request.post(`${portal.url}/nl/billing/invoices/${invoiceNumber}`, {
      form: { intent: 'credit', reason: 'goodwill', scope: 'all' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(404);
    expect(await documentsOf('coordinator-carla')).toEqual(before);
    const own = await page.goto(`${portal.url}/nl/billing`);
    expect(own!.status()).toBe(200);
    const html = await own!.text();
    expect(html).not.toContain(ORG.name);
    expect(html).not.toContain(invoiceNumber);
    const csv = await page.request.get(`${portal.url}/nl/billing/bookkeeping/${invoiceNumber.slice(0, 4)}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).not.toContain(ORG.name);
    await ctx.close();
  }, 60_000);
});

async function documentsOf(user: string): Promise<string[]> {
  const response = await fetch(`${platform.billing.url}/agencies/${DEMO_AGENCY_ID}/billing/invoices`, {
    headers: { authorization: await platform.bearer(user) },
  });
  return ((await response.json()) as { documents: { number: string }[] }).documents.map((d) => d.number).toSorted();
}

describe('afterwards', () => {
  it('no page answered 500, and axe found no violation on any page', () => {
    expect(serverErrors).toEqual([]);
    expect(axeViolations).toEqual([]);
  });

  it("no billing page or download, and not the portal's log, holds the reporter's words or a token", () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const content of seen) expect(content).not.toContain(CANARY);
    const log = portal.output();
    expect(log).not.toContain(CANARY);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\./);
  });
});
