import { join } from 'node:path';
import { amsterdamToday } from '@vertrouwd/domain';
import { DEMO_ADVISORS, DEMO_AGENCY_ID } from '@vertrouwd/auth';
import { eventually } from '@vertrouwd/testing';
import { type Browser, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { type Platform } from './platform';
import {
  axeChecker,
  openPage,
  ref,
  SCREENSHOTS,
  signInAt,
  startPortalUnderTest,
  stopPortalUnderTest,
  submitForm,
  type RunningPortal,
} from './portal';

// The coordinator's screens in a real browser against the real platform with matching: onboarding an organisation
// (by hand and with matching choosing), a report for it filed through intake, matching's decision explained; a
// waiting case assigned from the queue; a counsellor's absence added and removed; a price list, an invoice run and
// the invoices downloaded. Each page passes axe in Dutch and Arabic, onboarding works with scripts off, a bad form
// shows the service's refusal with the field named (never a 500), and every other role, or another agency's
// coordinator, gets no data.
const ACCOUNT = 'Coordinator e2e: mijn leidinggevende scheldt mij uit waar klanten bij zijn.';
const ORG = { name: 'Drukkerij De Letterbak', intakeCode: 'letterbak-2026', kvkNumber: '30555666', sbiCode: '1813', headcount: '62' };
const ORG_SCRIPTLESS = { name: 'Kwekerij Het Zaadje', intakeCode: 'zaadje-2026', kvkNumber: '30777888', sbiCode: '0130', headcount: '14' };

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let waitingCase: string;
let matchedCase: string;
let organisationId: string;
let invoiceNumber: string;
const axeViolations: string[] = [];
const serverErrors: string[] = [];

beforeAll(async () => {
  ({ platform, portal, browser } = await startPortalUnderTest({ matching: true }));
  // A report for an organisation matching does not know, in an agency without pool matching: nobody is matched.
  waitingCase = await platform.fileReport({ assign: false });
  // The agency as a supplier, so price lists can be added (billing's own spec fills these in on the portal's page).
  await platform.setUpBillingAccount();
}, 240_000);

afterAll(() => stopPortalUnderTest({ browser, portal, platform }));

const context = (options: BrowserContextOptions = {}) => openPage(browser, { problems: serverErrors, serverErrors: true }, options);

function signIn(page: Page, username: string, lang: 'nl' | 'ar' = 'nl'): Promise<void> {
  return signInAt(portal.url, page, username, lang);
}

const checkAxe = axeChecker(axeViolations);

const submit = (page: Page, button: string): Promise<Response> => submitForm(portal.url, page, button);

async function fillOrganisation(page: Page, org: typeof ORG): Promise<void> {
  await page.getByLabel('Naam', { exact: true }).fill(org.name);
  await page.getByLabel('Meldcode', { exact: true }).fill(org.intakeCode);
  await page.getByLabel('KvK-nummer', { exact: true }).fill(org.kvkNumber);
  await page.getByLabel('SBI-code', { exact: true }).fill(org.sbiCode);
  await page.getByLabel('Aantal medewerkers', { exact: true }).fill(org.headcount);
  await page.getByLabel('Utrecht', { exact: true }).check();
}

/** Files a report through intake's public API, as the organisation's employee would on its intake page. */
async function fileReportFor(intakeCode: string): Promise<string> {
  await eventually(
    async () => {
      const page = await fetch(`${platform.intake.url}/intake/${intakeCode}`);
      if (page.status !== 200) throw new Error(`intake page ${intakeCode}: ${page.status}`);
    },
    { timeoutMs: 20_000 },
  );
  const response = await fetch(`${platform.intake.url}/intake/${intakeCode}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      theme: 'bullying',
      relation: 'manager',
      anonymity: 'anonymous',
      language: 'nl',
      consentVersion: 'v1',
      account: ACCOUNT,
      contact: { channel: 'platform' },
    }),
  });
  if (response.status !== 201) throw new Error(`intake answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { caseId: string }).caseId;
}

async function matchingDecided(caseId: string): Promise<void> {
  const carla = await platform.bearer('coordinator-carla');
  await eventually(
    async () => {
      const response = await fetch(`${platform.matching!.url}/agencies/${DEMO_AGENCY_ID}/matches/${caseId}`, {
        headers: { authorization: carla },
      });
      if (response.status !== 200) throw new Error(`matching has not decided ${caseId} yet (${response.status})`);
    },
    { timeoutMs: 30_000 },
  );
}

describe('the coordinator', () => {
  it('onboards an organisation, appoints its counsellors and records the agreement; a report for it is matched and explained', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'coordinator-carla');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Organisaties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await page.getByRole('link', { name: 'Nieuwe organisatie aansluiten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe organisatie aansluiten' }).waitFor();
    await checkAxe(page, 'onboarding');
    await fillOrganisation(page, ORG);
    await page.getByLabel('Engels', { exact: true }).check();
    await page.getByRole('button', { name: 'Organisatie aansluiten' }).click();
    await page.getByText('De organisatie is aangesloten.').waitFor();
    organisationId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(ORG.name);
    expect(await page.getByTestId('headcount-now').innerText()).toMatch(/^62 medewerkers sinds /);

    await page.getByLabel('Vaste vertrouwenspersoon').selectOption({ label: 'Anna de Vries' });
    await page.getByLabel('Vervanger').selectOption({ label: 'Bram Jansen' });
    await page.getByRole('button', { name: 'Aanstellen', exact: true }).click();
    await page.getByText('De vertrouwenspersonen zijn aangesteld.').waitFor();
    const appointment = await page.getByTestId('appointment').innerText();
    expect(appointment).toContain('Anna de Vries');
    expect(appointment).toContain('Bram Jansen');

    await page.getByLabel('opvang en advies').check();
    await page.getByLabel('nazorg').check();
    await page.getByLabel('contactregistratie').check();
    await page.getByRole('button', { name: 'Afspraken vastleggen' }).click();
    await page.getByText('De afspraken zijn vastgelegd.').waitFor();
    expect(await page.getByTestId('agreement').innerText()).toContain('opvang en advies, nazorg');
    await checkAxe(page, 'organisation');
    await page.screenshot({ path: join(SCREENSHOTS, 'coordinator-organisation-nl.png'), fullPage: true });

    // An employee of the new organisation files a report on its intake page; matching gives it to Anna.
    matchedCase = await fileReportFor(ORG.intakeCode);
    await matchingDecided(matchedCase);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Wachtrij' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page
      .getByTestId('queue-decisions')
      .getByRole('link', { name: `Uitleg bij zaak ${ref(matchedCase)}` })
      .click();
    await page.getByRole('heading', { level: 1, name: `Koppeling van zaak ${ref(matchedCase)}` }).waitFor();
    expect(await page.getByTestId('round-1-decision').innerText()).toMatch(/gekoppeld aan Anna de Vries, als vaste vertrouwenspersoon\.$/);
    const named = await page.getByTestId('round-1-named').innerText();
    expect(named).toMatch(/Anna de Vries\s+vaste vertrouwenspersoon\s+gekozen/);
    // What the reporter asked for, in words; nothing they wrote.
    expect(await page.locator('main').innerText()).toContain('geen voorkeur');
    expect(await page.content()).not.toContain(ACCOUNT);
    await checkAxe(page, 'match explained');
    await page.screenshot({ path: join(SCREENSHOTS, 'coordinator-match-nl.png'), fullPage: true });
    await ctx.close();
  }, 120_000);

  it('onboards with scripts off: a bad field is refused by the service and named on the page, then matching chooses the counsellors', async () => {
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'coordinator-carla');
    await page.goto(`${portal.url}/nl/organisations/new`);
    await fillOrganisation(page, { ...ORG_SCRIPTLESS, kvkNumber: '3077' });
    const refused = await submit(page, 'Organisatie aansluiten');
    expect(refused.status()).toBe(422);
    const alert = page.getByTestId('refusal-register');
    expect(await alert.innerText()).toContain('KvK-nummer: de vorm klopt niet');
    expect(await page.getByLabel('KvK-nummer', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // What was typed is kept.
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(ORG_SCRIPTLESS.name);
    expect(await page.title()).toMatch(/^Fout: /);

    await page.getByLabel('KvK-nummer', { exact: true }).fill(ORG_SCRIPTLESS.kvkNumber);
    expect((await submit(page, 'Organisatie aansluiten')).status()).toBe(303);
    await page.getByText('De organisatie is aangesloten.').waitFor();
    // The same intake code again: the service's 409 rule in words, not an error page.
    await page.goto(`${portal.url}/nl/organisations/new`);
    await fillOrganisation(page, { ...ORG_SCRIPTLESS, name: 'Een andere kwekerij' });
    expect((await submit(page, 'Organisatie aansluiten')).status()).toBe(422);
    expect(await page.getByTestId('refusal-register').innerText()).toContain('een andere organisatie heeft deze meldcode al');

    await page.goto(`${portal.url}/nl/organisations`);
    await page.getByRole('link', { name: ORG_SCRIPTLESS.name }).click();
    expect((await submit(page, 'Laat de koppeling kiezen')).status()).toBe(303);
    await page.getByText('De koppeling heeft de vertrouwenspersonen gekozen en aangesteld.').waitFor();
    const appointment = await page.getByTestId('appointment').innerText();
    expect(appointment).toMatch(/Anna de Vries|Bram Jansen/);
    expect(appointment).not.toContain('–');
    expect(await page.locator('main').innerText()).toContain('gekozen door de koppeling');
    await ctx.close();
  }, 120_000);

  it('reads why a waiting case was matched with nobody, and assigns it from the queue', async () => {
    await matchingDecided(waitingCase);
    const { context: ctx, page } = await context();
    await signIn(page, 'coordinator-carla');
    await page.goto(`${portal.url}/nl/queue`);
    await checkAxe(page, 'queue');
    await page
      .getByTestId('queue-waitingForAssignment')
      .getByRole('link', { name: `Uitleg bij zaak ${ref(waitingCase)}` })
      .click();
    await page.getByRole('heading', { level: 1, name: `Koppeling van zaak ${ref(waitingCase)}` }).waitFor();
    expect(await page.getByTestId('round-1-decision').innerText()).toContain('aan niemand gekoppeld');
    await checkAxe(page, 'match unmatched');
    await page.getByLabel('Vertrouwenspersoon', { exact: true }).selectOption({ label: 'Bram Jansen' });
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await page.getByText('De zaak is toegewezen.').waitFor();
    await eventually(async () => {
      const types = (await platform.cases.platform.store.readStream(`case-${waitingCase}`)).map((e: { type: string }) => e.type);
      if (!types.includes('AdvisorAssigned')) throw new Error(`not assigned yet: ${types.join(', ')}`);
    });
    await ctx.close();
  }, 60_000);

  it("adds and removes a counsellor's absence", async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'coordinator-carla');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vertrouwenspersonen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vertrouwenspersonen' }).waitFor();
    await checkAxe(page, 'counsellors');
    await page.getByRole('link', { name: 'Bram Jansen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bram Jansen' }).waitFor();
    await page.getByLabel('Eerste dag').fill(amsterdamToday(30));
    await page.getByLabel('Laatste dag').fill(amsterdamToday(32));
    await page.getByLabel('Waarnemer (optioneel)').selectOption({ label: 'Anna de Vries' });
    await page.getByRole('button', { name: 'Afwezigheid vastleggen' }).click();
    await page.getByText('De afwezigheid is vastgelegd.').waitFor();
    expect(await page.getByTestId('absences').innerText()).toContain('Waarnemer: Anna de Vries.');
    await checkAxe(page, 'counsellor');
    await page.screenshot({ path: join(SCREENSHOTS, 'coordinator-counsellor-nl.png'), fullPage: true });
    // An absence that ends before it starts: the service's rule, on the page.
    await page.getByLabel('Eerste dag').fill(amsterdamToday(40));
    await page.getByLabel('Laatste dag').fill(amsterdamToday(39));
    await page.getByRole('button', { name: 'Afwezigheid vastleggen' }).click();
    await page.getByText('Dit is niet opgeslagen: de afwezigheid eindigt voor ze begint.').waitFor();

    await page.getByRole('button', { name: /^Afwezigheid .* verwijderen$/ }).click();
    await page.getByText('De afwezigheid is verwijderd.').waitFor();
    await page.getByText('Geen afwezigheid vastgelegd.').waitFor();
    await ctx.close();
  }, 60_000);

  it('refuses a profile save on a form another coordinator saved meanwhile: what was typed stays, beside the current version', async () => {
    const profile = `${portal.url}/nl/counsellors/${DEMO_ADVISORS['advisor-bram']}/profile`;
    const [first, second] = [await context({ javaScriptEnabled: false }), await context({ javaScriptEnabled: false })];
    const hours = (page: Page) => page.getByLabel('Hoogstens uren per week aan zaken');
    for (const { page } of [first, second]) {
      await signIn(page, 'coordinator-carla');
      await page.goto(profile);
      await page.getByRole('heading', { level: 1, name: 'Profiel van Bram Jansen wijzigen' }).waitFor();
    }
    const opened = Number(await hours(first.page).inputValue());
    const [mine, theirs] = [String(opened + 1), String(opened + 2)];

    // Both forms were opened at one version; the first save wins it.
    await hours(first.page).fill(mine);
    expect((await submit(first.page, 'Profiel opslaan')).status()).toBe(303);
    await first.page.getByText('Het profiel is gewijzigd.').waitFor();

    // The second, on the old version, is refused: the message, the typed value kept, the current version beside it.
    await hours(second.page).fill(theirs);
    expect((await submit(second.page, 'Profiel opslaan')).status()).toBe(409);
    expect(await second.page.getByTestId('refusal-profile').innerText()).toContain(
      'Iemand anders heeft dit gewijzigd sinds u het opende: hier is de huidige versie; breng uw wijziging opnieuw aan.',
    );
    expect(await hours(second.page).inputValue()).toBe(theirs);
    expect(await second.page.getByTestId('current-version').innerText()).toMatch(
      new RegExp(`Hoogstens uren per week aan zaken\\s+${mine}`),
    );

    // Saved again, now on the current version: applied.
    expect((await submit(second.page, 'Profiel opslaan')).status()).toBe(303);
    await second.page.getByText('Het profiel is gewijzigd.').waitFor();
    expect(await second.page.locator('main').innerText()).toContain(`hoogstens ${theirs} uur per week`);
    await first.context.close();
    await second.context.close();
  }, 60_000);

  it('with scripts on, a stale profile save comes back the same way, and saving again applies it to the version read anew', async () => {
    const profile = `${portal.url}/nl/counsellors/${DEMO_ADVISORS['advisor-bram']}/profile`;
    const [first, second] = [await context(), await context()];
    const hours = (page: Page) => page.getByLabel('Hoogstens uren per week aan zaken');
    const save = (page: Page) => page.getByRole('button', { name: 'Profiel opslaan', exact: true }).click();
    for (const { page } of [first, second]) {
      await signIn(page, 'coordinator-carla');
      await page.goto(profile);
      await page.getByRole('heading', { level: 1, name: 'Profiel van Bram Jansen wijzigen' }).waitFor();
    }
    const opened = Number(await hours(first.page).inputValue());
    const [mine, theirs] = [String(opened - 1), String(opened - 2)];

    await hours(first.page).fill(mine);
    await save(first.page);
    await first.page.getByText('Het profiel is gewijzigd.').waitFor();

    await hours(second.page).fill(theirs);
    const openedVersion = Number(await second.page.locator('input[name=version]').inputValue());
    // Every state the page passes through after the refusal is recorded, not only the last: React Router hands the
    // page the refusal before it has read the profile again, and no state may show the opened version as current.
    await second.page.evaluate(() => {
      const shown: string[] = ((window as unknown as { shown: string[] }).shown = []);
      new MutationObserver(() => {
        const current = document.querySelector<HTMLElement>('[data-testid=current-version]');
        const version = document.querySelector<HTMLInputElement>('input[name=version]')?.value;
        if (current) shown.push(`hours ${current.innerText.trim().split('\n').at(-1)}, version ${version}`);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await save(second.page);
    await second.page.getByText('Iemand anders heeft dit gewijzigd sinds u het opende').waitFor();
    expect(await hours(second.page).inputValue()).toBe(theirs);
    expect(await second.page.getByTestId('current-version').innerText()).toMatch(
      new RegExp(`Hoogstens uren per week aan zaken\\s+${mine}`),
    );
    const shown = await second.page.evaluate(() => (window as unknown as { shown: string[] }).shown);
    expect(new Set(shown)).toEqual(new Set([`hours ${mine}, version ${openedVersion + 1}`]));
    await checkAxe(second.page, 'counsellor-profile-stale');

    await save(second.page);
    await second.page.getByText('Het profiel is gewijzigd.').waitFor();
    expect(await second.page.locator('main').innerText()).toContain(`hoogstens ${theirs} uur per week`);
    await first.context.close();
    await second.context.close();
  }, 60_000);

  it('adds a price list, runs the invoices for a period and downloads one as PDF and UBL', async () => {
    // The new organisation subscribes (through billing's API: the portal has no form for subscriptions yet).
    const carla = await platform.bearer('coordinator-carla');
    await eventually(
      async () => {
        const subscribed = await fetch(`${platform.billing.url}/agencies/${DEMO_AGENCY_ID}/billing/subscriptions/${organisationId}`, {
          method: 'PUT',
          headers: { authorization: carla, 'content-type': 'application/json' },
          body: JSON.stringify({
            startsOn: '2026-01-01',
            address: { name: ORG.name, street: 'Stationsweg 1', postcode: '3811 MA', city: 'Amersfoort', country: 'NL' },
            buyerReference: 'LB-2026',
            language: 'nl',
          }),
        });
        if (subscribed.status !== 204) throw new Error(`billing does not know the organisation yet (${subscribed.status})`);
      },
      { timeoutMs: 20_000 },
    );
    const { context: ctx, page } = await context();
    await signIn(page, 'coordinator-carla');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Facturatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Facturatie' }).waitFor();
    await checkAxe(page, 'billing');
    expect(await page.getByTestId('subscriptions').innerText()).toContain(ORG.name);

    const band = (field: string) => page.locator(`[id="prices-band0.${field}"]`);
    await page.getByLabel('Geldt vanaf').fill('2025-01-02');
    await page.getByLabel('Uurtarief boven het pakket (excl. btw)').fill('125');
    await band('minHeadcount').fill('1');
    await band('plan').selectOption({ label: 'maatwerk' });
    await band('yearlyFee').fill('1800');
    await band('includedHours').fill('12');
    expect((await submit(page, 'Prijslijst vastleggen')).status()).toBe(422);
    await page.getByTestId('refusal-prices').waitFor();
    await checkAxe(page, 'billing, refused');
    await page.getByLabel('Geldt vanaf').fill('2025-01-01');
    await page.getByRole('button', { name: 'Prijslijst vastleggen' }).click();
    await page.getByText('Prijslijst versie 1 is vastgelegd.').waitFor();
    expect(await page.getByTestId('price-list-1').innerText()).toContain('maatwerk');

    await page.getByRole('button', { name: 'Factuurronde starten' }).click();
    await page.getByText(/De factuurronde is klaar: \d+ facturen gemaakt/).waitFor();
    const invoices = page.getByTestId('agency-invoices');
    expect(await invoices.innerText()).toContain(ORG.name);
    const pdfLink = invoices.getByRole('link', { name: /PDF/ }).first();
    const href = (await pdfLink.getAttribute('href'))!;
    invoiceNumber = decodeURIComponent(href.split('/').at(-2)!);
    const pdf = await page.request.get(`${portal.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const ubl = await page.request.get(`${portal.url}${href.replace(/\/pdf$/, '/ubl')}`);
    expect(ubl.status()).toBe(200);
    expect(await ubl.text()).toContain('<cbc:ID>');
    await page.screenshot({ path: join(SCREENSHOTS, 'coordinator-billing-nl.png'), fullPage: true });
    await ctx.close();
  }, 90_000);
});

describe("the organisation's work outside cases", () => {
  it("the coordinator records a counsellor's workshop with scripts off: a duration out of range named, then listed", async () => {
    const WORK = 'Workshop omgangsvormen voor de drukkers van de nachtploeg';
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'coordinator-carla');
    await page.goto(`${portal.url}/nl/organisations/${organisationId}`);
    const section = page.locator('section[aria-labelledby="engagements"]');
    expect(await section.innerText()).toContain('Nog geen activiteiten vastgelegd.');
    // The organisation's primary counsellor is offered first; the work was Bram's.
    const who = section.getByLabel('Door', { exact: true });
    expect(await who.inputValue()).toBe(DEMO_ADVISORS['advisor-anna']);
    await who.selectOption({ label: 'Bram Jansen' });
    await section.getByLabel('Soort activiteit', { exact: true }).selectOption({ label: 'workshop' });
    await section.getByLabel('Datum', { exact: true }).fill(amsterdamToday(-2));
    await section.getByLabel('Duur in minuten', { exact: true }).fill('2000');
    await section.getByLabel('Wat er is gedaan', { exact: true }).fill(WORK);
    // More than a day: matching refuses it, the page names the field and keeps what was typed.
    expect((await submit(page, 'Activiteit vastleggen')).status()).toBe(422);
    expect(await page.getByTestId('refusal-engagement').innerText()).toContain('Duur in minuten');
    expect(await section.getByLabel('Duur in minuten', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await section.getByLabel('Wat er is gedaan', { exact: true }).inputValue()).toBe(WORK);
    expect(await who.inputValue()).toBe(DEMO_ADVISORS['advisor-bram']);

    await section.getByLabel('Duur in minuten', { exact: true }).fill('90');
    expect((await submit(page, 'Activiteit vastleggen')).status()).toBe(303);
    await page.getByText('De activiteit is vastgelegd.').waitFor();
    expect(await page.getByTestId('engagements').innerText()).toMatch(/: workshop, 90 minuten, door Bram Jansen: Workshop omgangsvormen/);
    await ctx.close();

    // The section in Dutch and Arabic with scripts on: axe-clean, a screenshot of each.
    const scripted = await context();
    await signIn(scripted.page, 'coordinator-carla');
    for (const lang of ['nl', 'ar'] as const) {
      await scripted.page.goto(`${portal.url}/${lang}/organisations/${organisationId}`);
      expect(await scripted.page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await checkAxe(scripted.page, `organisation engagements, ${lang}`);
      await scripted.page
        .locator('section[aria-labelledby="engagements"]')
        .screenshot({ path: join(SCREENSHOTS, `coordinator-engagements-${lang}.png`), caret: 'initial' });
    }
    await scripted.context.close();
  }, 90_000);
});

describe('in Arabic', () => {
  it('every coordinator page is right to left and passes axe', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'coordinator-carla', 'ar');
    const pages: [string, string][] = [
      ['queue', '/ar/queue'],
      ['match', `/ar/queue/${matchedCase}`],
      ['organisations', '/ar/organisations'],
      ['onboarding', '/ar/organisations/new'],
      ['organisation', `/ar/organisations/${organisationId}`],
      ['counsellors', '/ar/counsellors'],
      ['counsellor', `/ar/counsellors/${DEMO_ADVISORS['advisor-bram']}`],
      ['billing', '/ar/billing'],
    ];
    for (const [name, path] of pages) {
      const response = await page.goto(`${portal.url}${path}`);
      expect([path, response!.status()]).toEqual([path, 200]);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await checkAxe(page, `${name}, ar`);
      if (['match', 'organisation', 'billing', 'organisations'].includes(name))
        await page.screenshot({ path: join(SCREENSHOTS, `coordinator-${name}-ar.png`), fullPage: true });
    }
    await ctx.close();
  }, 90_000);
});

describe('the coordinator screens refuse everyone else', () => {
  const paths = () => [
    '/nl/organisations',
    '/nl/organisations/new',
    `/nl/organisations/${organisationId}`,
    '/nl/counsellors',
    `/nl/counsellors/${DEMO_ADVISORS['advisor-anna']}`,
    `/nl/queue/${matchedCase}`,
    '/nl/billing',
    `/nl/billing/invoices/${invoiceNumber}/pdf`,
  ];

  it.each(['advisor-anna', 'employer-erik', 'auditor-ada'])(
    '%s gets 403 and no data on every coordinator page',
    async (username) => {
      const { context: ctx, page } = await context();
      await signIn(page, username);
      for (const path of paths()) {
        const response = await page.goto(`${portal.url}${path}`).catch(() => undefined);
        // A download is not a page: its status comes from a plain request with the same session.
        const status = response ? response.status() : (await page.request.get(`${portal.url}${path}`)).status();
        expect([path, status]).toEqual([path, 403]);
        if (response && !path.endsWith('/pdf')) {
          const html = await response.text();
          expect(html).not.toContain(ORG.name);
          expect(html).not.toContain('Bram Jansen');
          await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
        }
      }
      await page.goto(`${portal.url}/nl`);
      expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).innerText()).not.toContain('Organisaties');
      await ctx.close();
    },
    60_000,
  );

  it("gives another agency's coordinator nothing of this agency: 404 for its records, its own empty lists", async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'coordinator-noor');
    for (const path of [
      `/nl/organisations/${organisationId}`,
      `/nl/counsellors/${DEMO_ADVISORS['advisor-anna']}`,
      `/nl/queue/${matchedCase}`,
    ]) {
      const response = await page.goto(`${portal.url}${path}`);
      expect([path, response!.status()]).toEqual([path, 404]);
      expect(await response!.text()).not.toContain(ORG.name);
    }
    expect((await page.request.get(`${portal.url}/nl/billing/invoices/${invoiceNumber}/pdf`)).status()).toBe(404);
    for (const path of ['/nl/organisations', '/nl/counsellors', '/nl/billing']) {
      const response = await page.goto(`${portal.url}${path}`);
      expect([path, response!.status()]).toEqual([path, 200]);
      const html = await response!.text();
      expect(html).not.toContain(ORG.name);
      expect(html).not.toContain(ORG_SCRIPTLESS.name);
      expect(html).not.toContain('Anna de Vries');
    }
    await ctx.close();
  }, 60_000);
});

describe('afterwards', () => {
  it('no page answered 500, and axe found no violation on any page', () => {
    expect(serverErrors).toEqual([]);
    expect(axeViolations).toEqual([]);
  });

  it("the portal's log holds neither tokens nor the report's text", () => {
    const log = portal.output();
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\./);
    expect(log).not.toContain(ACCOUNT);
  });
});
