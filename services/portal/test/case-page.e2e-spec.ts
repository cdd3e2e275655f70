import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Platform } from './platform';
import { axeChecker, openPage, ref, SCREENSHOTS, signInAt, startPortalUnderTest, stopPortalUnderTest, type RunningPortal } from './portal';

// The advisor's case page as a counsellor uses it, on the real platform: the report as the reporter filed it (read
// with a stated reason, shown as written, the phone number never), the legal clocks once both are met, and the reply
// form refusing bad input at its field instead of as a state of the case.
const CANARY = 'ACCOUNT-CANARY-5c1e';
const ACCOUNT = [
  `Op dinsdag schreeuwde mijn leidinggevende weer,  waar iedereen bij was. ${CANARY}`,
  '',
  '    Daarna zei hij: <img src=x onerror="document.title=1"> & "niets aan de hand".',
  'لقد صرخ مديري في وجهي مرة أخرى أمام الزبائن.',
].join('\n');
const PHONE = '+31 6 1357 9246';

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let caseId: string;
const problems: string[] = [];
const axe: string[] = [];
const checkAxe = axeChecker(axe, { hydratedFirst: true });

beforeAll(async () => {
  ({ platform, portal, browser } = await startPortalUnderTest());
  caseId = await platform.fileReport({ account: ACCOUNT, contact: { channel: 'phone', phone: PHONE } });
}, 240_000);

afterAll(() => stopPortalUnderTest({ browser, portal, platform }));

async function annasPage(): Promise<Page> {
  const { page } = await openPage(browser, { problems, console: /Content.Security.Policy|hydrat/i, serverErrors: true });
  await signInAt(portal.url, page, 'advisor-anna');
  return page;
}

const casePage = (lang: string) => `${portal.url}/${lang}/cases/${caseId}`;

describe("the advisor's case page", () => {
  it('shows the report as the reporter filed it: the account as written, theme, relation, anonymity and contact channel', async () => {
    const page = await annasPage();
    const response = await page.goto(casePage('en'));
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-store');
    const account = page.getByTestId('report-account');
    // Plain text, every space and line break kept, markup shown as typed and never run.
    expect(await account.textContent()).toBe(ACCOUNT);
    expect(await account.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    expect(await account.evaluate((el) => [el.getAttribute('dir'), getComputedStyle(el).unicodeBidi])).toEqual(['auto', 'plaintext']);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.getByTestId('report-theme').textContent()).toBe('bullying');
    expect(await page.getByTestId('report-relation').textContent()).toBe("the reporter's manager");
    expect(await page.getByTestId('report-anonymity').textContent()).toContain('anonymous');
    expect(await page.getByTestId('report-contact').textContent()).toContain('by phone');
    // The number is for no one in the portal: not in the page, nor in the data it hydrates from.
    expect(await page.content()).not.toContain('1357');
    expect(page.url()).not.toContain(CANARY);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-page-report-en.png') });
    await checkAxe(page, 'case page (en)');

    // Each opening is in the case's access log with the reason the page states.
    const reads = await platform.cases.platform.store.readStream(`access-${caseId}`);
    expect(reads.at(-1)?.data).toMatchObject({ reason: 'case-work', fields: expect.arrayContaining(['sealedAccount']) });

    await page.goto(casePage('ar'));
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('report-account').textContent()).toBe(ACCOUNT);
    expect(await page.getByTestId('report-contact').textContent()).toContain('الهاتف');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-page-report-ar.png') });
    await checkAxe(page, 'case page (ar)');
    await page.context().close();
  });

  it('shows both legal deadlines as met, with their days, once the acknowledgement and the feedback are given', async () => {
    const anna = await platform.bearer('advisor-anna');
    const post = (path: string, body: object) =>
      fetch(`${platform.cases.url}/cases/${caseId}/${path}`, {
        method: 'POST',
        headers: { authorization: anna, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('acknowledgement', {})).status).toBe(204);
    expect((await post('feedback', { feedback: 'We spoke with your manager.' })).status).toBe(201);
    const page = await annasPage();
    await page.goto(casePage('en'));
    for (const deadline of ['acknowledgement', 'feedback']) {
      expect(await page.getByTestId(`deadline-${deadline}`).textContent()).toMatch(/^met: done on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    }
    expect(await page.getByTestId('deadlines').textContent()).not.toContain('no deadlines');
    // The list of cases says the same of the case, where it showed "–" for both.
    await page.goto(`${portal.url}/en/cases`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: ref(caseId), exact: true }) });
    expect(await row.locator('td.portal-deadline--met').allTextContents()).toEqual([
      expect.stringMatching(/^done on /),
      expect.stringMatching(/^done on /),
    ]);
    await page.context().close();
  });

  it('refuses a reply with a control character at its field (422), the text kept, and sends nothing', async () => {
    const page = await annasPage();
    const posted = await page.request.post(casePage('en'), { form: { intent: 'message', text: 'hello\u0000x' } });
    expect(posted.status()).toBe(422);
    const html = await posted.text();
    expect(html).toContain('The message may not contain control characters');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('hello\uFFFDx');
    const events = await platform.cases.platform.store.readStream(`case-${caseId}`);
    expect(events.map((e) => e.type)).not.toContain('AdvisorMessageSent');

    // In the browser, scripts off: the form comes back with the field said wrong and the text in it (the NUL put in
    // the post on its way, as no keyboard types one).
    const { page: scriptless } = await openPage(browser, { problems }, { javaScriptEnabled: false, locale: 'en-GB' });
    await signInAt(portal.url, scriptless, 'advisor-anna');
    await scriptless.goto(casePage('en'));
    await scriptless.route(casePage('en'), (route) =>
      route.request().method() === 'POST' ? route.continue({ postData: 'intent=message&text=hello%00x' }) : route.continue(),
    );
    await scriptless.locator('#text').fill('hello');
    const [shown] = await Promise.all([
      scriptless.waitForResponse((r) => r.request().method() === 'POST'),
      scriptless.getByRole('button', { name: 'Send message', exact: true }).click(),
    ]);
    expect(shown.status()).toBe(422);
    expect(await scriptless.locator('#text-error').textContent()).toContain('The message may not contain control characters');
    expect(await scriptless.locator('#text').inputValue()).toBe('hello\uFFFDx');
    await scriptless.locator('#text').scrollIntoViewIfNeeded();
    await scriptless.screenshot({ path: join(SCREENSHOTS, 'case-page-reply-refused-en.png') });
    await scriptless.context().close();

    // Longer than the service takes: said at the field too, before any call.
    const long = await page.request.post(casePage('en'), { form: { intent: 'message', text: 'x'.repeat(10_001) } });
    expect(long.status()).toBe(422);
    expect(await long.text()).toContain('Message to the reporter: at most 10,000 characters.');
    await page.context().close();
  });

  it('answers a post that names no form with the page (400), signed in, saying nothing was done', async () => {
    const page = await annasPage();
    const posted = await page.request.post(casePage('en'), { form: {} });
    expect(posted.status()).toBe(400);
    const html = await posted.text();
    expect(html).toContain('This form could not be read, so nothing was done.');
    expect(html).toContain('action="/auth/sign-out"');
    expect(html).toContain('data-testid="report-account"');
    await page.context().close();
  });

  it('had no page error, CSP complaint or 500, axe found nothing, and the portal logged neither account nor number', () => {
    expect(problems).toEqual([]);
    expect(axe).toEqual([]);
    const log = portal.output();
    expect(log).not.toContain(CANARY);
    expect(log).not.toContain(PHONE);
  });
});
