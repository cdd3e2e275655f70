import { join } from 'node:path';
import { amsterdamToday } from '@vertrouwd/domain';
import { eventually } from '@vertrouwd/testing';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { type Platform } from './platform';
import {
  axeChecker,
  hydrated,
  JWT,
  openPage,
  SCREENSHOTS,
  signInAt,
  startPortalUnderTest,
  stopPortalUnderTest,
  type RunningPortal,
} from './portal';

// The advisor's case work in a real browser against the real platform (intake, case and matching): a conversation
// recorded and its summary shared, the reporter's consent asked, a referral refused until the reporter confirms it
// (the reporter answers through intake's API, as their follow-up pages do), time logged, aftercare, and the
// advisor's own work outside cases. With scripts on and off; axe on every page in Dutch and Arabic; the role matrix.
const SUMMARY = 'We spraken over de vergadering van maandag; de melder wil eerst advies van de vakbond.';
const SCRIPTLESS_SUMMARY = 'Kort telefonisch gesprek over de roosters van december.';
const PLAN = 'Over zes weken bellen of het beter gaat op de afdeling.';
const AFTERCARE_NOTE = 'Gebeld: het gaat beter, de leidinggevende is aangesproken.';
const WORKSHOP = 'Workshop grensoverschrijdend gedrag voor de ploegleiders';
const IDENTITY = 'Marieke Visser, afdeling inpak';
const REVEAL_REASON = 'Bram neemt het gesprek met de leidinggevende over en moet weten wie je bent.';
const QUESTION = 'Een leidinggevende schreeuwt tegen een medewerker in het bijzijn van klanten; eerst bemiddelen of meteen HR?';
const ANSWER = 'Eerst een gesprek met de melder over wat die zelf wil; bemiddeling alleen als beiden dat willen.';
const TRANSFER_REASON = 'Ik ben vanaf volgende week drie maanden afwezig.';
// What every report of the test says (platform.ts): the case's content, never on a page of a colleague who does not hold it.
const ACCOUNT = 'my manager shouts at me';
const CASE_TEXTS = [SUMMARY, SCRIPTLESS_SUMMARY, PLAN, AFTERCARE_NOTE, IDENTITY, REVEAL_REASON, QUESTION, ANSWER, TRANSFER_REASON];

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let caseId: string;
let scriptlessCase: string;
let handoverCase: string;
const axeViolations: string[] = [];
const pageErrors: string[] = [];
const yesterday = amsterdamToday(-1);

beforeAll(async () => {
  ({ platform, portal, browser } = await startPortalUnderTest({ matching: true, bakeryInMatching: true }));
  caseId = await platform.fileReport();
  scriptlessCase = await platform.fileReport();
  handoverCase = await platform.fileReport({ knownAs: IDENTITY });
}, 240_000);

afterAll(() => stopPortalUnderTest({ browser, portal, platform }));

// The new sections hydrate under the Content-Security-Policy like every page: no violation, no script error.
const context = (options: BrowserContextOptions = {}) =>
  openPage(browser, { problems: pageErrors, console: /Content.Security.Policy|hydrat/i }, options);

function signIn(page: Page, username: string, lang: 'nl' | 'ar' = 'nl'): Promise<void> {
  return signInAt(portal.url, page, username, lang);
}

const checkAxe = axeChecker(axeViolations, { hydratedFirst: true });

/** The reporter's side, through intake's API as their follow-up pages call it. */
let reporter: string | undefined;
async function asReporter(path: string, method = 'GET', body?: object): Promise<Response> {
  reporter ??= await platform.reporterToken(caseId);
  return fetch(`${platform.intake.url}/intake/cases/${caseId}${path}`, {
    method,
    headers: { authorization: `Bearer ${reporter}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

const notice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe("the advisor's case page", () => {
  it('records a conversation, shares its summary, asks consent, refers once it is confirmed, logs hours and aftercare', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna');
    await page.goto(`${portal.url}/nl/cases/${caseId}`);
    expect(await page.getByTestId('deadline-acknowledgement').innerText()).toMatch(/^loopt: uiterlijk /);
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await page.getByText('De ontvangst is bevestigd.').waitFor();
    // The clocks are the case service's read model: met once it has the acknowledgement.
    await eventually(
      async () => {
        await page.goto(`${portal.url}/nl/cases/${caseId}`);
        expect(await page.getByTestId('deadline-acknowledgement').innerText()).toMatch(/^gehaald: gedaan op /);
      },
      { timeoutMs: 20_000 },
    );
    expect(await page.getByTestId('deadline-feedback').innerText()).toMatch(/^loopt: uiterlijk /);

    // A conversation and its summary, shared with the reporter.
    const conversations = page.getByTestId('conversations');
    await conversations.getByLabel('Datum van het gesprek').fill(yesterday);
    await conversations.getByLabel('Duur in minuten').fill('45');
    await conversations.getByLabel('Vorm').selectOption({ label: 'telefoon' });
    await conversations.getByLabel('Verslag', { exact: true }).fill(SUMMARY);
    await conversations.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await notice(page, 'Het gesprek is vastgelegd.');
    expect(await page.getByTestId('summary-state').innerText()).toBe('Verslag: nog niet gedeeld met de melder.');
    await page.getByRole('button', { name: 'Verslag delen met de melder' }).click();
    await notice(page, 'Het verslag is gedeeld met de melder.');
    expect(await page.getByTestId('summary-state').innerText()).toBe('Verslag: versie 1 gedeeld, wacht op antwoord van de melder.');

    // The reporter's consent to a referral to the trade union, recorded from that conversation.
    const consents = page.getByTestId('consents');
    await consents.getByLabel('Gesprek waarin de melder toestemming gaf').selectOption({ index: 1 });
    await consents.getByLabel('Toestemming voor').selectOption({ label: 'doorverwijzing' });
    await consents.getByLabel('Doorverwijzen naar').selectOption({ label: 'vakbond' });
    await consents.getByRole('button', { name: 'Toestemming aan de melder voorleggen' }).click();
    await notice(page, 'De toestemming is vastgelegd');
    expect(await page.getByTestId('consent').innerText()).toMatch(/^doorverwijzing naar vakbond: gevraagd, wacht op bevestiging/);

    // Not confirmed yet: the case service refuses the referral, and the page says why (its rule, not a 500).
    const referrals = page.getByTestId('referrals');
    await referrals.getByLabel('Doorverwijzen naar').selectOption({ label: 'vakbond' });
    await referrals.getByRole('button', { name: 'Doorverwijzen' }).click();
    await referrals.getByRole('alert').filter({ hasText: 'geen geldende toestemming van de melder' }).waitFor();
    await checkAxe(page, 'case with a refused referral');

    // The reporter approves the summary and confirms the consent through their follow-up.
    const { summaries } = (await (await asReporter('/summaries')).json()) as { summaries: { summaryId: string }[] };
    expect((await asReporter(`/summaries/${summaries[0].summaryId}/approval`, 'POST', { version: 1 })).status).toBe(204);
    const { consents: asked } = (await (await asReporter('/consents')).json()) as { consents: { consentId: string }[] };
    expect((await asReporter(`/consents/${asked[0].consentId}/confirmation`, 'POST')).status).toBe(204);
    await eventually(
      async () => {
        await page.goto(`${portal.url}/nl/cases/${caseId}`);
        expect(await page.getByTestId('summary-state').innerText()).toBe('Verslag: versie 1 goedgekeurd door de melder.');
        expect(await page.getByTestId('consent').innerText()).toMatch(/^doorverwijzing naar vakbond: geldt/);
      },
      { timeoutMs: 20_000 },
    );

    await referrals.getByLabel('Doorverwijzen naar').selectOption({ label: 'vakbond' });
    await referrals.getByRole('button', { name: 'Doorverwijzen' }).click();
    await notice(page, 'De doorverwijzing is vastgelegd.');
    expect(await page.getByTestId('referral').innerText()).toMatch(/vakbond \(met toestemming\)$/);

    // Time on the case, by kind.
    const hours = page.getByTestId('hours');
    await hours.getByLabel('Datum').fill(yesterday);
    await hours.getByLabel('Duur in minuten').fill('30');
    await hours.getByLabel('Soort werk').selectOption({ label: 'gesprek' });
    await hours.getByRole('button', { name: 'Tijd schrijven' }).click();
    await notice(page, 'De tijd is geschreven.');
    expect(await page.getByTestId('hours-total').innerText()).toBe('30');

    // Aftercare planned, then recorded as done.
    const aftercare = page.getByTestId('aftercare');
    await aftercare.getByLabel('Gepland op').fill(amsterdamToday(42));
    await aftercare.getByLabel('Plan voor de nazorg').fill(PLAN);
    await aftercare.getByRole('button', { name: 'Nazorg plannen' }).click();
    await notice(page, 'De nazorg is gepland.');
    await aftercare.getByLabel('Wat er in de nazorg is gedaan').fill(AFTERCARE_NOTE);
    await aftercare.getByRole('button', { name: 'Nazorg vastleggen als gedaan' }).click();
    await notice(page, 'De nazorg is vastgelegd als gedaan.');
    expect(await page.getByTestId('aftercare-plan').innerText()).toContain(AFTERCARE_NOTE);

    await checkAxe(page, 'case with its work');
    await hydrated(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'casework-nl.png'), fullPage: true });

    // Each step reached the case, by Anna's own token.
    const types = (await platform.cases.platform.store.readStream(`case-${caseId}`)).map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'ConversationRecorded',
        'SummaryShared',
        'SummaryApproved',
        'ConsentRecorded',
        'ConsentConfirmed',
        'ReferralMade',
        'HoursLogged',
        'AftercarePlanned',
        'AftercareRecorded',
      ]),
    );
    await ctx.close();
  }, 120_000);

  it('works with scripts off: a refused form names its field and keeps what was typed; a good one redirects', async () => {
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'advisor-anna');
    await page.goto(`${portal.url}/nl/cases/${scriptlessCase}`);
    const conversations = page.getByTestId('conversations');
    // Tomorrow: the case service refuses a conversation on a future day; the date field says so.
    await conversations.getByLabel('Datum van het gesprek').fill(amsterdamToday(2));
    await conversations.getByLabel('Duur in minuten').fill('20');
    await conversations.getByLabel('Vorm').selectOption({ label: 'telefoon' });
    await conversations.getByLabel('Verslag', { exact: true }).fill(SCRIPTLESS_SUMMARY);
    await conversations.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    const date = page.getByTestId('conversations').getByLabel('Datum van het gesprek');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const error = await page.locator(`#${(await date.getAttribute('aria-describedby'))!.split(' ').at(-1)}`).innerText();
    expect(error).toMatch(/^Datum van het gesprek: /);
    expect(await page.getByTestId('conversations').getByLabel('Verslag', { exact: true }).inputValue()).toBe(SCRIPTLESS_SUMMARY);
    expect(await page.title()).toMatch(/^Er is een probleem/);

    await date.fill(yesterday);
    await page.getByTestId('conversations').getByRole('button', { name: 'Gesprek vastleggen' }).click();
    expect(page.url()).toBe(`${portal.url}/nl/cases/${scriptlessCase}?done=conversation`);
    await notice(page, 'Het gesprek is vastgelegd.');

    const hours = page.getByTestId('hours');
    await hours.getByLabel('Datum').fill(yesterday);
    await hours.getByLabel('Duur in minuten').fill('15');
    await hours.getByLabel('Soort werk').selectOption({ label: 'administratie' });
    await hours.getByRole('button', { name: 'Tijd schrijven' }).click();
    expect(page.url()).toBe(`${portal.url}/nl/cases/${scriptlessCase}?done=hours`);
    expect(await page.getByTestId('hours-total').innerText()).toBe('15');

    // Her own work: an absence whose last day is before its first is refused at that field; a workshop is recorded.
    await page.goto(`${portal.url}/nl/work`);
    await page.getByLabel('Eerste dag').fill(amsterdamToday(10));
    await page.getByLabel('Laatste dag').fill(amsterdamToday(8));
    await page.getByRole('button', { name: 'Afwezigheid doorgeven' }).click();
    expect(await page.getByLabel('Laatste dag').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByRole('alert')
      .filter({ hasText: /^Laatste dag: / })
      .waitFor();
    await page.getByLabel('Laatste dag').fill(amsterdamToday(12));
    await page.getByRole('button', { name: 'Afwezigheid doorgeven' }).click();
    expect(page.url()).toBe(`${portal.url}/nl/work?done=absence`);
    // Matching's lists follow its events: the absence shows once its read model has it.
    await eventually(
      async () => {
        await page.goto(`${portal.url}/nl/work`);
        expect(await page.getByTestId('absences').count()).toBe(1);
      },
      { timeoutMs: 20_000 },
    );
    expect(await page.getByTestId('absences').innerText()).toMatch(/^van .+ tot en met /);
    await ctx.close();
  }, 120_000);
});

describe("the advisor's own work", () => {
  it('records an activity for an organisation she serves and lists it with her absences', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn werk' }).click();
    await page.waitForURL(`${portal.url}/nl/work`);
    await page.getByLabel('Organisatie').selectOption({ label: 'Bakkerij De Korenaar' });
    await page.getByLabel('Soort activiteit').selectOption({ label: 'workshop' });
    await page.getByLabel('Datum').fill(yesterday);
    await page.getByLabel('Duur in minuten').fill('90');
    await page.getByLabel('Wat je deed').fill(WORKSHOP);
    await page.getByRole('button', { name: 'Activiteit vastleggen' }).click();
    await notice(page, 'De activiteit is vastgelegd.');
    await eventually(
      async () => {
        await page.goto(`${portal.url}/nl/work`);
        expect(await page.getByTestId('engagements').count()).toBe(1);
      },
      { timeoutMs: 20_000 },
    );
    const row = page.getByTestId('engagements').getByRole('row').filter({ hasText: WORKSHOP });
    expect(await row.innerText()).toMatch(/Bakkerij De Korenaar\s+workshop\s+90/);
    await checkAxe(page, 'my work');
    await hydrated(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'work-nl.png'), fullPage: true });
    await ctx.close();
  }, 60_000);
});

describe('with colleagues', () => {
  it('Anna asks an identity reveal for Bram (the reporter approves), asks his second opinion and offers him the case', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna');
    await page.goto(`${portal.url}/nl/cases/${handoverCase}`);
    const identity = page.getByTestId('identity');
    expect(await identity.getByTestId('identity-state').innerText()).toBe(
      'De melder heeft een identiteit opgegeven; die is niet aan jou onthuld.',
    );
    await identity.getByLabel('Wie mag de identiteit zien').selectOption({ label: 'Bram Jansen' });
    await identity.getByLabel('Reden voor de melder').fill(REVEAL_REASON);
    await identity.getByRole('button', { name: 'Identiteit opvragen' }).click();
    await notice(page, 'Het verzoek om de identiteit is vastgelegd.');
    expect(await page.getByTestId('reveal').innerText()).toMatch(
      /^Voor Bram Jansen, gevraagd op .+: gevraagd, wacht op de melder\nReden: .?Bram neemt/,
    );

    // The reporter approves through their follow-up (intake's API, as the reporter site's identity page calls it).
    const reporter = await platform.reporterToken(handoverCase);
    const intake = (path: string, method = 'GET') =>
      fetch(`${platform.intake.url}/intake/cases/${handoverCase}${path}`, { method, headers: { authorization: `Bearer ${reporter}` } });
    const { identityReveals } = (await (await intake('/identity-reveals')).json()) as { identityReveals: { revealId: string }[] };
    expect(identityReveals).toHaveLength(1);
    expect((await intake(`/identity-reveals/${identityReveals[0].revealId}/approval`, 'POST')).status).toBe(204);
    await eventually(
      async () => {
        await page.goto(`${portal.url}/nl/cases/${handoverCase}`);
        expect(await page.getByTestId('reveal').innerText()).toMatch(/: goedgekeurd door de melder op /);
      },
      { timeoutMs: 20_000 },
    );
    // Named for Bram, not for Anna: she still does not see it.
    expect(await page.getByTestId('identity-state').innerText()).not.toContain(IDENTITY);

    // A de-identified question for Bram.
    const consultations = page.getByTestId('consultations');
    await consultations.getByLabel('Collega').selectOption({ label: 'Bram Jansen' });
    await consultations.getByLabel('Je vraag').fill(QUESTION);
    await consultations.getByRole('button', { name: 'Vraag stellen' }).click();
    await notice(page, 'Je vraag is aan je collega gesteld.');
    expect(await page.getByTestId('consultation').innerText()).toContain('Nog geen antwoord.');

    // Nobody else can act on the agency's cases: a colleague the case service does not know is refused at the field,
    // the question kept (posted as the form would be, with an id no option has).
    const refused = await page.evaluate(
      async ([url, question]) => {
        const form = new URLSearchParams({ intent: 'consult', colleagueId: '6d0c3a5e-0f8f-4a39-9d55-1b1f4f0d7c11', question });
        const response = await fetch(url, { method: 'POST', body: form });
        return { status: response.status, html: await response.text() };
      },
      [`${portal.url}/nl/cases/${handoverCase}`, QUESTION] as const,
    );
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('Collega: deze collega kan niet aan de zaak werken');
    expect(refused.html).toMatch(/id="consult-colleagueId"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="consult-colleagueId"/);
    expect(refused.html).toContain(QUESTION);

    // The case offered to Bram: it stays Anna's until he accepts.
    const transfer = page.getByTestId('transfer');
    await transfer.getByLabel('Collega').selectOption({ label: 'Bram Jansen' });
    await transfer.getByLabel('Reden van de overdracht').fill(TRANSFER_REASON);
    await transfer.getByRole('button', { name: 'Zaak aanbieden' }).click();
    await notice(page, 'De zaak is aangeboden aan je collega');
    expect(await page.getByTestId('handover').innerText()).toMatch(/^Aangeboden aan Bram Jansen op .+: wacht op antwoord/);
    await checkAxe(page, 'case with colleagues');
    await hydrated(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'casework-colleagues-nl.png'), fullPage: true });
    await page.goto(`${portal.url}/ar/cases/${handoverCase}`);
    await page.getByRole('heading', { level: 2, name: 'استشارة الزملاء' }).waitFor();
    await checkAxe(page, 'case with colleagues, ar');
    await hydrated(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'casework-colleagues-ar.png'), fullPage: true });
    await ctx.close();
  }, 120_000);

  it('Bram sees the question and the offer, nothing of the case, until he accepts (pages in Dutch and Arabic)', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-bram');
    // Not his case yet: the case page is a 404.
    expect((await page.goto(`${portal.url}/nl/cases/${handoverCase}`))!.status()).toBe(404);
    // His lists follow the case's events a moment later.
    await eventually(
      async () => {
        await page.goto(`${portal.url}/nl/cases`);
        expect(await page.getByTestId('handover-offer').count()).toBe(1);
      },
      { timeoutMs: 20_000 },
    );
    for (const lang of ['nl', 'ar'] as const) {
      const cases = await page.goto(`${portal.url}/${lang}/cases`);
      const html = await cases!.text();
      for (const secret of [ACCOUNT, IDENTITY, TRANSFER_REASON, REVEAL_REASON, QUESTION]) expect(html).not.toContain(secret);
      await page.getByTestId('handover-offer').waitFor();
      await checkAxe(page, `handovers, ${lang}`);
      await hydrated(page);
      await page.screenshot({ path: join(SCREENSHOTS, `casework-handovers-${lang}.png`), fullPage: true });
      const asked = await page.goto(`${portal.url}/${lang}/consultations`);
      const text = await asked!.text();
      expect(text).toContain(QUESTION);
      // The question only: not the case it is about (its reference, theme or content).
      for (const secret of [ACCOUNT, IDENTITY, handoverCase, handoverCase.slice(0, 8), REVEAL_REASON]) expect(text).not.toContain(secret);
      await checkAxe(page, `consultations, ${lang}`);
      await hydrated(page);
      await page.screenshot({ path: join(SCREENSHOTS, `casework-consultations-${lang}.png`), fullPage: true });
    }
    await page.goto(`${portal.url}/nl/cases`);
    expect(await page.getByTestId('handover-offer').innerText()).toMatch(/^Zaak .+, pesten, ontvangen op /);
    await ctx.close();
  }, 90_000);

  it('with scripts off Bram answers, Anna reads the answer, and Bram accepts the case and sees the identity named for him', async () => {
    const bram = await context({ javaScriptEnabled: false });
    await signIn(bram.page, 'advisor-bram');
    await bram.page.goto(`${portal.url}/nl/consultations`);
    expect(await bram.page.getByTestId('asked').innerText()).toMatch(/^Van Anna de Vries, /);
    await bram.page.getByLabel('Je antwoord').fill(ANSWER);
    await bram.page.getByRole('button', { name: 'Antwoord geven' }).click();
    expect(bram.page.url()).toMatch(new RegExp(`^${portal.url}/nl/consultations\\?done=answer&consultation=`));
    // The form is gone at once; the answer shows once the list has it.
    expect(await bram.page.getByRole('button', { name: 'Antwoord geven' }).count()).toBe(0);
    await eventually(
      async () => {
        await bram.page.goto(`${portal.url}/nl/consultations`);
        expect(await bram.page.getByTestId('my-answer').innerText()).toContain(ANSWER);
      },
      { timeoutMs: 20_000 },
    );

    const anna = await context();
    await signIn(anna.page, 'advisor-anna');
    await eventually(
      async () => {
        await anna.page.goto(`${portal.url}/nl/cases/${handoverCase}`);
        expect(await anna.page.getByTestId('consultation-answer').innerText()).toMatch(new RegExp(`^Antwoord van .+: ${ANSWER}$`));
      },
      { timeoutMs: 20_000 },
    );

    await bram.page.goto(`${portal.url}/nl/cases`);
    await bram.page.getByRole('button', { name: /^Overdracht van .+ aannemen$/ }).click();
    expect(bram.page.url()).toBe(`${portal.url}/nl/cases/${handoverCase}?done=handover-accepted`);
    await notice(bram.page, 'Je hebt de overdracht aangenomen: de zaak is nu van jou.');
    expect(await bram.page.getByTestId('identity-state').innerText()).toBe(`Identiteit: ${IDENTITY}`);
    expect(await bram.page.getByTestId('transferred').innerText()).toMatch(
      new RegExp(`^Overgedragen door Anna de Vries op .+${TRANSFER_REASON}`),
    );
    await bram.context.close();

    // And Anna no longer reaches it.
    expect((await anna.page.goto(`${portal.url}/nl/cases/${handoverCase}`))!.status()).toBe(404);
    await anna.context.close();
    const types = (await platform.cases.platform.store.readStream(`case-${handoverCase}`)).map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'IdentityRevealRequested',
        'IdentityRevealDecided',
        'PeerConsultationRequested',
        'PeerConsultationAnswered',
        'CaseHandoverOffered',
        'CaseTransferred',
      ]),
    );
  }, 120_000);
});

describe('a handover refused', () => {
  it('Anna offers a case with scripts off; Bram refuses; the case stays hers and her page says so', async () => {
    const anna = await context({ javaScriptEnabled: false });
    await signIn(anna.page, 'advisor-anna');
    await anna.page.goto(`${portal.url}/nl/cases/${scriptlessCase}`);
    const transfer = anna.page.getByTestId('transfer');
    await transfer.getByLabel('Collega').selectOption({ label: 'Bram Jansen' });
    await transfer.getByLabel('Reden van de overdracht').fill(TRANSFER_REASON);
    await transfer.getByRole('button', { name: 'Zaak aanbieden' }).click();
    expect(anna.page.url()).toBe(`${portal.url}/nl/cases/${scriptlessCase}?done=transfer`);
    expect(await anna.page.getByTestId('handover').innerText()).toMatch(/^Aangeboden aan Bram Jansen op /);

    const bram = await context();
    await signIn(bram.page, 'advisor-bram');
    const refuse = bram.page.getByRole('button', { name: `Overdracht van ${scriptlessCase.slice(0, 8)} weigeren` });
    await eventually(
      async () => {
        await bram.page.goto(`${portal.url}/nl/cases`);
        expect(await refuse.count()).toBe(1);
      },
      { timeoutMs: 20_000 },
    );
    await refuse.click();
    await notice(bram.page, 'Je hebt de overdracht geweigerd; de zaak blijft bij je collega.');
    expect(await bram.page.getByTestId('handover-offer').count()).toBe(0);
    expect((await bram.page.goto(`${portal.url}/nl/cases/${scriptlessCase}`))!.status()).toBe(404);
    await bram.context.close();

    await anna.page.goto(`${portal.url}/nl/cases/${scriptlessCase}`);
    expect(await anna.page.getByTestId('handover-declined').innerText()).toMatch(/^Bram Jansen heeft de overdracht op .+ geweigerd\.$/);
    await anna.page.getByTestId('transfer').getByRole('button', { name: 'Zaak aanbieden' }).waitFor();
    await anna.context.close();
  }, 90_000);
});

describe('a legal duty to disclose', () => {
  it('with scripts off: warned, told a referral needs its one target, recorded; it allows that referral, and the reporter sees it', async () => {
    const EXPLANATION = 'De melder vertelde dat een collega met geweld wordt bedreigd; de wet verplicht mij dit te melden.';
    const dutyCase = await platform.fileReport();
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'advisor-anna');
    await page.goto(`${portal.url}/nl/cases/${dutyCase}`);
    const duties = page.getByTestId('legal-duties');
    expect(await duties.innerText()).toContain('Er is geen wettelijke plicht vastgelegd.');
    // The form is folded away behind the warning of what a duty means.
    await duties.getByText('Een wettelijke plicht vastleggen').click();
    const warning = await duties.getByTestId('legal-duty-warning').innerText();
    expect(warning).toContain('gaat vóór je geheimhouding en vóór de toestemming van de melder');
    expect(warning).toContain('niet in te trekken');
    await duties.getByLabel('Wettelijke grond').selectOption({ label: 'acuut levensgevaar' });
    await duties.getByLabel('Stap die de plicht toestaat').selectOption({ label: 'doorverwijzing' });
    await duties.getByLabel('Toelichting voor de melder').fill(EXPLANATION);
    await duties.getByRole('button', { name: 'Wettelijke plicht vastleggen' }).click();
    // A referral without its target: refused at that field, what was typed kept, nothing recorded.
    const target = duties.getByLabel('Doorverwijzen naar');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect(
      await duties
        .getByRole('alert')
        .filter({ hasText: /^Doorverwijzen naar: / })
        .count(),
    ).toBe(1);
    expect(await duties.getByLabel('Toelichting voor de melder').inputValue()).toBe(EXPLANATION);
    await target.selectOption({ label: 'politie' });
    await duties.getByRole('button', { name: 'Wettelijke plicht vastleggen' }).click();
    expect(page.url()).toBe(`${portal.url}/nl/cases/${dutyCase}?done=legal-duty`);
    await notice(page, 'De wettelijke plicht is vastgelegd.');
    const duty = await duties.getByTestId('legal-duty').innerText();
    expect(duty).toMatch(/^Wettelijke plicht voor doorverwijzing naar politie: acuut levensgevaar /);
    expect(duty).toContain(EXPLANATION);
    expect(await page.locator('.portal-timeline').innerText()).toContain('Wettelijke plicht vastgelegd');

    // Without the reporter's consent, the duty allows exactly that referral.
    const referrals = page.getByTestId('referrals');
    await referrals.getByLabel('Doorverwijzen naar').selectOption({ label: 'politie' });
    await referrals.getByRole('button', { name: 'Doorverwijzen' }).click();
    expect(page.url()).toBe(`${portal.url}/nl/cases/${dutyCase}?done=referral`);
    expect(await page.getByTestId('referral').innerText()).toContain('politie (op grond van een wettelijke plicht)');
    await ctx.close();

    // The reporter reads the duty, its reason and the explanation in their follow-up (intake's API, as their pages call it).
    const reporterToken = await platform.reporterToken(dutyCase);
    await eventually(
      async () => {
        const answer = await fetch(`${platform.intake.url}/intake/cases/${dutyCase}/consents`, {
          headers: { authorization: `Bearer ${reporterToken}` },
        });
        const { legalDuties } = (await answer.json()) as { legalDuties: { reason: string; referralType: string | null }[] };
        expect(legalDuties).toEqual([expect.objectContaining({ reason: 'danger-to-life', referralType: 'police' })]);
      },
      { timeoutMs: 20_000 },
    );

    // The section in Dutch and Arabic, with scripts on: axe-clean, the warning shown, a screenshot of each.
    const scripted = await context();
    await signIn(scripted.page, 'advisor-anna');
    for (const lang of ['nl', 'ar'] as const) {
      await scripted.page.goto(`${portal.url}/${lang}/cases/${dutyCase}`);
      const section = scripted.page.getByTestId('legal-duties');
      await hydrated(scripted.page);
      await section.locator('summary').click();
      await section.getByTestId('legal-duty-warning').waitFor();
      expect(await scripted.page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await checkAxe(scripted.page, `legal duty, ${lang}`);
      await section.screenshot({ path: join(SCREENSHOTS, `casework-legal-duty-${lang}.png`) });
    }
    await scripted.context.close();
    expect(portal.output()).not.toContain(EXPLANATION);
  }, 120_000);
});

describe('in Arabic', () => {
  it('the case page with its work and the work page are right to left and pass axe', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna', 'ar');
    await page.goto(`${portal.url}/ar/cases/${caseId}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 2, name: 'المحادثات والملخصات' }).waitFor();
    await checkAxe(page, 'case, ar');
    await hydrated(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'casework-ar.png'), fullPage: true });
    await page.goto(`${portal.url}/ar/work`);
    await page.getByRole('heading', { level: 1, name: 'عملي' }).waitFor();
    await checkAxe(page, 'work, ar');
    await hydrated(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'work-ar.png'), fullPage: true });
    await ctx.close();
  }, 60_000);
});

describe('who may not', () => {
  it.each([['coordinator-carla'], ['auditor-ada'], ['employer-erik']])(
    '%s gets 403 on the case page, the work page and the peer questions',
    async (username) => {
      const { context: ctx, page } = await context();
      await signIn(page, username);
      for (const path of [`/nl/cases/${caseId}`, '/nl/work', '/nl/consultations']) {
        const response = await page.goto(`${portal.url}${path}`);
        expect([path, response!.status()]).toEqual([path, 403]);
        expect(await response!.text()).not.toContain(SUMMARY);
      }
      await ctx.close();
    },
    60_000,
  );

  it("another advisor gets 404 on Anna's case, for the page and for a step posted to it", async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-bram');
    const response = await page.goto(`${portal.url}/nl/cases/${caseId}`);
    expect(response!.status()).toBe(404);
    expect(await response!.text()).not.toContain(SUMMARY);
    const hoursLogged = async () =>
      (await platform.cases.platform.store.readStream(`case-${caseId}`)).filter((e: { type: string }) => e.type === 'HoursLogged').length;
    const before = await hoursLogged();
    const posted = await page.evaluate(async (url) => {
      const form = new URLSearchParams({ intent: 'hours', workedOn: '2026-01-05', minutes: '30', activity: 'advice' });
      return (await fetch(url, { method: 'POST', body: form, redirect: 'manual' })).status;
    }, `${portal.url}/nl/cases/${caseId}`);
    expect(posted).toBe(404);
    expect(await hoursLogged()).toBe(before);
    await ctx.close();
  }, 60_000);
});

describe('afterwards', () => {
  it('axe found no violation on any page, and no page broke the Content-Security-Policy or failed to hydrate', () => {
    expect(axeViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("the portal's own log holds neither tokens nor a case's content", () => {
    const log = portal.output();
    expect(log).not.toMatch(JWT);
    for (const text of [...CASE_TEXTS, WORKSHOP]) expect(log).not.toContain(text);
  });
});
