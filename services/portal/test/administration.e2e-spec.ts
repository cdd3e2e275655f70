import { join } from 'node:path';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '@vertrouwd/auth';
import { type Browser, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
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

// The coordinator's administration of the agency in a real browser against the real platform with matching (the
// bakery onboarded in it): a counsellor onboarded (their account made at the dev issuer), a conflict of interest
// declared with the bakery by its name, the agency's pool matching and retention period changed, each seen on the
// page and in the services; then with scripts off the service's refusals named at their fields, a profile changed,
// the bakery's details changed, the conflict withdrawn, the counsellor leaving after a confirmation page and coming back. Every
// page passes axe in Dutch and Arabic; the other roles get 403 and another agency's coordinator 404, with nothing of
// the agency (or the planted canary in the new counsellor's introduction) in what they get.
const BAKERY = { id: DEMO_ORGANISATIONS['org-bakkerij'], name: 'Bakkerij De Korenaar', renamed: 'Bakkerij De Korenaar en Zonen' };
const CARMEN = { name: 'Carmen Lopez', username: 'carmen.lopez', email: 'carmen.lopez@example.test' };
const CANARY = 'Canary-administration-7d1f: alleen voor de coordinator van dit bureau.';

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let carmenId: string;
const axeViolations: string[] = [];
const serverErrors: string[] = [];

beforeAll(async () => {
  ({ platform, portal, browser } = await startPortalUnderTest({ matching: true, bakeryInMatching: true }));
}, 240_000);

afterAll(() => stopPortalUnderTest({ browser, portal, platform }));

const context = (options: BrowserContextOptions = {}) => openPage(browser, { problems: serverErrors, serverErrors: true }, options);

const checkAxe = axeChecker(axeViolations);

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `administration-${name}.png`), fullPage: true });
}

const submit = (page: Page, button: string): Promise<Response> => submitForm(portal.url, page, button);

async function matchingRead<T>(path: string): Promise<T> {
  const response = await fetch(`${platform.matching!.url}/agencies/${DEMO_AGENCY_ID}${path}`, {
    headers: { authorization: await platform.bearer('coordinator-carla') },
  });
  expect([path, response.status]).toEqual([path, 200]);
  return (await response.json()) as T;
}

describe('the coordinator', () => {
  it('onboards a counsellor, declares a conflict with an organisation by its name, and changes the settings; each is reflected', async () => {
    const { context: ctx, page } = await context();
    await signInAt(portal.url, page, 'coordinator-carla');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vertrouwenspersonen' }).click();
    await page.getByRole('link', { name: 'Nieuwe vertrouwenspersoon aansluiten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe vertrouwenspersoon aansluiten' }).waitFor();
    await hydrated(page);
    await checkAxe(page, 'onboarding');
    await screenshot(page, 'onboarding-nl');
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill(CARMEN.username);
    await page.getByLabel('E-mailadres', { exact: true }).fill(CARMEN.email);
    await page.getByLabel('Naam', { exact: true }).fill(CARMEN.name);
    await page.getByLabel('Introductie (optioneel)').fill(CANARY);
    await page.getByLabel('ongewenst gedrag', { exact: true }).check();
    await page.getByLabel('Spaans', { exact: true }).check();
    await page.getByLabel('vrouw', { exact: true }).check();
    await page.getByLabel('Utrecht', { exact: true }).check();
    await page.getByLabel('mediation', { exact: true }).check();
    await page.getByLabel('Hoogstens lopende zaken').fill('8');
    await page.getByLabel('Hoogstens uren per week aan zaken').fill('12');
    await page.getByRole('button', { name: 'Vertrouwenspersoon aansluiten' }).click();
    await page.getByText('De vertrouwenspersoon is aangesloten en heeft een account.').waitFor();
    carmenId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(CARMEN.name);
    const profile = await page.locator('main').innerText();
    expect(profile).toContain('Nederlands, Spaans');
    expect(profile).toContain('0 van 8 zaken; hoogstens 12 uur per week aan zaken');
    // The account exists at the identity provider: Carmen signs in as an advisor of the agency.
    const carmen = await context();
    await signInAt(portal.url, carmen.page, CARMEN.username);
    expect(await carmen.page.locator('main').innerText()).toContain('vertrouwenspersoon');
    await carmen.context.close();

    // A conflict of interest with the bakery, chosen by its name and listed by its name, never its id.
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: BAKERY.name });
    await page.getByRole('button', { name: 'Conflict vastleggen' }).click();
    await page.getByText('Het belangenconflict is vastgelegd.').waitFor();
    expect(await page.getByTestId('conflicts').innerText()).toContain(`Met ${BAKERY.name}; opnieuw bekijken uiterlijk`);
    expect(await page.locator('main').innerText()).not.toContain(BAKERY.id);
    // Declared once: the picker no longer offers it.
    expect(await page.getByLabel('Organisatie', { exact: true }).locator('option').allInnerTexts()).not.toContain(BAKERY.name);
    const inMatching = await matchingRead<{ conflicts: { organisationId: string }[] }>(`/counsellors/${carmenId}`);
    expect(inMatching.conflicts.map((k) => k.organisationId)).toEqual([BAKERY.id]);
    await hydrated(page);
    await checkAxe(page, 'counsellor with a conflict');
    await screenshot(page, 'counsellor-nl');

    // The agency's settings: pool matching on, and a retention period where there was none.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen van het bureau' }).waitFor();
    expect(await page.getByTestId('matching-settings').innerText()).toContain('uit: wat de eigen vertrouwenspersonen niet kunnen nemen');
    expect(await page.getByTestId('retention-now').innerText()).toContain('Nog niet ingesteld');
    await hydrated(page);
    await checkAxe(page, 'settings');
    await page.getByLabel('Ja, de koppeling mag uit de pool kiezen').check();
    await page.getByRole('button', { name: 'Instellingen van de koppeling opslaan' }).click();
    await page.getByText('De instellingen van de koppeling zijn opgeslagen.').waitFor();
    expect(await page.getByTestId('matching-settings').innerText()).toContain('aan: de koppeling mag uit de pool kiezen');
    await page.getByLabel('Maanden na het sluiten').fill('24');
    await page.getByRole('button', { name: 'Bewaartermijn opslaan' }).click();
    await page.getByText('De bewaartermijn is opgeslagen.').waitFor();
    expect(await page.getByTestId('retention-now').innerText()).toBe('Een gesloten zaak wordt 24 maanden na het sluiten gewist.');
    expect((await matchingRead<{ settings: { poolMatching: boolean } }>('/settings')).settings.poolMatching).toBe(true);
    const retention = await fetch(`${platform.cases.url}/agencies/${DEMO_AGENCY_ID}/retention`, {
      headers: { authorization: await platform.bearer('coordinator-carla') },
    });
    expect(await retention.json()).toEqual({ agencyId: DEMO_AGENCY_ID, monthsAfterClosure: 24 });
    await screenshot(page, 'settings-nl');
    await ctx.close();
  }, 90_000);

  it('with scripts off: refusals named at their fields, a profile and the details changed, the conflict withdrawn, and a counsellor leaving after confirming', async () => {
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signInAt(portal.url, page, 'coordinator-carla');

    // Onboarding refused by the service: a username it does not take, named with its label; the typed values kept.
    await page.goto(`${portal.url}/nl/counsellors/new`);
    await page.getByLabel('Gebruikersnaam', { exact: true }).fill('Daan Smit');
    await page.getByLabel('E-mailadres', { exact: true }).fill('daan@example.test');
    await page.getByLabel('Naam', { exact: true }).fill('Daan Smit');
    await page.getByLabel('integriteit', { exact: true }).check();
    await page.getByLabel('man', { exact: true }).check();
    await page.getByLabel('Hoogstens lopende zaken').fill('5');
    await page.getByLabel('Hoogstens uren per week aan zaken').fill('8');
    const refused = await submit(page, 'Vertrouwenspersoon aansluiten');
    expect(refused.status()).toBe(422);
    expect(await page.getByTestId('refusal-onboard').innerText()).toContain('Gebruikersnaam: de vorm klopt niet');
    expect(await page.getByLabel('Gebruikersnaam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Daan Smit');
    expect(await page.getByLabel('integriteit', { exact: true }).isChecked()).toBe(true);
    expect(await page.title()).toMatch(/^Fout: /);

    // The profile: more capacity and another language.
    await page.goto(`${portal.url}/nl/counsellors/${carmenId}`);
    await page.getByRole('link', { name: 'Profiel wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: `Profiel van ${CARMEN.name} wijzigen` }).waitFor();
    expect(await page.getByLabel('Hoogstens lopende zaken').inputValue()).toBe('8');
    await page.getByLabel('Hoogstens lopende zaken').fill('300');
    expect((await submit(page, 'Profiel opslaan')).status()).toBe(422);
    expect(await page.getByTestId('refusal-profile').innerText()).toContain('Hoogstens lopende zaken: het getal is te groot');
    await page.getByLabel('Hoogstens lopende zaken').fill('9');
    await page.getByLabel('Engels', { exact: true }).check();
    expect((await submit(page, 'Profiel opslaan')).status()).toBe(303);
    await page.getByText('Het profiel is gewijzigd.').waitFor();
    const changed = await page.locator('main').innerText();
    expect(changed).toContain('Nederlands, Engels, Spaans');
    expect(changed).toContain('0 van 9 zaken');

    // The bakery's details: a wrong intake code named, then a new name, which the conflict then shows.
    await page.goto(`${portal.url}/nl/organisations/${BAKERY.id}`);
    await page.locator('[id="details-intakeCode"]').fill('X');
    expect((await submit(page, 'Gegevens opslaan')).status()).toBe(422);
    expect(await page.getByTestId('refusal-details').innerText()).toContain('Meldcode: de vorm klopt niet');
    await page.locator('[id="details-intakeCode"]').fill('bakkerij-2026');
    await page.locator('[id="details-name"]').fill(BAKERY.renamed);
    expect((await submit(page, 'Gegevens opslaan')).status()).toBe(303);
    await page.getByText('De gegevens zijn gewijzigd.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(BAKERY.renamed);

    await page.goto(`${portal.url}/nl/counsellors/${carmenId}`);
    expect(await page.getByTestId('conflicts').innerText()).toContain(`Met ${BAKERY.renamed};`);
    expect((await submit(page, `Conflict met ${BAKERY.renamed} intrekken`)).status()).toBe(303);
    await page.getByText('Het belangenconflict is ingetrokken.').waitFor();
    await page.getByText('Geen belangenconflicten gemeld.').waitFor();

    // Leaving: the link leads to a confirmation; only its button posts.
    await page.getByRole('link', { name: `${CARMEN.name} laten vertrekken` }).click();
    await page.getByRole('heading', { level: 1, name: `${CARMEN.name} laten vertrekken` }).waitFor();
    expect(await page.locator('main').innerText()).toContain('wordt hun account uitgeschakeld');
    expect((await matchingRead<{ status: string }>(`/counsellors/${carmenId}`)).status).toBe('active');
    expect((await submit(page, `Ja, ${CARMEN.name} vertrekt`)).status()).toBe(303);
    await page.getByText('De vertrouwenspersoon is vertrokken').waitFor();
    expect(await page.locator('main').innerText()).toContain('vertrokken');
    expect(await page.getByRole('link', { name: `${CARMEN.name} laten vertrekken` }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Profiel wijzigen' }).count()).toBe(0);

    // Coming back: the page of someone who left links to a confirmation; only its button posts.
    await page.getByRole('link', { name: `${CARMEN.name} laten terugkomen` }).click();
    await page.getByRole('heading', { level: 1, name: `${CARMEN.name} laten terugkomen` }).waitFor();
    expect(await page.locator('main').innerText()).toContain('wordt hun account weer ingeschakeld');
    await screenshot(page, 'reactivation-confirm-nl');
    expect((await matchingRead<{ status: string }>(`/counsellors/${carmenId}`)).status).toBe('inactive');
    expect((await submit(page, `Ja, ${CARMEN.name} komt terug`)).status()).toBe(303);
    await page.getByText('De vertrouwenspersoon is terug').waitFor();
    expect((await matchingRead<{ status: string }>(`/counsellors/${carmenId}`)).status).toBe('active');
    expect(await page.getByRole('link', { name: 'Profiel wijzigen' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: `${CARMEN.name} laten terugkomen` }).count()).toBe(0);

    // A retention period out of range: the service's rule at the field.
    await page.goto(`${portal.url}/nl/settings`);
    await page.getByLabel('Maanden na het sluiten').fill('0');
    expect((await submit(page, 'Bewaartermijn opslaan')).status()).toBe(422);
    expect(await page.getByTestId('refusal-retention').innerText()).toContain('Maanden na het sluiten: het getal is te klein');
    expect(await page.getByLabel('Maanden na het sluiten').getAttribute('aria-invalid')).toBe('true');
    await ctx.close();
  }, 90_000);
});

describe('every page', () => {
  it('passes axe in Dutch and Arabic, right to left in Arabic', async () => {
    // The onboarding, counsellor and settings pages passed in Dutch in the journey already.
    const pages = (lang: string): [string, string][] => [
      ...(lang === 'ar'
        ? ([
            ['onboarding', `/ar/counsellors/new`],
            ['counsellor', `/ar/counsellors/${carmenId}`],
            ['settings', `/ar/settings`],
          ] as [string, string][])
        : []),
      ['profile', `/${lang}/counsellors/${DEMO_ADVISORS['advisor-bram']}/profile`],
      ['deactivation', `/${lang}/counsellors/${DEMO_ADVISORS['advisor-bram']}/deactivation`],
      ['reactivation', `/${lang}/counsellors/${carmenId}/reactivation`],
      ['organisation', `/${lang}/organisations/${BAKERY.id}`],
    ];
    for (const lang of ['nl', 'ar'] as const) {
      const { context: ctx, page } = await context();
      await signInAt(portal.url, page, 'coordinator-carla', lang);
      for (const [name, path] of pages(lang)) {
        const response = await page.goto(`${portal.url}${path}`);
        expect([path, response!.status()]).toEqual([path, 200]);
        expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await hydrated(page);
        await checkAxe(page, `${name}, ${lang}`);
        if (lang === 'ar' || name === 'deactivation' || name === 'profile') await screenshot(page, `${name}-${lang}`);
      }
      await ctx.close();
    }
  }, 90_000);
});

describe('the administration screens refuse everyone else', () => {
  const paths = () => [
    '/nl/counsellors/new',
    `/nl/counsellors/${carmenId}`,
    `/nl/counsellors/${carmenId}/profile`,
    `/nl/counsellors/${DEMO_ADVISORS['advisor-bram']}/deactivation`,
    `/nl/counsellors/${carmenId}/reactivation`,
    '/nl/settings',
    `/nl/organisations/${BAKERY.id}`,
  ];

  it.each(['advisor-anna', 'employer-erik', 'auditor-ada', 'admin-adam'])(
    '%s gets 403 and nothing of the agency, and a form posted changes nothing',
    async (username) => {
      const { context: ctx, page } = await context();
      await signInAt(portal.url, page, username);
      for (const path of paths()) {
        // The same session as a page's: the answer is what the browser would get.
        const response = await page.request.get(`${portal.url}${path}`);
        expect([path, response.status()]).toEqual([path, 403]);
        const html = await response.text();
        for (const secret of [CARMEN.name, BAKERY.renamed, CANARY, 'Bram Jansen'])
          expect([path, html.includes(secret)]).toEqual([path, false]);
      }
      const posted = await page.request.post(`${portal.url}/nl/settings`, { form: { intent: 'retention', monthsAfterClosure: '1' } });
      expect(posted.status()).toBe(403);
      const retention = await fetch(`${platform.cases.url}/agencies/${DEMO_AGENCY_ID}/retention`, {
        headers: { authorization: await platform.bearer('coordinator-carla') },
      });
      expect(((await retention.json()) as { monthsAfterClosure: number }).monthsAfterClosure).toBe(24);
      const deactivation = await page.request.post(`${portal.url}/nl/counsellors/${DEMO_ADVISORS['advisor-bram']}/deactivation`);
      expect(deactivation.status()).toBe(403);
      expect((await page.request.post(`${portal.url}/nl/counsellors/${carmenId}/reactivation`)).status()).toBe(403);
      await page.goto(`${portal.url}/nl`);
      expect(await page.locator('header').innerText()).not.toContain('Instellingen');
      await ctx.close();
    },
    60_000,
  );

  it("gives another agency's coordinator 404 for this agency's counsellor and organisation, and lets a post change nothing", async () => {
    const { context: ctx, page } = await context();
    await signInAt(portal.url, page, 'coordinator-noor');
    for (const path of paths().filter((p) => p.includes(carmenId) || p.includes(DEMO_ADVISORS['advisor-bram']) || p.includes(BAKERY.id))) {
      const response = await page.request.get(`${portal.url}${path}`);
      expect([path, response.status()]).toEqual([path, 404]);
      const html = await response.text();
      for (const secret of [CARMEN.name, BAKERY.renamed, CANARY]) expect([path, html.includes(secret)]).toEqual([path, false]);
    }
    const deactivation = await page.request.post(`${portal.url}/nl/counsellors/${DEMO_ADVISORS['advisor-bram']}/deactivation`);
    expect(deactivation.status()).toBe(404);
    expect((await page.request.post(`${portal.url}/nl/counsellors/${carmenId}/reactivation`)).status()).toBe(404);
    const details = await page.request.post(`${portal.url}/nl/organisations/${BAKERY.id}`, {
      form: {
        intent: 'details',
        name: 'Overgenomen',
        intakeCode: 'overgenomen',
        kvkNumber: '30111222',
        sbiCode: '1071',
        regions: 'utrecht',
        languages: 'nl',
      },
    });
    expect(details.status()).toBe(404);
    const onboarding = await page.goto(`${portal.url}/nl/counsellors/new`);
    expect(onboarding!.status()).toBe(200);
    expect(await onboarding!.text()).not.toContain(BAKERY.renamed);
    expect((await matchingRead<{ status: string }>(`/counsellors/${DEMO_ADVISORS['advisor-bram']}`)).status).toBe('active');
    expect((await matchingRead<{ name: string }>(`/organisations/${BAKERY.id}`)).name).toBe(BAKERY.renamed);
    await ctx.close();
  }, 60_000);
});

describe('afterwards', () => {
  it('no page answered 500, and axe found no violation on any page', () => {
    expect(serverErrors).toEqual([]);
    expect(axeViolations).toEqual([]);
  });

  it("the portal's log holds neither tokens nor the canary", () => {
    const log = portal.output();
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\./);
    expect(log).not.toContain(CANARY);
  });
});
