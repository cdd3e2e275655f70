import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '@vertrouwd/auth';
import { amsterdamToday } from '@vertrouwd/domain';
import { eventually } from '@vertrouwd/testing';
import { axeViolations } from '@vertrouwd/web-kit/testing';
import { asStaff, startPlatform, type Platform } from './platform';
import { buildSite, startSite, type RunningSite } from './reporter-site';

// The reporter's whole journey in a real browser against the real platform: intake and case running with their own
// databases, the bus and the key vault, and the site started as `npm start` runs it, with its own database for the
// follow-up sessions. Debian's Chromium, driven by playwright-core (nothing downloaded). The journey runs twice:
// with JavaScript off (Tor Browser's "Safest" level) in Dutch, and with JavaScript on in Arabic; the second run also
// checks every page with axe (WCAG 2.1 A and AA) in Arabic and Dutch, at 320 px wide, and saves screenshots.
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '../../../tmp/reporter-site');
const CODE = 'bakkerij-2026';
/** The demo directory's other organisation of the agency (deploy/test/directory.fixture.ts publishes both). */
const OTHER_CODE = 'zorggroep-2026';
const CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/** Planted in the reporter's personal fields (name, e-mail address) and in what they write. */
const NAME_CANARY = 'CANARY-Pietersen-0698765432';
const MAIL_CANARY = 'canary-pietersen';
const TEXT_CANARY = 'CANARY-bericht-7731';
const ANNA = DEMO_ADVISORS['advisor-anna'];
const BRAM = DEMO_ADVISORS['advisor-bram'];

type Language = 'nl' | 'ar';
interface IntakePageData {
  themes: { theme: string; label: string }[];
  relations: { value: string; label: string }[];
  anonymity: { value: string; label: string }[];
  contactOptions: { value: string; label: string }[];
  counsellors: { name: string }[];
  questions: Record<string, string>;
  outOfScope: { workload: { title: string } };
  nextSteps: { items: string[] };
  consent: { paragraphs: string[] };
}

let platform: Platform;
let site: RunningSite;
let browser: Browser;
/** Every page the browser loaded, with its headers and its HTML. */
const documents: { url: string; status: number; headers: Record<string, string>; html: string }[] = [];
/** Cases the coordinator has seen, so each journey finds its own new one. */
const knownCases = new Set<string>();
/** A receipt from the journeys, for the session tests. */
let lastReceipt: { receiptCode: string; passphrase: string } | undefined;

beforeAll(async () => {
  buildSite();
  platform = await startPlatform();
  site = await startSite(platform.intake.url, platform.siteDatabase.url);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await platform?.stop();
});

async function intakePage(lang: Language): Promise<IntakePageData> {
  return (await (await fetch(`${platform.intake.url}/intake/${CODE}?lang=${lang}`)).json()) as IntakePageData;
}

/** A context that records every request and every page, with scripts off or on (then axe can be injected). */
async function browse(javaScript: boolean): Promise<{ context: BrowserContext; page: Page; requested: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    bypassCSP: javaScript,
    viewport: { width: 1000, height: 900 },
  });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('response', (response) => void keepDocument(response));
  return { context, page, requested };
}

async function keepDocument(response: Response): Promise<void> {
  if (response.request().resourceType() !== 'document') return;
  const status = response.status();
  const html = status >= 300 && status < 400 ? '' : await response.text().catch(() => '');
  documents.push({ url: response.url(), status, headers: response.headers(), html });
}

/** What every reporter page must be: the strict headers, never cached, not one script element. */
async function expectPlainPage(page: Page, response: Response | null): Promise<void> {
  if (response) {
    expect(response.headers()['content-security-policy']).toBe(CSP);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
  }
  expect(await page.locator('script').count()).toBe(0);
  expect(await page.content()).not.toMatch(/<script|modulepreload|\son[a-z]+=/i);
}

/** Clicks a button and waits for the page it leads to (post-redirect-get, or the form again). */
async function submit(page: Page, name: string | RegExp): Promise<Response | null> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name, exact: typeof name === 'string' }).click(),
  ]);
  await expectPlainPage(page, response);
  return response;
}

async function open(page: Page, path: string): Promise<Response | null> {
  const response = await page.goto(`${site.url}${path}`);
  await expectPlainPage(page, response);
  return response;
}

/** Reloads the page until it shows what a bus hop brings (the counsellor's step reaching intake). */
async function reloadUntil(page: Page, check: () => Promise<boolean>): Promise<void> {
  await eventually(
    async () => {
      await page.reload();
      if (!(await check())) throw new Error(`not yet on ${page.url()}`);
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}

/** At 320 CSS pixels wide nothing scrolls sideways (WCAG 1.4.10 reflow): the page's width, and what sticks out. */
async function reflowWidth(page: Page): Promise<{ width: number; wide: string[] }> {
  await page.setViewportSize({ width: 320, height: 800 });
  const measured = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    wide: [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > 320 || e.getBoundingClientRect().left < 0)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().width)}px`),
  }));
  await page.setViewportSize({ width: 1000, height: 900 });
  return measured;
}

/**
 * Checks a page as it stands (scripts on): axe finds nothing, it reflows at 320 px, and a screenshot is kept; with
 * `both`, the same address in the other language too (it is a GET page), then back.
 */
async function audit(page: Page, name: string, lang: Language, both = true): Promise<void> {
  const here = page.url();
  const languages: Language[] = both ? [lang, lang === 'ar' ? 'nl' : 'ar'] : [lang];
  for (const l of languages) {
    if (l !== lang) await open(page, new URL(here).pathname.replace(`/${lang}`, `/${l}`));
    expect({ page: `${name}-${l}`, violations: await axeViolations(page) }).toEqual({ page: `${name}-${l}`, violations: [] });
    const { width, wide } = await reflowWidth(page);
    if (width > 320) throw new Error(`${name}-${l} scrolls sideways at 320 px: ${width} px wide (${wide.join('; ')})`);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${l}.png`), fullPage: true });
  }
  if (both) await open(page, new URL(here).pathname);
}

/** A step of the counsellor's, through case's API; a command that races a bus message (409) is tried again. */
async function staff(user: string, path: string, body: object = {}): Promise<Record<string, unknown>> {
  return eventually(
    async () => {
      const answer = await asStaff(platform, user, 'POST', path, body);
      if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    { timeoutMs: 20_000, intervalMs: 200 },
  );
}

async function newCase(): Promise<string> {
  return eventually(
    async () => {
      const { body } = await asStaff(
        platform,
        'coordinator-carla',
        'GET',
        `/agencies/${DEMO_AGENCY_ID}/cases?status=waiting-for-assignment`,
      );
      const fresh = (body.cases as { caseId: string }[]).map((c) => c.caseId).filter((id) => !knownCases.has(id));
      if (fresh.length !== 1) throw new Error(`${fresh.length} new cases`);
      knownCases.add(fresh[0]);
      return fresh[0];
    },
    { timeoutMs: 20_000, intervalMs: 250 },
  );
}

const TEXTS = {
  nl: {
    submit: 'Melding versturen',
    summary: 'Er zijn 6 problemen met je melding',
    received: 'Je melding is ontvangen',
    login: 'Inloggen',
    noMatch: 'horen niet bij elkaar',
    statusReceived: 'Je melding is ontvangen. Een vertrouwenspersoon bevestigt dat binnenkort.',
    statusInProgress: 'Je vertrouwenspersoon is met je melding bezig.',
    statusWithdrawn: 'Je hebt je melding ingetrokken.',
    acknowledgementDue: (due: string) => `Ontvangstbevestiging uiterlijk op ${due}.`,
    acknowledgementMet: (due: string, at: string) => `Ontvangstbevestiging uiterlijk op ${due}: ontvangen op ${at}.`,
    feedbackDue: (due: string) => `Terugkoppeling over wat er met je melding is gedaan uiterlijk op ${due}.`,
    nav: {
      messages: 'Berichten',
      summaries: 'Verslagen',
      consents: 'Toestemming',
      identity: 'Je identiteit',
      withdrawal: 'Melding intrekken',
      erasure: 'Mijn gegevens wissen',
      status: 'Stand van zaken',
    },
    send: 'Bericht versturen',
    sent: 'Je bericht is verstuurd naar je vertrouwenspersoon.',
    correct: 'Correctie versturen',
    corrected: 'Je hebt een correctie op deze versie gestuurd.',
    approve2: 'Versie 2 goedkeuren',
    approved: 'Je hebt deze versie goedgekeurd.',
    confirm: 'Toestemming bevestigen',
    given: 'Je hebt deze toestemming gegeven.',
    refuse: 'Weigeren',
    refused: 'Geweigerd.',
    withdraw: 'Mijn melding intrekken',
    resume: 'Intrekken ongedaan maken',
    erase: 'Mijn gegevens voorgoed wissen',
    erasureProblem: 'Er is 1 probleem',
    erased: 'Je contactgegevens en naam zijn gewist.',
    logout: 'Uitloggen',
    loggedOut: 'Je bent uitgelogd.',
  },
  ar: {
    submit: 'إرسال البلاغ',
    summary: 'توجد 6 مشكلات في بلاغك',
    received: 'تم استلام بلاغك',
    login: 'تسجيل الدخول',
    noMatch: 'لا يتطابقان',
    statusReceived: 'تم استلام بلاغك. سيؤكد مستشار الثقة ذلك قريبًا.',
    statusInProgress: 'يعمل مستشار الثقة على بلاغك.',
    statusWithdrawn: 'سحبت بلاغك.',
    acknowledgementDue: (due: string) => `تأكيد الاستلام في موعد أقصاه ${due}.`,
    acknowledgementMet: (due: string, at: string) => `تأكيد الاستلام في موعد أقصاه ${due}: وصل في ${at}.`,
    feedbackDue: (due: string) => `إبلاغك بما تم بشأن بلاغك في موعد أقصاه ${due}.`,
    nav: {
      messages: 'الرسائل',
      summaries: 'الملخصات',
      consents: 'الموافقة',
      identity: 'هويتك',
      withdrawal: 'سحب البلاغ',
      erasure: 'محو بياناتي',
      status: 'الحالة',
    },
    send: 'إرسال الرسالة',
    sent: 'أُرسلت رسالتك إلى مستشار الثقة.',
    correct: 'إرسال التصحيح',
    corrected: 'أرسلت تصحيحًا لهذه النسخة.',
    approve2: 'الموافقة على النسخة 2',
    approved: 'وافقت على هذه النسخة.',
    confirm: 'تأكيد الموافقة',
    given: 'أعطيت هذه الموافقة.',
    refuse: 'أرفض',
    refused: 'تم الرفض.',
    withdraw: 'سحب بلاغي',
    resume: 'التراجع عن السحب',
    erase: 'محو بياناتي نهائيًا',
    erasureProblem: 'توجد مشكلة واحدة',
    erased: 'تم محو بيانات الاتصال بك واسمك.',
    logout: 'تسجيل الخروج',
    loggedOut: 'تم تسجيل خروجك.',
  },
} as const;

async function navigate(page: Page, name: string): Promise<void> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.locator('.site-case-nav').getByRole('link', { name, exact: true }).click(),
  ]);
  await expectPlainPage(page, response);
}

/**
 * The Wbk's due days for a report received at `receivedAt`, worked out here by plain calendar arithmetic (not with
 * the platform's implementation): the Amsterdam day of receipt plus 7 days; 3 calendar months after that, clamped.
 */
function dueDays(receivedAt: string): { acknowledgement: Date; feedback: Date } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(receivedAt));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const seventh = new Date(Date.UTC(y, m - 1, d + 7, 12));
  const monthLength = new Date(Date.UTC(seventh.getUTCFullYear(), seventh.getUTCMonth() + 4, 0)).getUTCDate();
  const feedback = new Date(Date.UTC(seventh.getUTCFullYear(), seventh.getUTCMonth() + 3, Math.min(seventh.getUTCDate(), monthLength), 12));
  return { acknowledgement: seventh, feedback }; // noon UTC: the same day in Amsterdam
}

async function text(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

describe.each([
  ['nl', 'ltr', false],
  ['ar', 'rtl', true],
] as const)('the reporter in %s (%s), scripts on: %s', (lang, dir, javaScript) => {
  const t = TEXTS[lang];
  const check = javaScript ? audit : async () => undefined;

  it('reports, logs in, follows up with the counsellor, withdraws, resumes and erases their data', async () => {
    const intake = await intakePage(lang);
    const { context, page, requested } = await browse(javaScript);

    // The intake page: lang and dir, what intake says up front, a way to the follow-up.
    await open(page, `/${CODE}/${lang}`);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('html').getAttribute('dir')).toBe(dir);
    for (const shown of [
      intake.outOfScope.workload.title,
      intake.nextSteps.items[1],
      intake.counsellors[0].name,
      intake.consent.paragraphs[0],
    ]) {
      expect(await page.getByText(shown, { exact: false }).first().isVisible()).toBe(true);
    }
    await check(page, 'intake', lang);

    // An empty form: every problem named in a summary linked to its field, the title saying so.
    await submit(page, t.submit);
    expect(await page.getByRole('heading', { name: t.summary }).count()).toBe(1);
    const links = page.locator('.site-error-summary a');
    expect(await links.count()).toBe(6);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(await page.locator(href!).count()).toBe(1);
    expect(await page.locator('#account').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'intake-errors', lang, false);

    // Half filled in: what was typed is kept.
    await page.locator('#account').fill('Mijn leidinggevende schreeuwt tegen mij in het bijzijn van klanten.');
    await submit(page, t.submit);
    expect(await page.locator('#account').inputValue()).toBe('Mijn leidinggevende schreeuwt tegen mij in het bijzijn van klanten.');
    expect(await page.locator('.site-error-summary a').count()).toBe(5);

    // The report: known to the counsellor by a name, mail for news; both personal fields carry the canary.
    await page.getByLabel(intake.themes[1].label, { exact: true }).check();
    await page.getByLabel(intake.relations[0].label, { exact: true }).check();
    await page.getByLabel(intake.anonymity.find((a) => a.value === 'known-to-advisor')!.label, { exact: true }).check();
    await page.locator('#identityName').fill(NAME_CANARY);
    await page.getByLabel(intake.contactOptions.find((c) => c.value === 'email')!.label, { exact: true }).check();
    await page.locator('#email').fill(`${MAIL_CANARY}-${lang}@example.nl`);
    await page.getByLabel(intake.questions.consent, { exact: true }).check();
    await submit(page, t.submit);
    await page.waitForURL(`${site.url}/${CODE}/${lang}/receipt`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(t.received);
    const receiptCode = await page.getByTestId('receipt-code').innerText();
    const passphrase = await page.getByTestId('passphrase').innerText();
    expect(receiptCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(await page.getByTestId('receipt-code').getAttribute('dir')).toBe('ltr');
    lastReceipt = { receiptCode, passphrase };
    await page.screenshot({ path: join(SCREENSHOTS, `receipt-${lang}.png`), fullPage: true });
    await check(page, 'receipt', lang, false);
    const caseId = await newCase();

    // Shown once: a reload (or anyone after) no longer sees it.
    const again = await page.reload();
    expect(again!.status()).toBe(410);
    expect(await page.getByTestId('passphrase').count()).toBe(0);
    expect(await page.content()).not.toContain(passphrase);

    // The follow-up login: a wrong pair is refused accessibly, the receipt code kept and the passphrase not.
    const [loginResponse] = await Promise.all([page.waitForNavigation(), page.locator('a[href$="/follow-up"]').last().click()]);
    await expectPlainPage(page, loginResponse);
    await check(page, 'login', lang);
    await page.locator('#receiptCode').fill(receiptCode);
    await page.locator('#passphrase').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF');
    const refused = await submit(page, t.login);
    expect(refused!.status()).toBe(401);
    expect(await page.locator('.site-error-summary').innerText()).toContain(t.noMatch);
    expect(await page.locator('#receiptCode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#receiptCode').getAttribute('aria-describedby')).toContain('receiptCode-error');
    expect(await page.locator('#receiptCode').inputValue()).toBe(receiptCode);
    expect(await page.locator('#passphrase').inputValue()).toBe('');
    expect(await page.title()).toMatch(/^(Fout|خطأ|Error)/);
    await check(page, 'login-error', lang, false);

    await page.locator('#passphrase').fill(passphrase);
    await submit(page, t.login);
    expect(page.url()).toBe(`${site.url}/${CODE}/${lang}/case`);
    expect(await page.getByTestId('status').innerText()).toBe(t.statusReceived);
    // The deadlines with their dates in the page's language: the 7th Amsterdam day after receipt, 3 months on.
    const amsterdam = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
    const receivedAt = (await page.locator('.site-steps time').first().getAttribute('datetime'))!;
    const due = dueDays(receivedAt);
    expect(await page.getByTestId('deadline-acknowledgement').innerText()).toBe(
      t.acknowledgementDue(amsterdam.format(due.acknowledgement)),
    );
    expect(await page.getByTestId('deadline-acknowledgement').getAttribute('data-state')).toBe('pending');
    expect(await page.getByTestId('deadline-feedback').innerText()).toBe(t.feedbackDue(amsterdam.format(due.feedback)));
    const dueAt = (await page.getByTestId('deadline-acknowledgement').locator('time').getAttribute('datetime'))!;
    expect(amsterdam.format(new Date(dueAt))).toBe(amsterdam.format(due.acknowledgement));
    expect(amsterdam.format(new Date(Date.parse(dueAt) + 1))).not.toBe(amsterdam.format(due.acknowledgement)); // its last millisecond
    const [cookie] = (await context.cookies()).filter((c) => c.name.startsWith('__Host-'));
    expect(cookie).toMatchObject({ name: '__Host-reporter', httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // only the session's id: intake's token stays on the server
    expect(cookie.expires - Date.now() / 1000).toBeLessThanOrEqual(900);

    // The counsellor, through case's API: assigned, acknowledges, writes, shares a summary, records a consent from
    // the conversation, and asks to show the reporter's identity to a colleague.
    await staff('coordinator-carla', `/agencies/${DEMO_AGENCY_ID}/cases/${caseId}/assignment`, { advisorId: ANNA });
    await staff('advisor-anna', `/cases/${caseId}/acknowledgement`);
    await staff('advisor-anna', `/cases/${caseId}/messages`, { text: `Dank voor je melding (${lang}). Wanneer kunnen we praten?` });
    const { summaryId, conversationId } = (await staff('advisor-anna', `/cases/${caseId}/conversations`, {
      heldOn: amsterdamToday(),
      minutes: 45,
      mode: 'video',
      summary: 'We spraken over het schreeuwen op maandag.',
    })) as { summaryId: string; conversationId: string };
    await staff('advisor-anna', `/cases/${caseId}/summaries/${summaryId}/share`);
    await staff('advisor-anna', `/cases/${caseId}/consents`, { scope: 'referral', referralType: 'company-doctor', conversationId });
    await staff('advisor-anna', `/cases/${caseId}/identity-reveals`, { viewerId: BRAM, reason: 'Bram neemt het gesprek met HR over.' });

    // Status with its dates on the Dutch calendar: received, acknowledged, in progress (the message and the
    // conversation after the acknowledgement).
    await reloadUntil(page, async () => (await page.getByTestId('status').innerText()) === t.statusInProgress);
    expect(await page.locator('.site-steps time').count()).toBe(3);
    const received = page.locator('.site-steps time').first();
    expect(await received.innerText()).toBe(amsterdam.format(new Date((await received.getAttribute('datetime'))!)));
    // Acknowledged today: the deadline met, with the day it came.
    const acknowledged = (await page.locator('.site-steps time').nth(1).getAttribute('datetime'))!;
    expect(await page.getByTestId('deadline-acknowledgement').innerText()).toBe(
      t.acknowledgementMet(amsterdam.format(due.acknowledgement), amsterdam.format(new Date(acknowledged))),
    );
    await check(page, 'status', lang);

    // Messages: the counsellor's arrives; the reporter replies (the text canary); the thread shows it.
    await navigate(page, t.nav.messages);
    await reloadUntil(page, async () => (await text(page)).includes(`Dank voor je melding (${lang})`));
    await submit(page, t.send);
    expect(await page.locator('.site-error-summary').count()).toBe(1); // an empty message is refused
    expect(await page.locator('#body').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'messages-error', lang, false);
    await page.locator('#body').fill(`${TEXT_CANARY}: maandag om 10 uur kan ik.`);
    await submit(page, t.send);
    expect(page.url()).toBe(`${site.url}/${CODE}/${lang}/case/messages`);
    expect(await page.getByRole('status').innerText()).toBe(t.sent);
    expect(await text(page)).toContain(`${TEXT_CANARY}: maandag om 10 uur kan ik.`);
    await check(page, 'messages', lang);

    // Summaries: corrected, revised by the counsellor, then version 2 approved.
    await navigate(page, t.nav.summaries);
    await reloadUntil(page, async () => (await text(page)).includes('We spraken over het schreeuwen op maandag.'));
    await check(page, 'summaries', lang);
    await page.locator(`#correction-${summaryId}`).fill(`${TEXT_CANARY}: het was dinsdag.`);
    await submit(page, t.correct);
    expect(await page.getByTestId('summary-answer').innerText()).toBe(t.corrected);
    await staff('advisor-anna', `/cases/${caseId}/summaries/${summaryId}/versions`, {
      summary: 'We spraken over het schreeuwen op dinsdag.',
    });
    await reloadUntil(page, async () => (await page.getByRole('button', { name: t.approve2 }).count()) === 1);
    await submit(page, t.approve2);
    expect(await page.getByTestId('summary-answer').innerText()).toBe(t.approved);

    // Consent recorded by the counsellor: confirmed.
    await navigate(page, t.nav.consents);
    await reloadUntil(page, async () => (await page.getByRole('button', { name: t.confirm }).count()) === 1);
    await check(page, 'consents', lang);
    await submit(page, t.confirm);
    expect(await page.getByTestId('consent-status').innerText()).toBe(t.given);

    // The identity request: refused.
    await navigate(page, t.nav.identity);
    await reloadUntil(page, async () => (await page.getByRole('button', { name: t.refuse }).count()) === 1);
    await check(page, 'identity', lang);
    await submit(page, t.refuse);
    await reloadUntil(page, async () => (await page.getByTestId('reveal-decision').count()) === 1);
    expect(await page.getByTestId('reveal-decision').innerText()).toContain(t.refused);

    // Withdrawal, seen on the status page, and taken back.
    await navigate(page, t.nav.withdrawal);
    await check(page, 'withdrawal', lang);
    await submit(page, t.withdraw);
    expect(await page.getByTestId('withdrawn').count()).toBe(1);
    await navigate(page, t.nav.status);
    expect(await page.getByTestId('status').innerText()).toBe(t.statusWithdrawn);
    // Once case closed the case for the withdrawal, the feedback the counsellor owed is no longer due.
    await reloadUntil(page, async () => (await page.getByTestId('deadline-feedback').getAttribute('data-state')) === 'stopped');
    expect(await page.getByTestId('deadline-acknowledgement').getAttribute('data-state')).toBe('met');
    await navigate(page, t.nav.withdrawal);
    await submit(page, t.resume);
    expect(await page.getByTestId('withdrawn').count()).toBe(0);

    // Erasure: not without the confirmation ticked; then for good.
    await navigate(page, t.nav.erasure);
    await check(page, 'erasure', lang);
    const unconfirmed = await submit(page, t.erase);
    expect(unconfirmed!.status()).toBe(422);
    expect(await page.locator('.site-error-summary').innerText()).toContain(t.erasureProblem);
    expect(await page.locator('#confirm').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'erasure-error', lang, false);
    await page.locator('#confirm').check();
    await submit(page, t.erase);
    expect(await page.getByTestId('erased').innerText()).toBe(t.erased);
    const afterErasure = documents.length - 1;
    for (const name of [t.nav.status, t.nav.messages, t.nav.summaries, t.nav.consents, t.nav.identity]) await navigate(page, name);
    for (const { html } of documents.slice(afterErasure)) expect(html).not.toMatch(new RegExp(`${NAME_CANARY}|${MAIL_CANARY}`));

    // Logging out ends the session: the case's pages lead to the login page, and nothing of the case is shown.
    await submit(page, t.logout);
    expect(page.url()).toBe(`${site.url}/${CODE}/${lang}/follow-up?reason=logged-out`);
    expect(await text(page)).toContain(t.loggedOut);
    expect((await context.cookies()).filter((c) => c.name === '__Host-reporter')).toEqual([]);
    await open(page, `/${CODE}/${lang}/case/messages`);
    expect(page.url()).toBe(`${site.url}/${CODE}/${lang}/follow-up?reason=ended`);
    expect(await page.content()).not.toContain(TEXT_CANARY);
    const replayed = await fetch(`${site.url}/${CODE}/${lang}/case`, {
      headers: { cookie: `__Host-reporter=${cookie.value}` },
      redirect: 'manual',
    });
    expect(replayed.status).toBe(303);

    // Not one request to another origin, not one script.
    const origin = new URL(site.url).origin;
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(requested.filter((url) => /\.js($|\?)/.test(url))).toEqual([]);
    await context.close();
  }, 480_000);
});

describe('the follow-up session', () => {
  const login = async (cookie?: string) =>
    fetch(`${site.url}/${CODE}/nl/follow-up`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(lastReceipt).toString(),
    });
  const idOf = (response: globalThis.Response) => /__Host-reporter=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')![1];
  const caseStatus = async (id: string) =>
    (await fetch(`${site.url}/${CODE}/nl/case`, { headers: { cookie: `__Host-reporter=${id}` }, redirect: 'manual' })).status;

  it('gets a new id at every login, the old one destroyed, and ends at logout', async () => {
    const first = idOf(await login());
    expect(await caseStatus(first)).toBe(200);
    const second = await login(`__Host-reporter=${first}`);
    expect(second.status).toBe(303);
    expect(second.headers.get('set-cookie')).toMatch(
      /^__Host-reporter=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/,
    );
    const rotated = idOf(second);
    expect(rotated).not.toBe(first);
    expect(await caseStatus(first)).toBe(303);
    expect(await caseStatus(rotated)).toBe(200);
    // The session is only for the organisation it was opened at: another's case page leads to that one's login.
    const elsewhere = await fetch(`${site.url}/${OTHER_CODE}/nl/case`, {
      headers: { cookie: `__Host-reporter=${rotated}` },
      redirect: 'manual',
    });
    expect([elsewhere.status, elsewhere.headers.get('location')]).toEqual([303, `/${OTHER_CODE}/nl/follow-up`]);
    expect(await caseStatus(rotated)).toBe(200);
    const out = await fetch(`${site.url}/${CODE}/nl/case/logout`, {
      method: 'POST',
      headers: { cookie: `__Host-reporter=${rotated}` },
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toContain('__Host-reporter=; Path=/; Max-Age=0');
    expect(await caseStatus(rotated)).toBe(303);
  });

  it('says how long to wait, in words, when intake throttles failed attempts (429)', async () => {
    const { context, page } = await browse(false);
    await open(page, `/${CODE}/nl/follow-up`);
    let status = 0;
    for (let attempt = 0; attempt < 12 && status !== 429; attempt++) {
      await page.locator('#receiptCode').fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
      await page.locator('#passphrase').fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF');
      status = (await submit(page, 'Inloggen'))!.status();
    }
    expect(status).toBe(429);
    expect(await page.getByRole('alert').innerText()).toMatch(
      /^Te veel pogingen die niet klopten\. Wacht \d+ (seconde|seconden|minuut|minuten) en probeer het dan opnieuw\.$/,
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'login-wait-nl.png'), fullPage: true });
    await context.close();
  });
});

describe("the case's forms without their session", () => {
  /** A report filed through intake's API, known to the counsellor by name: its case id and receipt. */
  let filed: { caseId: string; receiptCode: string; passphrase: string };
  /** The forms of the case's pages, each as its page posts it, with the ids the reporter's pages show. */
  let forms: [page: string, form: Record<string, string>][];
  let reporterToken: string;

  const form = (cookie: string | undefined, path: string, fields: Record<string, string>) =>
    fetch(`${site.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie: `__Host-reporter=${cookie}` } : {}) },
      body: new URLSearchParams(fields).toString(),
    });
  const loginId = async () => {
    const response = await form(undefined, `/${CODE}/nl/follow-up`, { receiptCode: filed.receiptCode, passphrase: filed.passphrase });
    expect(response.status).toBe(303);
    return /__Host-reporter=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')![1];
  };
  const reporterView = async (view: string) => {
    const response = await fetch(`${platform.intake.url}/intake/cases/${filed.caseId}/${view}`, {
      headers: { authorization: `Bearer ${reporterToken}` },
    });
    return { view, status: response.status, body: (await response.json()) as Record<string, { [id: string]: unknown }[]> };
  };
  /** The case as intake and case hold it: both histories and every view of the reporter's. */
  const theCase = async () => [
    (await platform.intake.platform.store.readStream(`report-${filed.caseId}`)).map((e) => e.type),
    (await platform.cases.platform.store.readStream(`case-${filed.caseId}`)).map((e) => e.type),
    ...(await Promise.all(['status', 'messages', 'summaries', 'consents', 'identity-reveals'].map(reporterView))),
  ];
  /** The case once what the counsellor did has reached intake and case: two reads in a row alike. */
  const theCaseAtRest = async () => {
    let last = JSON.stringify(await theCase());
    return eventually(
      async () => {
        const now = await theCase();
        const same = JSON.stringify(now) === last;
        last = JSON.stringify(now);
        if (!same) throw new Error('the case is still moving');
        return now;
      },
      { timeoutMs: 20_000, intervalMs: 300 },
    );
  };

  beforeAll(async () => {
    const report = await fetch(`${platform.intake.url}/intake/${CODE}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        theme: 'bullying',
        relation: 'manager',
        anonymity: 'known-to-advisor',
        identity: { name: NAME_CANARY },
        language: 'nl',
        consentVersion: 'v1',
        account: 'Mijn leidinggevende schreeuwt tegen mij.',
        contact: { channel: 'platform' },
      }),
    });
    expect(report.status).toBe(201);
    filed = (await report.json()) as typeof filed;
    knownCases.add(filed.caseId);
    const { caseId } = filed;
    await staff('coordinator-carla', `/agencies/${DEMO_AGENCY_ID}/cases/${caseId}/assignment`, { advisorId: ANNA });
    const { summaryId, conversationId } = (await staff('advisor-anna', `/cases/${caseId}/conversations`, {
      heldOn: amsterdamToday(),
      minutes: 30,
      mode: 'video',
      summary: 'We spraken over de werkdruk.',
    })) as { summaryId: string; conversationId: string };
    await staff('advisor-anna', `/cases/${caseId}/summaries/${summaryId}/share`);
    await staff('advisor-anna', `/cases/${caseId}/consents`, { scope: 'referral', referralType: 'company-doctor', conversationId });
    await staff('advisor-anna', `/cases/${caseId}/identity-reveals`, { viewerId: BRAM, reason: 'Bram neemt het over.' });
    const followUp = await fetch(`${platform.intake.url}/intake/follow-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ receiptCode: filed.receiptCode, passphrase: filed.passphrase }),
    });
    reporterToken = ((await followUp.json()) as { token: string }).token;
    // The counsellor's steps reach the reporter's views through intake (a bus hop): the ids the pages would post.
    const [consentId, revealId] = await eventually(
      async () => {
        const consents = (await reporterView('consents')).body.consents;
        const reveals = (await reporterView('identity-reveals')).body.identityReveals;
        const summaries = (await reporterView('summaries')).body.summaries;
        if (!consents[0] || !reveals[0] || !summaries[0]) throw new Error('not at intake yet');
        return [consents[0].consentId as string, reveals[0].revealId as string];
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    forms = [
      ['messages', { body: TEXT_CANARY }],
      ['summaries', { intent: 'approve', summaryId, version: '1' }],
      ['summaries', { intent: 'correct', summaryId, version: '1', [`correction-${summaryId}`]: TEXT_CANARY }],
      ['consents', { intent: 'confirm', consentId }],
      ['consents', { intent: 'withdraw', consentId }],
      ['identity', { intent: 'approve', revealId }],
      ['identity', { intent: 'refuse', revealId }],
      ['withdrawal', { intent: 'withdraw' }],
      ['withdrawal', { intent: 'resume' }],
      ['erasure', { confirm: 'yes' }],
    ];
  }, 120_000);

  it('sends each to the login page and nothing to intake: without a cookie, and with the cookie of a session logged out', async () => {
    const loggedOut = await loginId();
    const out = await form(loggedOut, `/${CODE}/nl/case/logout`, {});
    expect(out.status).toBe(303);
    const before = await theCaseAtRest();
    const answers: string[] = [];
    for (const cookie of [undefined, loggedOut]) {
      for (const [page, fields] of forms) {
        const response = await form(cookie, `/${CODE}/nl/case/${page}`, fields);
        await response.arrayBuffer();
        answers.push(`${page} ${fields.intent ?? ''}: ${response.status} ${response.headers.get('location')}`);
      }
    }
    expect(answers).toEqual(
      [...forms, ...forms].map(([page, fields]) => `${page} ${fields.intent ?? ''}: 303 /${CODE}/nl/follow-up?reason=ended`),
    );
    expect(await theCase()).toEqual(before);
  });

  it("sends each, posted at another organisation's pages with a live session, to that one's login: nothing sent, the session kept", async () => {
    const live = await loginId();
    const before = await theCaseAtRest();
    for (const [page, fields] of forms) {
      const response = await form(live, `/${OTHER_CODE}/nl/case/${page}`, fields);
      await response.arrayBuffer();
      expect([page, response.status, response.headers.get('location'), response.headers.get('set-cookie')]).toEqual([
        page,
        303,
        `/${OTHER_CODE}/nl/follow-up`,
        null,
      ]);
    }
    expect(await theCase()).toEqual(before);
    // The same session at its own organisation's page: the form is taken, so the ones above were refused for the session alone.
    const sent = await form(live, `/${CODE}/nl/case/messages`, { body: 'Dank, tot maandag.' });
    expect([sent.status, sent.headers.get('location')]).toEqual([303, `/${CODE}/nl/case/messages`]);
    await eventually(async () => expect((await theCase())[0]).not.toEqual(before[0]), { timeoutMs: 10_000, intervalMs: 250 });
  });
});

describe('keyboard only (scripts on, to read where focus is)', () => {
  async function focused(page: Page) {
    return page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return {
        id: element.id,
        tag: element.tagName.toLowerCase(),
        skip: element.classList.contains('site-skip-link'),
        outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
      };
    });
  }

  it.each(['nl', 'ar'] as const)('skips to main, follows the form in order and shows focus, on the login page in %s', async (lang) => {
    const { context, page } = await browse(true);
    await open(page, `/${CODE}/${lang}/follow-up`);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ skip: true, outline: true });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'main', id: 'main' });
    const order: Awaited<ReturnType<typeof focused>>[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual([
      expect.objectContaining({ id: 'receiptCode', outline: true }),
      expect.objectContaining({ id: 'passphrase', outline: true }),
      expect.objectContaining({ tag: 'button', outline: true }),
    ]);
    // Typed and sent by keyboard alone: Enter in the form submits it, and the error summary is the first stop after the skip link.
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await page.locator('.site-error-summary').count()).toBe(1);
    await context.close();
  });
});

describe('visits of the intake page, for the low-visibility signal', () => {
  it('counts every visitor, though the site renders the page once for all of them and reads it from intake once', async () => {
    // The zorggroep's page: no other test here opens it.
    const tally = async () => {
      const { rows } = await platform.intake.platform.pool.query<{ visits: number }>(
        'select coalesce(sum(visits), 0)::int as visits from intake_page_visits where organisation_id = $1',
        [DEMO_ORGANISATIONS['org-zorggroep']],
      );
      return rows[0].visits;
    };
    const before = await tally();
    const answers = await Promise.all(Array.from({ length: 12 }, () => fetch(`${site.url}/zorggroep-2026/nl`)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    await Promise.all(answers.map((a) => a.arrayBuffer()));
    await (await fetch(`${site.url}/zorggroep-2026/xx`)).arrayBuffer(); // no such language: no visit
    // The site sends its counts every 5 s.
    await eventually(async () => expect(await tally()).toBe(before + 12), { timeoutMs: 20_000, intervalMs: 250 });
  });
});

describe('health, for the orchestrator', () => {
  it.each(['/health/live', '/health/ready'])('%s answers 200 with the same strict headers', async (path) => {
    const response = await fetch(`${site.url}${path}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up' });
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('every response', () => {
  it('carries the strict headers, also stylesheets and unknown addresses, and a form of another site is refused', async () => {
    for (const path of [`/${CODE}`, '/no-such-organisation', `/${CODE}/de`, `/${CODE}/nl/follow-up`]) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.status).toBe(path === `/${CODE}` || path.endsWith('follow-up') ? 200 : 404);
    }
    const html = await (await fetch(`${site.url}/${CODE}`)).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1];
    const css = await fetch(`${site.url}${stylesheet}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('referrer-policy')).toBe('no-referrer');
    const forged = await fetch(`${site.url}/${CODE}/nl/follow-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site', origin: 'null' },
      body: new URLSearchParams(lastReceipt).toString(),
    });
    expect([forged.status, forged.headers.get('content-type')]).toEqual([403, 'application/problem+json']);
  });

  it('never carries a planted string in a header, and the site never logs one, nor a receipt code or passphrase', () => {
    expect(documents.length).toBeGreaterThan(40);
    for (const { url, headers, status } of documents) {
      expect({ url, status, cache: headers['cache-control'] }).toEqual({ url, status, cache: 'no-store' });
      expect(JSON.stringify(headers)).not.toMatch(new RegExp(`${NAME_CANARY}|${MAIL_CANARY}|${TEXT_CANARY}`));
    }
    // Nobody sees the personal fields on any page at all: the site never shows them.
    for (const { html } of documents) expect(html).not.toMatch(new RegExp(`${NAME_CANARY}|${MAIL_CANARY}`));
    const output = site.output();
    expect(output).toContain('listening on');
    // A message a page asked for and its language lacks is logged by its id (the page shows the id in its place).
    expect(output.split('\n').filter((line) => line.startsWith('intl:'))).toEqual([]);
    for (const secret of [NAME_CANARY, MAIL_CANARY, TEXT_CANARY, lastReceipt!.receiptCode, lastReceipt!.passphrase]) {
      expect(output).not.toContain(secret);
      expect(platform.logLines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
