import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '@vertrouwd/auth';
import { CaseOpenedV1 } from '@vertrouwd/contracts';
import { publishAs } from '@vertrouwd/messaging';
import { eventually } from '@vertrouwd/testing';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { type Platform } from './platform';
import {
  axeChecker,
  openPage,
  SCREENSHOTS,
  signInFromHeader,
  startPortalUnderTest,
  stopPortalUnderTest,
  type RunningPortal,
} from './portal';

// The oversight screens in a real browser against the real platform (as portal.e2e-spec.ts, plus matching for the
// platform admin): the counsellor writes a past year's report and is warned, the coordinator publishes it, the
// employer downloads an invoice from a real invoice run and reads the published report, compliance and benchmarks,
// the auditor replays a case, reproduces the report and reads the access log, the admin registers an agency. The
// year's cases reach reporting as case's events do, dated in that year (a year is published only once it is over).
const BAKKERIJ = DEMO_ORGANISATIONS['org-bakkerij'];
const YEAR = 2025;
// Planted where a case reaches reporting (its id) and where the reporter wrote (the account's follow-up message):
// neither may appear on any page of reports, compliance, benchmarks or reproduction.
const CANARY_CASE = '5eed0000-0000-4000-8000-0000000ca5e5';
const REPORTER_MESSAGE = 'CANARY-oversight: de chef van de ploegendienst schreeuwde weer.';
// Five on bullying and two on intimidation: the two (and, through the total, the five) are suppressed.
const THEMES = ['bullying', 'bullying', 'bullying', 'bullying', 'bullying', 'intimidation', 'intimidation'] as const;

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let annaCase: string;
let published: { digest: string; tables: { id: string; cells: { key: string; value: number | null }[] }[] };

const cspViolations: string[] = [];
const axeViolations: string[] = [];

async function call(url: string, user: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: await platform.bearer(user), 'content-type': 'application/json' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

/** The year's cases of the bakkerij, as case publishes them, received in that year. */
async function publishPastYear(): Promise<void> {
  for (const [i, theme] of THEMES.entries()) {
    const caseId = i === 0 ? CANARY_CASE : `5eed0000-0000-4000-8000-00000000c0${i}0`;
    const at = `${YEAR}-0${1 + (i % 3) * 3}-1${i}T10:00:00Z`;
    await publishAs(platform.reporting.platform.bus, CaseOpenedV1, caseId, {
      caseId,
      agencyId: DEMO_AGENCY_ID,
      organisationId: BAKKERIJ,
      theme,
      relation: 'manager',
      anonymity: 'anonymous',
      receivedAt: at,
      openedAt: at,
    });
  }
  const draft = `${platform.reporting.url}/agencies/${DEMO_AGENCY_ID}/organisations/${BAKKERIJ}/reports/${YEAR}/draft`;
  await eventually(
    async () => {
      const body = (await (await call(draft, 'coordinator-carla')).json()) as {
        tables: { id: string; cells: { value: number | null }[] }[];
      };
      expect(body.tables.find((t) => t.id === 'total')?.cells[0]?.value).toBe(THEMES.length);
    },
    { timeoutMs: 20_000 },
  );
}

/** Billing as the coordinator sets it up through billing's API, and an invoice run over the year's first quarters. */
async function invoiceRun(): Promise<void> {
  const base = `${platform.billing.url}/agencies/${DEMO_AGENCY_ID}/billing`;
  await platform.setUpBillingAccount();
  const priceList = {
    effectiveFrom: '2025-01-01',
    period: 'quarter',
    hourlyRateCents: 12_500,
    vatRatePercent: '21',
    bands: [
      { minHeadcount: 1, plan: 'collective', yearlyFeeCents: 45_000, includedHoursPerYear: 0 },
      { minHeadcount: 50, plan: 'custom', yearlyFeeCents: 180_000, includedHoursPerYear: 12 },
    ],
  };
  expect((await call(`${base}/price-lists`, 'coordinator-carla', { method: 'POST', body: priceList })).status).toBe(201);
  const subscription = {
    startsOn: '2026-01-01',
    address: { name: 'Bakkerij De Korenaar', street: 'Stationsweg 1', postcode: '3811 MA', city: 'Amersfoort', country: 'NL' },
    buyerReference: 'VP-bakkerij',
    language: 'nl',
  };
  await eventually(
    async () => {
      const answer = await call(`${base}/subscriptions/${BAKKERIJ}`, 'coordinator-carla', { method: 'PUT', body: subscription });
      expect(answer.status).toBe(204);
    },
    { timeoutMs: 20_000 },
  );
  const run = await call(`${base}/invoice-runs`, 'coordinator-carla', { method: 'POST', body: { through: '2026-03-31' } });
  expect(run.status).toBeLessThan(300);
}

beforeAll(async () => {
  ({ platform, portal, browser } = await startPortalUnderTest({ matching: true, bakeryInMatching: true }));
  annaCase = await platform.fileReport({ reporterMessage: REPORTER_MESSAGE });
  await Promise.all([publishPastYear(), invoiceRun()]);
}, 240_000);

afterAll(() => stopPortalUnderTest({ browser, portal, platform }));

const context = (options: BrowserContextOptions = {}) =>
  openPage(browser, { problems: cspViolations, console: /Content.Security.Policy/i }, { acceptDownloads: true, ...options });

const signIn = (page: Page, username: string) => signInFromHeader({ portal, platform }, page, username);

const checkAxe = axeChecker(axeViolations);

/** The same page in Arabic: right to left, axe-clean, and a screenshot of each language. */
async function inDutchAndArabic(page: Page, path: string, name: string): Promise<void> {
  for (const lang of ['nl', 'ar'] as const) {
    const response = await page.goto(`${portal.url}/${lang}${path}`);
    expect([path, lang, response!.status()]).toEqual([path, lang, 200]);
    expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await checkAxe(page, `${name}, ${lang}`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}.png`), fullPage: true });
  }
}

/** Reloads the page until `row` holds `text` (a list that follows the service's events a moment later). */
async function shownAfterReload(page: Page, row: ReturnType<Page['locator']>, text: string): Promise<void> {
  await eventually(
    async () => {
      await page.reload();
      expect(await row.count()).toBe(1);
      expect(await row.innerText()).toContain(text);
    },
    { timeoutMs: 15_000 },
  );
}

const canaryFree = (html: string) => {
  expect(html).not.toContain(CANARY_CASE);
  expect(html).not.toContain(REPORTER_MESSAGE);
};

const reportPage = `/annual-reports?organisation=${BAKKERIJ}&year=${YEAR}`;
const reproductionPage = `/reproduction?organisation=${BAKKERIJ}&year=${YEAR}&publication=1`;

/** The screens of other roles, opened by the signed-in user: each 403 with the page saying so, nothing of the report. */
async function refuses(page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    const response = await page.goto(`${portal.url}/nl${path}`);
    expect([path, response!.status()]).toEqual([path, 403]);
    const html = await response!.text();
    if (published) expect(html).not.toContain(published.digest);
    canaryFree(html);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
  }
}

describe("the year's annual report", () => {
  it('the counsellor writes signals and advice, is warned of a name and a small number, and corrects them', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna');
    // Anna opens her case (a read the auditor will see, with its reason).
    await page.goto(`${portal.url}/nl/cases/${annaCase}`);
    await page.getByText(REPORTER_MESSAGE).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Jaarrapportages schrijven' }).click();
    await page.waitForURL(`${portal.url}/nl/annual-reports`);
    // Chosen by name (Anna serves the bakkerij), never by an id.
    await page.getByLabel('Organisatie').selectOption({ label: 'Bakkerij De Korenaar' });
    await page.getByLabel('Jaar').selectOption(String(YEAR));
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL(`${portal.url}/nl${reportPage}`);
    await page
      .getByRole('heading', { name: new RegExp(`Bakkerij De Korenaar`) })
      .first()
      .waitFor();
    expect(await page.getByTestId('table-total').innerText()).toContain(String(THEMES.length));
    canaryFree(await page.content());

    await page
      .getByLabel('Signalen', { exact: true })
      .fill('Vooral pesten door een leidinggevende, gemeld door twee medewerkers van Pieter.');
    await page.getByLabel('Adviezen', { exact: true }).fill('Train leidinggevenden in het voeren van lastige gesprekken.');
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.getByTestId('narrative-warnings').waitFor();
    const warning = await page.getByTestId('signals-warning').innerText();
    expect(warning).toContain('Lijkt een naam te bevatten');
    expect(warning).toContain('Bevat een klein aantal');
    expect(await page.getByTestId('advice-warning').count()).toBe(0);
    // The warning is tied to its field for a screen reader.
    expect(await page.getByLabel('Signalen', { exact: true }).getAttribute('aria-describedby')).toContain('signals-warning');
    await checkAxe(page, 'annual report, warned');
    await page.screenshot({ path: join(SCREENSHOTS, 'annual-report-warned-nl.png'), fullPage: true });

    await page.getByLabel('Signalen', { exact: true }).fill('Vooral pesten door een leidinggevende, gemeld door meerdere medewerkers.');
    await page.getByRole('button', { name: 'Tekst opslaan' }).click();
    await page.getByText('De tekst is opgeslagen.').waitFor();
    // The advisor does not publish: the reporting service leaves that to the coordinator, and the page says so.
    expect(await page.getByRole('button', { name: `Rapportage ${YEAR} publiceren` }).count()).toBe(0);
    await page.getByText('De coördinator van het bureau publiceert de rapportage.').waitFor();
    await inDutchAndArabic(page, reportPage, 'annual-report');
    await refuses(page, ['/compliance', reproductionPage, '/access-log', '/agencies']);
    await ctx.close();
  }, 90_000);

  it('the coordinator publishes it, with scripts off', async () => {
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'coordinator-carla');
    await page.goto(`${portal.url}/nl${reportPage}`);
    expect(await page.getByLabel('Signalen', { exact: true }).inputValue()).toBe(
      'Vooral pesten door een leidinggevende, gemeld door meerdere medewerkers.',
    );
    await page.getByRole('button', { name: `Rapportage ${YEAR} publiceren` }).click();
    await page.getByText('De rapportage is gepubliceerd.').waitFor();
    expect(await page.getByTestId('publications').innerText()).toContain('Publicatie 1');
    // This year is not over: the service refuses, and the page says why.
    await page.goto(`${portal.url}/nl/annual-reports?organisation=${BAKKERIJ}&year=${YEAR + 1}`);
    await page.getByRole('button', { name: `Rapportage ${YEAR + 1} publiceren` }).click();
    await page.getByText('Een jaar wordt pas gepubliceerd als het voorbij is.').waitFor();
    await refuses(page, ['/compliance', reproductionPage, '/access-log', '/agencies']);
    await ctx.close();

    const answer = await call(`${platform.reporting.url}/organisations/${BAKKERIJ}/reports/${YEAR}`, 'employer-erik');
    published = (await answer.json()) as typeof published;
    expect(published.digest).toMatch(/^[0-9a-f]{64}$/);
  }, 90_000);
});

describe('the employer', () => {
  it('downloads an invoice and reads the published report: suppressed cells as "< 5" with the legend, never their figure', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'employer-erik');
    await page.goto(`${portal.url}/nl/invoices`);
    const pdfLink = page.getByRole('link', { name: /^PDF van / }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.goto(`${portal.url}/nl/reports`);
    await page.getByRole('link', { name: `Rapportage ${YEAR}` }).click();
    await page.waitForURL(`${portal.url}/nl/reports/${YEAR}`);
    await page.getByTestId('legend').waitFor();
    expect(await page.locator('.portal-digest code').innerText()).toBe(published.digest);
    // Every cell the service suppressed reads "< 5" in the page; every shown cell its figure.
    for (const table of published.tables) {
      const rows = await page.getByTestId(`table-${table.id}`).locator('tbody tr td').allInnerTexts();
      expect([table.id, rows]).toEqual([table.id, table.cells.map((c) => (c.value === null ? '< 5' : String(c.value)))]);
    }
    const byTheme = published.tables.find((t) => t.id === 'by-theme')!;
    expect(byTheme.cells.filter((c) => c.value === null).length).toBeGreaterThan(0);
    expect(await page.getByTestId('table-by-theme').innerText()).toContain('intimidatie\t< 5');
    canaryFree(await page.content());
    await inDutchAndArabic(page, `/reports/${YEAR}`, 'report');

    // Compliance and benchmarks of the published year: the agency's rate blank, with the rule that blanked it (one
    // organisation with cases, or, with the bakery's record from matching too, too few reports for the cell).
    await page.goto(`${portal.url}/nl/compliance`);
    await page.getByLabel('Jaar').selectOption(String(YEAR));
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForURL(`${portal.url}/nl/compliance?year=${YEAR}`);
    const agencyRow = page.getByTestId('benchmarks').locator('tr', { hasText: 'Alle organisaties van het bureau' });
    expect(await agencyRow.locator('td').first().innerText()).toBe('—');
    expect(await agencyRow.locator('td').nth(1).innerText()).toMatch(/^te weinig (organisaties|meldingen)$/);
    await page.getByTestId('legend').waitFor();
    canaryFree(await page.content());
    await inDutchAndArabic(page, `/compliance?year=${YEAR}`, 'compliance');
    await refuses(page, [reportPage, '/access-log', reproductionPage, '/agencies']);
    await ctx.close();
  }, 120_000);
});

describe('the auditor', () => {
  it('replays a case, reproduces the report to its digest, and reads deadlines and the access log with reasons', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'auditor-ada');
    await page.goto(`${portal.url}/nl/audit`);
    await page.getByRole('link', { name: `Herhaling van zaak ${annaCase.slice(0, 8)}` }).click();
    await page.waitForURL(`${portal.url}/nl/audit/${annaCase}`);
    expect(await page.getByTestId('chain-case').innerText()).toMatch(/^geverifieerd: \d+ gebeurtenissen$/);
    expect(await page.content()).not.toContain(REPORTER_MESSAGE);

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages nagaan' }).click();
    await page.waitForURL(`${portal.url}/nl/reproduction`);
    await page.getByRole('link', { name: `${YEAR}, publicatie 1 opnieuw opbouwen` }).click();
    await page.getByTestId('reproduction-verdict').waitFor();
    expect(await page.getByTestId('reproduction-verdict').innerText()).toMatch(/^Gelijk/);
    expect(await page.getByTestId('published-digest').innerText()).toBe(published.digest);
    expect(await page.getByTestId('reproduced-digest').innerText()).toBe(published.digest);
    canaryFree(await page.content());
    await inDutchAndArabic(page, `/reproduction?organisation=${BAKKERIJ}&year=${YEAR}&publication=1`, 'reproduction');

    await page.goto(`${portal.url}/nl/access-log`);
    expect(await page.getByTestId('deadline-compliance').innerText()).toContain('Wet bescherming klokkenluiders');
    const reasons = await page.getByTestId('read-reason').allInnerTexts();
    expect(reasons).toContain('werk aan de zaak');
    expect(await page.content()).not.toContain(REPORTER_MESSAGE);
    await inDutchAndArabic(page, '/access-log', 'access-log');
    await refuses(page, ['/compliance', reportPage, '/agencies']);
    await ctx.close();
  }, 90_000);

  it("reads the organisation by its name on the reproduction screen, with scripts off too; the other agency's auditor never reads it", async () => {
    const BAKKERIJ_NAME = 'Bakkerij De Korenaar';
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'auditor-ada');
    await page.goto(`${portal.url}/nl/reproduction`);
    const choice = page.getByLabel('Organisatie', { exact: true });
    expect(await choice.locator('option').allInnerTexts()).toContain(BAKKERIJ_NAME);
    await choice.selectOption({ label: BAKKERIJ_NAME });
    await page.getByRole('button', { name: 'Tonen', exact: true }).click();
    await page.waitForURL(`${portal.url}/nl/reproduction?organisation=${BAKKERIJ}`);
    await page.getByRole('heading', { level: 2, name: `Publicaties van organisatie ${BAKKERIJ_NAME}` }).waitFor();
    // The name where an id was: the id's short form is nowhere on the page.
    expect(await page.locator('main').innerText()).not.toContain(BAKKERIJ.slice(0, 8));
    await ctx.close();

    const scripted = await context();
    await signIn(scripted.page, 'auditor-ada');
    await inDutchAndArabic(scripted.page, `/reproduction?organisation=${BAKKERIJ}`, 'reproduction-organisation');
    // Last shown in Arabic: the name as it is written, inside the right-to-left page.
    expect(await scripted.page.locator('main').innerText()).toContain(BAKKERIJ_NAME);
    await scripted.context.close();

    const other = await context();
    await signIn(other.page, 'auditor-nadia');
    const own = await other.page.goto(`${portal.url}/nl/reproduction`);
    expect(own!.status()).toBe(200);
    expect(await own!.text()).not.toContain(BAKKERIJ_NAME);
    await other.context.close();
  }, 90_000);
});

describe('the platform admin', () => {
  it('registers an agency (a missing name refused, the field named), appoints its coordinator, suspends and reinstates it', async () => {
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'admin-adam');
    await page.goto(`${portal.url}/nl/agencies`);
    await page.getByRole('button', { name: 'Bureau aanmelden' }).click();
    await page.getByText('Vul een naam in van hoogstens 200 tekens.').waitFor();
    expect(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-describedby')).toContain('name-error');
    await page.getByLabel('Naam', { exact: true }).fill('Vertrouwenspunt Zuid');
    await page.getByRole('button', { name: 'Bureau aanmelden' }).click();
    await page.getByText('Het bureau is aangemeld.').waitFor();
    // Matching's list follows its events a moment later: the admin reloads until the agency is in it.
    const row = page.getByTestId('agencies').locator('tr', { hasText: 'Vertrouwenspunt Zuid' });
    await shownAfterReload(page, row, 'actief');

    await page.getByLabel('Bureau', { exact: true }).selectOption({ label: 'Vertrouwenspunt Zuid' });
    await page.getByLabel('Gebruikersnaam').fill('coordinator-zuid');
    await page.getByLabel('E-mailadres').fill('coordinator@zuid.example');
    await page.getByRole('button', { name: 'Coördinator aanstellen' }).click();
    await page.getByText('De coördinator is aangesteld.').waitFor();
    await shownAfterReload(page, row, '1 coördinator,');

    await page.getByRole('button', { name: 'Vertrouwenspunt Zuid opschorten' }).click();
    await page.getByText('Het bureau is opgeschort.').waitFor();
    await shownAfterReload(page, row, 'opgeschort');
    await page.getByRole('button', { name: 'Vertrouwenspunt Zuid weer activeren' }).click();
    await page.getByText('Het bureau is weer actief.').waitFor();
    await ctx.close();

    const scripted = await context();
    await signIn(scripted.page, 'admin-adam');
    await inDutchAndArabic(scripted.page, '/agencies', 'agencies');
    await refuses(scripted.page, ['/compliance', reportPage, '/access-log', reproductionPage, '/reports']);
    await scripted.context.close();
  }, 90_000);
});

describe('other tenants get nothing of the bakkerij', () => {
  const repro = `/nl${reproductionPage}`;
  it.each([
    // another organisation's employer: their own pages hold nothing of the bakkerij's
    ['employer-niels', [`/nl/reports/${YEAR}`], ['/nl/reports']],
    // the other agency's coordinator and auditor: the bakkerij is no organisation of theirs
    ['coordinator-noor', [`/nl${reportPage}`], []],
    ['auditor-nadia', [repro], ['/nl/reproduction']],
  ] as const)(
    '%s: 404 for the bakkerij, and nothing of it on their own pages',
    async (username, notFound, own) => {
      const { context: ctx, page } = await context();
      await signIn(page, username);
      for (const path of notFound) {
        const response = await page.goto(`${portal.url}${path}`);
        expect([path, response!.status()]).toEqual([path, 404]);
        expect(await response!.text()).not.toContain(published.digest);
      }
      for (const path of own) {
        const response = await page.goto(`${portal.url}${path}`);
        expect([path, response!.status()]).toEqual([path, 200]);
        const html = await response!.text();
        expect(html).not.toContain(published.digest);
        expect(html).not.toContain(BAKKERIJ);
      }
      await ctx.close();
    },
    60_000,
  );
});

describe('afterwards', () => {
  it('no page broke the Content-Security-Policy, and axe found no violation on any page', () => {
    expect(cspViolations).toEqual([]);
    expect(axeViolations).toEqual([]);
  });

  it("the portal's own log holds no case content", () => {
    expect(portal.output()).not.toContain(REPORTER_MESSAGE);
  });
});
