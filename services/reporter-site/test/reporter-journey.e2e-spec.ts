import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { INTAKE_CODE, startFakeIntake, type FakeIntake } from './fake-intake';
import { buildSite, startSite, type RunningSite } from './reporter-site';

// The reporter's journey in a real browser with JavaScript off, as at Tor Browser's "Safest" level: Debian's
// Chromium driven by playwright-core (nothing downloaded). The site is built and started as `npm start` runs it,
// against a stand-in for intake's API that answers with pages intake rendered.
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '../../../tmp/reporter-site');
const CSP =
  "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

let intake: FakeIntake;
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  buildSite();
  intake = await startFakeIntake();
  site = await startSite(intake.url);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await intake?.close();
});

/** A context with scripts off that records every request the browser makes. */
async function scriptless(): Promise<{ context: BrowserContext; page: Page; requested: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  return { context, page, requested };
}

function otherOrigins(requested: string[]): string[] {
  const origin = new URL(site.url).origin;
  return requested.filter((url) => new URL(url).origin !== origin);
}

describe.each([
  ['nl', 'ltr', 'Melding versturen', 'Er zijn 6 problemen met je melding', 'Je melding is ontvangen'],
  ['ar', 'rtl', 'إرسال البلاغ', 'توجد 6 مشكلات في بلاغك', 'تم استلام بلاغك'],
])('the reporter in %s (%s), scripts off', (lang, dir, submit, summary, received) => {
  it('reads the intake page, is told what is missing, reports, and sees the receipt once', async () => {
    const { context, page, requested } = await scriptless();
    const response = await page.goto(`${site.url}/${INTAKE_CODE}/${lang}`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toBe(CSP);
    expect(response!.headers()['referrer-policy']).toBe('no-referrer');
    const html = await response!.text();
    expect(html).not.toMatch(/<script|modulepreload|\son[a-z]+=/i);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('html').getAttribute('dir')).toBe(dir);
    // What intake says, up front: out of scope, next steps with deadlines, the counsellors by name, the consent.
    const page_ = JSON.parse(readFileSync(join(__dirname, 'fixtures/intake-pages.json'), 'utf8'))[lang];
    await expectVisible(page, page_.outOfScope.workload.title);
    await expectVisible(page, page_.nextSteps.items[1]);
    await expectVisible(page, page_.counsellors[0].name);
    await expectVisible(page, page_.consent.paragraphs[0]);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-${lang}.png`), fullPage: false });

    // An empty form: the server names every problem, in a summary linked to the fields.
    await page.getByRole('button', { name: submit }).click();
    expect(await page.getByRole('heading', { name: summary }).count()).toBe(1);
    const links = page.locator('.site-error-summary a');
    expect(await links.count()).toBe(6);
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(await page.locator(href!).count()).toBe(1);
    }
    const account = page.locator('#account');
    expect(await account.getAttribute('aria-invalid')).toBe('true');
    expect(await account.getAttribute('aria-describedby')).toContain('account-error');
    expect(await page.locator('#account-error').innerText()).toContain(page_.questions.account);
    await page.screenshot({ path: join(SCREENSHOTS, `errors-${lang}.png`), fullPage: true });

    // Half filled in: what was typed is kept.
    await account.fill('Mijn leidinggevende schreeuwt tegen mij in het bijzijn van klanten.');
    await page.getByRole('button', { name: submit }).click();
    expect(await page.locator('#account').inputValue()).toBe('Mijn leidinggevende schreeuwt tegen mij in het bijzijn van klanten.');
    expect(await page.locator('.site-error-summary a').count()).toBe(5);

    await page.getByLabel(page_.themes[1].label, { exact: true }).check();
    await page.getByLabel(page_.relations[0].label, { exact: true }).check();
    await page.getByLabel(page_.anonymity[0].label, { exact: true }).check();
    await page.getByLabel(page_.contactOptions[0].label, { exact: true }).check();
    await page.getByLabel(page_.counsellors[1].name, { exact: true }).check();
    await page.getByLabel(page_.questions.consent, { exact: true }).check();
    await page.getByRole('button', { name: submit }).click();

    // Post-redirect-get: the receipt's address carries neither code nor passphrase.
    await page.waitForURL(`${site.url}/${INTAKE_CODE}/${lang}/receipt`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(received);
    const passphrase = await page.getByTestId('passphrase').innerText();
    expect(passphrase).toBe('AB3DE-FG4HJ-KM5NP-QR6ST-VW7XY-Z8ABC');
    expect(await page.getByTestId('receipt-code').getAttribute('dir')).toBe('ltr');
    expect(await page.getByTestId('proof').innerText()).toContain('"keyId": "0123456789abcdef"');
    expect(intake.reports.at(-1)).toEqual({
      theme: page_.themes[1].theme,
      relation: page_.relations[0].value,
      account: 'Mijn leidinggevende schreeuwt tegen mij in het bijzijn van klanten.',
      anonymity: page_.anonymity[0].value,
      contact: { channel: page_.contactOptions[0].value },
      language: lang,
      preferences: { counsellorId: page_.counsellors[1].counsellorId },
      consentVersion: 'v1',
    });
    await page.screenshot({ path: join(SCREENSHOTS, `receipt-${lang}.png`), fullPage: true });

    // Shown once: a reload (or anyone after) no longer sees it.
    const again = await page.reload();
    expect(again!.status()).toBe(410);
    expect(await page.getByTestId('passphrase').count()).toBe(0);
    expect(await again!.text()).not.toContain(passphrase);

    expect(otherOrigins(requested)).toEqual([]);
    expect(requested.filter((url) => /\.js($|\?)/.test(url))).toEqual([]);
    await context.close();
  });
});

async function expectVisible(page: Page, text: string): Promise<void> {
  expect(await page.getByText(text, { exact: false }).first().isVisible()).toBe(true);
}

describe('every response, scripts off', () => {
  it('carries the strict headers, also stylesheets and unknown addresses', async () => {
    for (const path of [`/${INTAKE_CODE}`, '/no-such-organisation', `/${INTAKE_CODE}/de`]) {
      const response = await fetch(`${site.url}${path}`);
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.status).toBe(path === `/${INTAKE_CODE}` ? 200 : 404);
    }
    const html = await (await fetch(`${site.url}/${INTAKE_CODE}`)).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1];
    const css = await fetch(`${site.url}${stylesheet}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses a report posted from a form of another site', async () => {
    const response = await fetch(`${site.url}/${INTAKE_CODE}/nl`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site', origin: 'null' },
      body: 'account=x',
    });
    expect(response.status).toBe(403);
  });
});

// axe needs a scripted context (it is injected by the test, never by the page): the same pages, with scripts on.
describe('health, for the orchestrator', () => {
  it.each(['/health/live', '/health/ready'])('%s answers 200 with the same strict headers', async (path) => {
    const response = await fetch(`${site.url}${path}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up' });
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  it.each(['nl', 'ar'])('finds no violation on the intake page and on its errors in %s', async (lang) => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site.url}/${INTAKE_CODE}/${lang}`);
    const violations = [await axeViolations(page, axe)];
    await page.locator('form#report button[type=submit]').click();
    violations.push(await axeViolations(page, axe));
    expect(violations.flat()).toEqual([]);
    await context.close();
  });
});

interface AxeResult {
  violations: { id: string; nodes: { target: string[] }[] }[];
}
type Axe = { run(context: Document, options: object): Promise<AxeResult> };

async function axeViolations(page: Page, source: string): Promise<string[]> {
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
