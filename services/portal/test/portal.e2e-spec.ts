import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@vertrouwd/auth';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { type Platform } from './platform';
import {
  axeChecker,
  hydrated,
  JWT,
  openPage,
  ref,
  SCREENSHOTS,
  signInFromHeader,
  startPortalUnderTest,
  stopPortalUnderTest,
  type RunningPortal,
} from './portal';

// The staff portal in a real browser (Debian's Chromium driven by playwright-core, nothing downloaded) against the
// real platform: the dev issuer's login page and code flow, intake and case with their databases and the bus. Each
// role signs in through the login page as a person would.
const REPORTER_MESSAGE = 'Het gebeurde weer op dinsdag, waar iedereen bij was.';
const REPLY = 'Dank je. Kun je donderdag om tien uur bellen?';

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let annaCase: string;
let scriptlessCase: string;
let waitingCase: string;

/** Everything the browser received: each response's address, headers and body, and the cookies it kept. */
const received: { url: string; headers: Record<string, string>; body: string }[] = [];
const pending: Promise<void>[] = [];
const cspViolations: string[] = [];
const axeViolations: string[] = [];

beforeAll(async () => {
  ({ platform, portal, browser } = await startPortalUnderTest());
  annaCase = await platform.fileReport({ reporterMessage: REPORTER_MESSAGE });
  scriptlessCase = await platform.fileReport();
  waitingCase = await platform.fileReport({ assign: false });
}, 240_000);

afterAll(() => stopPortalUnderTest({ browser, portal, platform }));

/** A browser context that records every response and console complaint about the Content-Security-Policy. */
async function context(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(browser, { problems: cspViolations, console: /Content.Security.Policy/i }, options);
  opened.context.on('response', (response) => {
    pending.push(
      (async () => {
        // A response that arrives as its context closes can no longer be asked for all its headers: its headers as
        // received are checked instead (Set-Cookie among them only when the browser still had it to give).
        const headers = await response.allHeaders().catch(() => response.headers());
        const body = await response.text().catch(() => '');
        received.push({ url: response.url(), headers, body });
      })(),
    );
  });
  return opened;
}

/**
 * Closes a context once every response it received so far has been read whole (all its headers, its body): a
 * response still being read as its context closes could only be checked by the headers it arrived with.
 */
async function closeChecked(ctx: BrowserContext): Promise<void> {
  await Promise.all(pending);
  await ctx.close();
}

/** Signs in through the portal's sign-in link and the issuer's login page; lands back on `returnTo`. */
const signIn = (page: Page, username: string, lang: 'nl' | 'en' | 'ar' = 'nl') =>
  signInFromHeader({ portal, platform }, page, username, lang);

const checkAxe = axeChecker(axeViolations);

describe('the advisor', () => {
  it('signs in through the login page, acknowledges the case, replies to the reporter and closes it (scripts on)', async () => {
    const { context: ctx, page } = await context();
    await page.goto(`${portal.url}/nl`);
    await checkAxe(page, 'home, signed out');
    await signIn(page, 'advisor-anna');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Welkom');
    await checkAxe(page, 'home, advisor');
    // The session cookie: an opaque id, never readable by script, never sent by another site's request.
    const cookie = (await ctx.cookies()).find((c) => c.name === '__Host-portal')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await ctx.cookies()).filter((c) => JWT.test(c.value) || /token/i.test(c.name))).toEqual([]);

    // The page hydrated under the Content-Security-Policy: the menu navigates without loading a document.
    await page.waitForFunction(() => '__reactRouterDataRouter' in window);
    const documents: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'document' && documents.push(request.url())));
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn zaken' }).click();
    await page.waitForURL(`${portal.url}/nl/cases`);
    await page.getByRole('heading', { level: 1, name: 'Mijn zaken' }).waitFor();
    expect(documents).toEqual([]);
    await checkAxe(page, 'cases');
    await page.screenshot({ path: join(SCREENSHOTS, 'cases-nl.png'), fullPage: true });

    await page.getByRole('link', { name: ref(annaCase) }).click();
    await page.waitForURL(`${portal.url}/nl/cases/${annaCase}`);
    await page.getByText(REPORTER_MESSAGE).waitFor();
    await checkAxe(page, 'case');

    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await page.getByText('De ontvangst is bevestigd.').waitFor();
    expect(await page.getByRole('button', { name: 'Ontvangst bevestigen' }).count()).toBe(0);

    await page.getByLabel('Bericht aan de melder').fill(REPLY);
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await page.getByText('Je bericht is verstuurd.').waitFor();
    await page.locator('.portal-message--advisor', { hasText: REPLY }).waitFor();
    expect(await page.getByLabel('Bericht aan de melder').inputValue()).toBe('');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-nl.png'), fullPage: true });

    await page.getByLabel('gehoord en geadviseerd').check();
    await page
      .getByLabel('Terugkoppeling aan de melder (optioneel)')
      .fill('We hebben het gesprek gehad; je leidinggevende is aangesproken.');
    await page.getByRole('button', { name: 'Zaak afsluiten' }).click();
    await page.getByText('De zaak is afgesloten.').waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('afgesloten');
    await checkAxe(page, 'case, closed');

    // The case service recorded each step, by Anna's own token.
    const types = (await platform.cases.platform.store.readStream(`case-${annaCase}`)).map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['CaseAcknowledged', 'AdvisorMessageSent', 'CaseClosed']));

    // Signing out ends the session: the old cookie opens nothing any more.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${portal.url}/nl`);
    await page.locator('header').getByRole('link', { name: 'Inloggen' }).waitFor();
    expect((await ctx.cookies()).find((c) => c.name === '__Host-portal')).toBeUndefined();
    const replayed = await fetch(`${portal.url}/nl/cases`, { headers: { cookie: `__Host-portal=${cookie.value}` }, redirect: 'manual' });
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toMatch(/^\/auth\/sign-in\?/);
    await closeChecked(ctx);
  }, 120_000);

  it('does the same with scripts off: every form posts to its action', async () => {
    const { context: ctx, page } = await context({ javaScriptEnabled: false });
    await signIn(page, 'advisor-anna');
    await page.goto(`${portal.url}/nl/cases`);
    await page.getByRole('link', { name: ref(scriptlessCase) }).click();
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await page.getByText('De ontvangst is bevestigd.').waitFor();
    // A message of spaces passes the browser's own check; the server refuses it and says why.
    await page.getByLabel('Bericht aan de melder').fill('  ');
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await page.getByText('Schrijf eerst een bericht.').waitFor();
    await page.getByLabel('Bericht aan de melder').fill(REPLY);
    await page.getByRole('button', { name: 'Bericht versturen' }).click();
    await page.getByText('Je bericht is verstuurd.').waitFor();
    expect(page.url()).toBe(`${portal.url}/nl/cases/${scriptlessCase}?done=sent`);
    await closeChecked(ctx);
  }, 120_000);

  it('starts a new session at each sign-in: the earlier id stops working', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna');
    const first = (await ctx.cookies()).find((c) => c.name === '__Host-portal')!.value;
    await page.goto(`${portal.url}/auth/sign-in?lang=nl&returnTo=/nl`);
    await page.locator('#username').fill('advisor-anna');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${portal.url}/nl`);
    const second = (await ctx.cookies()).find((c) => c.name === '__Host-portal')!.value;
    expect(second).not.toBe(first);
    const old = await fetch(`${portal.url}/nl/cases`, { headers: { cookie: `__Host-portal=${first}` }, redirect: 'manual' });
    expect(old.status).toBe(303);
    const current = await fetch(`${portal.url}/nl/cases`, { headers: { cookie: `__Host-portal=${second}` }, redirect: 'manual' });
    expect(current.status).toBe(200);
    await closeChecked(ctx);
  }, 60_000);

  it('signs in when the browser came by localhost: the sign-in moves to the public origin, where the issuer returns', async () => {
    const { context: ctx, page } = await context();
    const byLocalhost = portal.url.replace('127.0.0.1', 'localhost');
    expect(byLocalhost).not.toBe(portal.url);
    const started = await fetch(`${byLocalhost}/auth/sign-in?lang=nl&returnTo=%2Fnl%2Fcases`, { redirect: 'manual' });
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe(`${portal.url}/auth/sign-in?lang=nl&returnTo=%2Fnl%2Fcases`);
    expect(started.headers.get('set-cookie')).toBeNull();
    await page.goto(`${byLocalhost}/auth/sign-in?lang=nl&returnTo=%2Fnl%2Fcases`);
    await page.locator('#username').fill('advisor-anna');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${portal.url}/nl/cases`);
    expect((await ctx.cookies(portal.url)).some((c) => c.name === '__Host-portal')).toBe(true);
    await closeChecked(ctx);
  }, 60_000);
});

describe('in Arabic', () => {
  it('the pages are right to left, in Arabic, with Latin digits, and pass axe', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna', 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await checkAxe(page, 'home, ar');
    await page.getByRole('navigation', { name: 'القائمة الرئيسية' }).getByRole('link', { name: 'قضاياي' }).click();
    await page.waitForURL(`${portal.url}/ar/cases`);
    await page.getByRole('heading', { level: 1, name: 'قضاياي' }).waitFor();
    await checkAxe(page, 'cases, ar');
    await page.goto(`${portal.url}/ar/cases/${annaCase}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`القضية ${ref(annaCase)}`);
    expect(await page.locator('time').first().innerText()).toMatch(/\d{4}/);
    await checkAxe(page, 'case, ar');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-ar.png'), fullPage: true });
    // The same page in Dutch, from the language switch.
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await page.waitForURL(`${portal.url}/nl/cases/${annaCase}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await closeChecked(ctx);
  }, 60_000);
});

describe('the messages in the browser', () => {
  it("a page's scripts bring its own language's messages and no other language's", async () => {
    const footer = (lang: string) =>
      (JSON.parse(readFileSync(join(__dirname, `../app/i18n/messages/${lang}.json`), 'utf8')) as Record<string, string>)['portal.footer'];
    const { context: ctx, page } = await context();
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => void (response.request().resourceType() === 'script' && scripts.push(response.text())));
    await page.goto(`${portal.url}/pl`);
    await page.waitForFunction(() => '__reactRouterDataRouter' in window);
    await hydrated(page);
    expect(await page.locator('footer').innerText()).toBe(footer('pl'));
    const received = (await Promise.all(scripts)).join('\n');
    expect(received).toContain(footer('pl'));
    for (const other of ['nl', 'en', 'tr', 'ar']) expect([other, received.includes(footer(other))]).toEqual([other, false]);
    await closeChecked(ctx);
  }, 60_000);
});

describe('the auditor', () => {
  it("lists the agency's cases and replays one: pseudonyms, chains verified, clocks met, no content", async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'auditor-ada', 'en');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(`${portal.url}/en/audit`);
    await checkAxe(page, 'audit');
    await page.getByRole('link', { name: `Replay of case ${ref(annaCase)}` }).click();
    await page.waitForURL(`${portal.url}/en/audit/${annaCase}`);
    expect(await page.getByTestId('chain-case').innerText()).toMatch(/^verified: \d+ events$/);
    expect(await page.getByTestId('chain-access').innerText()).toMatch(/^verified: \d+ events?$/);
    expect(await page.getByTestId('clock-acknowledgement').innerText()).toMatch(/^done on /);
    const html = await page.content();
    expect(html).not.toContain(REPORTER_MESSAGE);
    expect(html).not.toContain(REPLY);
    await checkAxe(page, 'replay');
    await page.screenshot({ path: join(SCREENSHOTS, 'replay-en.png'), fullPage: true });
    await closeChecked(ctx);
  }, 60_000);
});

describe('the coordinator', () => {
  it('sees the case waiting for an assignment in the queue', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'coordinator-carla');
    await page.goto(`${portal.url}/nl/queue`);
    expect(await page.getByTestId('queue-waitingForAssignment').innerText()).toContain(ref(waitingCase));
    await checkAxe(page, 'queue');
    await closeChecked(ctx);
  }, 60_000);
});

describe('each screen refuses the roles that must not see it', () => {
  const matrix: [string, string[], string[]][] = [
    // user, screens refused (403), screens allowed
    ['advisor-anna', ['/nl/queue', '/nl/audit', '/nl/audit/{case}', '/nl/reports', '/nl/invoices', '/nl/reports/2025/csv'], ['/nl/cases']],
    ['coordinator-carla', ['/nl/cases', '/nl/cases/{case}', '/nl/audit', '/nl/audit/{case}', '/nl/reports', '/nl/invoices'], ['/nl/queue']],
    ['auditor-ada', ['/nl/cases', '/nl/cases/{case}', '/nl/queue', '/nl/reports/2025', '/nl/invoices/F-1/pdf'], ['/nl/audit']],
    ['employer-erik', ['/nl/cases', '/nl/cases/{case}', '/nl/queue', '/nl/audit', '/nl/audit/{case}'], ['/nl/reports', '/nl/invoices']],
  ];
  it.each(matrix)(
    '%s',
    async (username, refused, allowed) => {
      const { context: ctx, page } = await context();
      await signIn(page, username);
      for (const path of refused) {
        const response = await page.goto(`${portal.url}${path.replace('{case}', annaCase)}`);
        expect([path, response!.status()]).toEqual([path, 403]);
        const html = await response!.text();
        // No data of the screen: not the case's content, not the lists' cases.
        expect(html).not.toContain(REPORTER_MESSAGE);
        if (!path.includes('{case}')) expect(html).not.toContain(ref(annaCase));
        // A page says so in words; a file address answers the status alone.
        if (!/\/(csv|pdf)$/.test(path)) await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
      }
      if (username === 'employer-erik') await checkAxe(page, 'forbidden');
      for (const path of allowed) {
        expect([path, (await page.goto(`${portal.url}${path}`))!.status()]).toEqual([path, 200]);
        if (username === 'employer-erik') await checkAxe(page, path);
      }
      await closeChecked(ctx);
    },
    60_000,
  );

  it("gives another advisor nothing of Anna's case", async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-bram');
    const response = await page.goto(`${portal.url}/nl/cases/${annaCase}`);
    expect(response!.status()).toBe(404);
    expect(await response!.text()).not.toContain(REPORTER_MESSAGE);
    await closeChecked(ctx);
  }, 60_000);

  it.each([
    ['advisor-anna', ['/nl/cases/not-a-case-id', '/nl/cases/%E2%82']],
    ['auditor-ada', ['/nl/audit/not-a-case-id']],
    ['employer-erik', ['/nl/invoices/not-an-invoice/pdf', '/nl/invoices/F-1/xml', '/nl/reports/2025/docx', '/xx/invoices/F-1/pdf']],
    ['coordinator-carla', ['/nl/billing/invoices/not-an-invoice/ubl', '/nl/queue/not-a-case-id']],
  ])(
    'gives %s an address that names nothing as a 404 or 400, never an error page or JSON null',
    async (username, paths) => {
      const { context: ctx, page } = await context();
      await signIn(page, username);
      for (const path of paths) {
        const response = await page.request.get(`${portal.url}${path}`, { maxRedirects: 0 });
        // A path that does not decode is refused before any page; an id that is not one names nothing.
        expect([path, response.status()]).toEqual([path, path.includes('%') ? 400 : 404]);
        // A page, a download's words, or the edge's problem: never JSON `null`, never a body without a type.
        expect([path, response.headers()['content-type']]).toEqual([
          path,
          expect.stringMatching(/^(text\/html|text\/plain|application\/problem\+json)/),
        ]);
        expect(await response.text()).not.toBe('null');
      }
      // As the browser shows it: the portal's not-found page, not an error page.
      if (username === 'advisor-anna') {
        await page.goto(`${portal.url}${paths[0]}`);
        await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
        await page.screenshot({ path: join(SCREENSHOTS, 'not-found-id-nl.png'), fullPage: true });
      }
      await closeChecked(ctx);
    },
    60_000,
  );

  it('sends a visitor without a session to sign in, and comes back to the page asked for', async () => {
    const response = await fetch(`${portal.url}/nl/cases/${annaCase}`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!, portal.url);
    expect(location.pathname).toBe('/auth/sign-in');
    expect(location.searchParams.get('returnTo')).toBe(`/nl/cases/${annaCase}`);
  });
});

describe('the keyboard', () => {
  it('reaches the skip link first, which moves to the content; every focused element shows it', async () => {
    const { context: ctx, page } = await context();
    await signIn(page, 'advisor-anna');
    await page.goto(`${portal.url}/nl/cases/${scriptlessCase}`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, visible: box.top >= 0 && box.height > 0 };
    });
    expect(skip).toEqual({ text: 'Naar de inhoud', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    const outlines: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      const seen = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        if (element === document.body) return undefined;
        const style = getComputedStyle(element);
        return `${element.tagName}:${style.outlineStyle !== 'none' && style.outlineWidth !== '0px' ? 'visible' : 'invisible'}`;
      });
      if (seen === undefined) break;
      outlines.push(seen);
    }
    expect(outlines.length).toBeGreaterThanOrEqual(3);
    expect(outlines.every((o) => o.endsWith(':visible'))).toBe(true);
    await closeChecked(ctx);
  }, 60_000);
});

describe('afterwards', () => {
  it('no token ever reached the browser: no response body, header or cookie carried one', async () => {
    await Promise.all(pending);
    expect(received.length).toBeGreaterThan(20);
    const leaks = received.filter(({ headers, body }) => {
      const text = `${JSON.stringify(headers)}\n${body}`;
      return JWT.test(text) || /access_token|refresh_token|id_token/.test(text);
    });
    expect(leaks.map((leak) => leak.url)).toEqual([]);
  });

  it('no page broke the Content-Security-Policy, and axe found no violation on any page', () => {
    expect(cspViolations).toEqual([]);
    expect(axeViolations).toEqual([]);
  });

  it("the portal's own log holds neither tokens nor a case's content", () => {
    const log = portal.output();
    expect(log).not.toMatch(JWT);
    expect(log).not.toContain(REPORTER_MESSAGE);
  });
});
