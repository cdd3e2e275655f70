import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ADVISORS, DEMO_AGENCY_ID, DEMO_ORGANISATIONS } from '@vertrouwd/auth';
import { CaseOpenedV1 } from '@vertrouwd/contracts';
import { publishAs } from '@vertrouwd/messaging';
import { eventually } from '@vertrouwd/testing';
import { axeViolations } from '@vertrouwd/web-kit/testing';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startPlatform, type Platform } from './platform';
import { buildPortal, freePort, hydrated, launchChromium, portalEnvironment, signInAt, startPortal, type RunningPortal } from './portal';

// Every page each role can open, in Dutch and Arabic, in a real browser against the real platform with matching (as
// the other portal specs run it): axe with the WCAG 2.1 A and AA rules finds nothing, nothing scrolls sideways at 320
// CSS pixels (WCAG 1.4.10), and a full-page screenshot at that width is kept. The keyboard reaches everything in
// order with its focus shown; and a case's planted strings are in no response header any role gets, allowed or not.
const SCREENS = join(__dirname, '../../../tmp/portal/screens');
const CANARY = 'CANARY-a11y: de ploegleider sluit mij buiten bij elke pauze.';
const CANARY_NAME = 'Kanarie Koolmees';
const BAKKERIJ = DEMO_ORGANISATIONS['org-bakkerij'];
const ANNA = DEMO_ADVISORS['advisor-anna'];
const YEAR = 2025;
const LANGUAGES = ['nl', 'ar'] as const;
type Language = (typeof LANGUAGES)[number];

let platform: Platform;
let portal: RunningPortal;
let browser: Browser;
let annaCase: string;
let invoiceNumber: string;

/** Every answer any browser of this spec received: its address, status and headers. */
const answers: { url: string; status: number; headers: Record<string, string> }[] = [];
const pending: Promise<void>[] = [];
const pageErrors: string[] = [];

const bearer = async (user: string) => `Bearer ${await platform.issuer.mintToken(user)}`;

async function call(url: string, user: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(url, {
    method: init.method ?? 'GET',
    headers: { authorization: await bearer(user), 'content-type': 'application/json' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

/** A past year of the bakery's cases, as case publishes them, published by the coordinator through reporting. */
async function publishPastYear(): Promise<void> {
  for (let i = 0; i < 6; i += 1) {
    const caseId = `a11e0000-0000-4000-8000-00000000c0${i}0`;
    const at = `${YEAR}-0${1 + (i % 3) * 3}-1${i}T10:00:00Z`;
    const payload = { caseId, agencyId: DEMO_AGENCY_ID, organisationId: BAKKERIJ, theme: 'bullying', relation: 'manager' };
    await publishAs(platform.reporting.platform.bus, CaseOpenedV1, caseId, {
      ...payload,
      anonymity: 'anonymous',
      receivedAt: at,
      openedAt: at,
    });
  }
  const reports = `${platform.reporting.url}/agencies/${DEMO_AGENCY_ID}/organisations/${BAKKERIJ}/reports/${YEAR}`;
  await eventually(
    async () => {
      const draft = (await (await call(`${reports}/draft`, 'coordinator-carla')).json()) as {
        tables: { id: string; cells: { value: number | null }[] }[];
      };
      expect(draft.tables.find((t) => t.id === 'total')?.cells[0]?.value).toBe(6);
    },
    { timeoutMs: 30_000 },
  );
  expect((await call(`${reports}/publications`, 'coordinator-carla', { method: 'POST', body: {} })).status).toBe(201);
}

/** Billing as the coordinator sets it up through billing's API, and an invoice run: the number of its first invoice. */
async function invoiceRun(): Promise<string> {
  const base = `${platform.billing.url}/agencies/${DEMO_AGENCY_ID}/billing`;
  const supplier = {
    ...{ name: 'Vertrouwenspunt Midden B.V.', street: 'Oudegracht 120', postcode: '3511 AW', city: 'Utrecht', country: 'NL' },
    ...{ kvk: '30999111', vatId: 'NL899911122B01', iban: 'NL91ABNA0417164300' },
  };
  expect((await call(`${base}/account`, 'coordinator-carla', { method: 'PUT', body: { supplier, paymentTermDays: 30 } })).status).toBe(204);
  const band = { minHeadcount: 1, plan: 'collective', yearlyFeeCents: 45_000, includedHoursPerYear: 0 };
  const priceList = { effectiveFrom: '2025-01-01', period: 'quarter', hourlyRateCents: 12_500, vatRatePercent: '21', bands: [band] };
  expect((await call(`${base}/price-lists`, 'coordinator-carla', { method: 'POST', body: priceList })).status).toBe(201);
  const address = { name: 'Bakkerij De Korenaar', street: 'Stationsweg 1', postcode: '3811 MA', city: 'Amersfoort', country: 'NL' };
  const subscription = { startsOn: '2026-01-01', address, buyerReference: 'VP-bakkerij', language: 'nl' };
  await eventually(
    async () =>
      expect((await call(`${base}/subscriptions/${BAKKERIJ}`, 'coordinator-carla', { method: 'PUT', body: subscription })).status).toBe(
        204,
      ),
    { timeoutMs: 30_000 },
  );
  const run = await call(`${base}/invoice-runs`, 'coordinator-carla', { method: 'POST', body: { through: '2026-03-31' } });
  const ran = (await run.json()) as { issued: string[]; skipped: unknown[] };
  expect([run.status, ran.skipped, ran.issued.length]).toEqual([200, [], 1]);
  return ran.issued[0];
}

beforeAll(async () => {
  buildPortal();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  platform = await startPlatform(url, { matching: true, bakeryInMatching: true });
  portal = await startPortal(port, portalEnvironment(platform, url));
  // Anna's case: the reporter chose to be known by name and wrote a message; both are planted strings.
  annaCase = await platform.fileReport({ reporterMessage: CANARY, knownAs: CANARY_NAME });
  [invoiceNumber] = await Promise.all([invoiceRun(), publishPastYear()]);
  browser = await launchChromium();
  mkdirSync(SCREENS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await platform?.stop();
});

/** A scripted context (axe needs one) that records every answer's headers and every page error. */
async function context(): Promise<{ context: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  ctx.on('response', (response) => {
    pending.push(
      (async () => {
        answers.push({ url: response.url(), status: response.status(), headers: await response.allHeaders() });
      })(),
    );
  });
  // A loaded machine is slow, not wrong: the test waits for pages, it does not time them.
  ctx.setDefaultTimeout(60_000);
  ctx.setDefaultNavigationTimeout(90_000);
  const page = await ctx.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return { context: ctx, page };
}

/**
 * At 320 CSS pixels wide: the page does not scroll sideways, and nothing a user would see sticks out of the viewport
 * (what sits in its own scrolling region, such as a wide table, or above the page, such as the resting skip link,
 * does not count). Leaves the viewport at 320 px for the screenshot.
 */
async function reflowProblems(page: Page): Promise<string[]> {
  await page.setViewportSize({ width: 320, height: 800 });
  return page.evaluate(() => {
    const root = document.documentElement;
    const found = root.scrollWidth > root.clientWidth + 1 ? [`the page is ${root.scrollWidth} px wide`] : [];
    const inOwnScroller = (element: Node) => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom <= 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if ((box.right > root.clientWidth + 1 || box.left < -1) && !inOwnScroller(element)) {
        found.push(`${element.tagName.toLowerCase()}.${element.className} from ${Math.round(box.left)} to ${Math.round(box.right)} px`);
      }
    }
    // Text runs past its box too (a long word in a heading): each line of it counts.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(text);
      const out = [...range.getClientRects()].some((r) => r.width > 0 && r.bottom > 0 && (r.right > root.clientWidth + 1 || r.left < -1));
      if (out && text.parentElement && !inOwnScroller(text))
        found.push(`"${text.textContent!.trim().slice(0, 30)}" in ${text.parentElement.tagName.toLowerCase()}`);
    }
    return found.slice(0, 5);
  });
}

/** Checks the page the browser shows: axe, reflow at 320 px and a full-page screenshot at that width. */
async function audit(page: Page, name: string): Promise<string[]> {
  const violations = (await axeViolations(page)).map((v) => `${name}: ${v}`);
  const reflow = (await reflowProblems(page)).map((p) => `${name} at 320 px: ${p}`);
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  return [...violations, ...reflow];
}

/** Opens each page in Dutch and Arabic (expecting `status`) and audits it: every problem found, by page. */
async function auditPages(page: Page, role: string, pages: Record<string, string>, status = 200): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, path] of Object.entries(pages)) {
    for (const lang of LANGUAGES) {
      const response = await page.goto(`${portal.url}/${lang}${path}`);
      expect([path, lang, response!.status()]).toEqual([path, lang, status]);
      const dir = await page.locator('html').getAttribute('dir');
      expect([path, lang, dir]).toEqual([path, lang, lang === 'ar' ? 'rtl' : 'ltr']);
      await hydrated(page);
      problems.push(...(await audit(page, `${role}-${name}-${lang}`)));
    }
  }
  return problems;
}

/** The pages each role's navigation leads to, and those they lead on to (under `/{lang}`). */
const pagesOf = (): Record<string, Record<string, string>> => ({
  advisor: {
    home: '',
    cases: '/cases',
    case: `/cases/${annaCase}`,
    work: '/work',
    consultations: '/consultations',
    'annual-reports': '/annual-reports',
    'annual-report': `/annual-reports?organisation=${BAKKERIJ}&year=${YEAR}`,
  },
  coordinator: {
    home: '',
    queue: '/queue',
    'queue-case': `/queue/${annaCase}`,
    organisations: '/organisations',
    'organisation-new': '/organisations/new',
    organisation: `/organisations/${BAKKERIJ}`,
    counsellors: '/counsellors',
    counsellor: `/counsellors/${ANNA}`,
    'counsellor-new': '/counsellors/new',
    'counsellor-profile': `/counsellors/${ANNA}/profile`,
    'counsellor-deactivation': `/counsellors/${ANNA}/deactivation`,
    settings: '/settings',
    billing: '/billing',
    'billing-invoice': `/billing/invoices/${invoiceNumber}`,
    'billing-subscription': `/billing/subscriptions/${BAKKERIJ}`,
    'annual-reports': '/annual-reports',
    'annual-report': `/annual-reports?organisation=${BAKKERIJ}&year=${YEAR}`,
  },
  employer: {
    home: '',
    reports: '/reports',
    report: `/reports/${YEAR}`,
    invoices: '/invoices',
    compliance: '/compliance',
    'compliance-year': `/compliance?year=${YEAR}`,
  },
  auditor: {
    home: '',
    audit: '/audit',
    replay: `/audit/${annaCase}`,
    'access-log': '/access-log',
    reproduction: '/reproduction',
    'reproduction-done': `/reproduction?organisation=${BAKKERIJ}&year=${YEAR}&publication=1`,
  },
  admin: { home: '', agencies: '/agencies' },
});

/** The files each role may download (under `/nl`): no page, but their headers count too. */
const filesOf = (): Record<string, string[]> => ({
  advisor: [],
  coordinator: [`/billing/invoices/${invoiceNumber}/pdf`, `/billing/bookkeeping/${invoiceNumber.slice(0, 4)}`],
  employer: [`/reports/${YEAR}/csv`, `/reports/${YEAR}/pdf`, `/invoices/${invoiceNumber}/pdf`],
  auditor: [],
  admin: [],
});

const USERS = {
  advisor: 'advisor-anna',
  coordinator: 'coordinator-carla',
  employer: 'employer-erik',
  auditor: 'auditor-ada',
  admin: 'admin-adam',
};

/** The session cookie of a signed-in context, for requests the browser would not show (redirects, refusals). */
async function sessionCookie(ctx: BrowserContext): Promise<string> {
  const cookie = (await ctx.cookies()).find((c) => c.name === '__Host-portal')!;
  return `${cookie.name}=${cookie.value}`;
}

/** Every page and file of the other roles, asked for with this role's session: refused, and nothing of the case. */
async function askForOthers(ctx: BrowserContext, role: keyof typeof USERS): Promise<void> {
  const own = new Set([...Object.values(pagesOf()[role]), ...filesOf()[role]]);
  const others = Object.entries(pagesOf())
    .flatMap(([other, pages]) => (other === role ? [] : [...Object.values(pages), ...filesOf()[other]]))
    .filter((path) => !own.has(path));
  const cookie = await sessionCookie(ctx);
  for (const path of new Set(others)) {
    const response = await fetch(`${portal.url}/nl${path}`, { headers: { cookie }, redirect: 'manual' });
    const body = await response.text();
    answers.push({ url: response.url, status: response.status, headers: Object.fromEntries(response.headers) });
    expect([path, [403, 404].includes(response.status)]).toEqual([path, true]);
    expect([path, body.includes(CANARY) || body.includes(CANARY_NAME)]).toEqual([path, false]);
  }
  for (const path of filesOf()[role]) {
    const response = await fetch(`${portal.url}/nl${path}`, { headers: { cookie }, redirect: 'manual' });
    await response.arrayBuffer();
    answers.push({ url: response.url, status: response.status, headers: Object.fromEntries(response.headers) });
    expect([path, response.status]).toEqual([path, 200]);
  }
}

describe('every page of every role, in Dutch and Arabic: axe, reflow at 320 px, screenshots', () => {
  it('the dev issuer’s login page and the signed-out pages', async () => {
    const { context: ctx, page } = await context();
    const problems: string[] = [];
    for (const lang of LANGUAGES) {
      await page.goto(`${portal.url}/auth/sign-in?lang=${lang}&returnTo=/${lang}`);
      await page.waitForURL((url) => url.href.startsWith(platform.issuer.issuer));
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      problems.push(...(await audit(page, `visitor-login-${lang}`)));
    }
    problems.push(...(await auditPages(page, 'visitor', { home: '' })));
    problems.push(...(await auditPages(page, 'visitor', { 'not-found': '/no-such-page' }, 404)));
    expect(problems).toEqual([]);
    await ctx.close();
  }, 120_000);

  it.each(Object.keys(USERS) as (keyof typeof USERS)[])(
    'the %s',
    async (role) => {
      const { context: ctx, page } = await context();
      await signInAt(portal.url, page, USERS[role]);
      const problems = await auditPages(page, role, pagesOf()[role]);
      // One page the role may not open: the refusal is a page too.
      const forbidden = role === 'advisor' ? '/agencies' : '/cases';
      problems.push(...(await auditPages(page, role, { forbidden }, 403)));
      expect(problems).toEqual([]);
      await askForOthers(ctx, role);
      await ctx.close();
    },
    600_000,
  );
});

interface Stop {
  label: string;
  region: string;
  shown: boolean;
  follows: boolean;
  box: { top: number; bottom: number; left: number; right: number };
}
const REGIONS = ['skip link', 'header', 'main navigation', 'main', 'footer'];

/** Presses Tab from the top of the page until focus leaves the page or comes round again: where it stopped. */
async function tabThrough(page: Page): Promise<Stop[]> {
  await page.evaluate(() => Object.assign(window, { reached: [] as Element[] }));
  const stops: Stop[] = [];
  for (let i = 0; i < 600; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((): Stop | 'same' | null => {
      const element = document.activeElement;
      const reached = (window as unknown as { reached: Element[] }).reached;
      const previous = reached.at(-1);
      // Tab moves between a date field's day, month and year: still the same element.
      if (element !== null && element === previous) return 'same';
      if (!element || element === document.body || reached.includes(element)) return null;
      reached.push(element);
      const style = getComputedStyle(element);
      const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
      const inView = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
      const region = element.closest('.portal-skip-link')
        ? 'skip link'
        : element.closest('.portal-nav')
          ? 'main navigation'
          : element.closest('header')
            ? 'header'
            : element.closest('main')
              ? 'main'
              : element.closest('footer')
                ? 'footer'
                : 'elsewhere';
      return {
        label: `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('name') || '').trim().slice(0, 40)}"`,
        region,
        shown: inView && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        follows: !previous || Boolean(previous.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING),
        box: { top: box.top + scrollY, bottom: box.bottom + scrollY, left: box.left + scrollX, right: box.right + scrollX },
      };
    });
    if (stop === null) break;
    if (stop !== 'same') stops.push(stop);
  }
  return stops;
}

/** What a mouse could use but the keyboard did not reach (a radio group counts once: arrows move within it). */
async function unreached(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const reached = (window as unknown as { reached: Element[] }).reached;
    const groups = new Set(
      reached.filter((e) => e instanceof HTMLInputElement && e.type === 'radio').map((e) => (e as HTMLInputElement).name),
    );
    const selector =
      'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    return (
      [...document.querySelectorAll(selector)]
        // Shown at all: not folded away in a closed <details>, not hidden (what a mouse could click).
        .filter((e) => e.checkVisibility({ visibilityProperty: true }) && !reached.includes(e))
        .filter((e) => !(e instanceof HTMLInputElement && e.type === 'radio' && groups.has(e.name)))
        .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('name') || '').trim().slice(0, 40)}"`)
    );
  });
}

/** Where the keyboard's order departs from the reading order: back up the page, or backwards along a line. */
function outOfVisualOrder(stops: Stop[], rtl: boolean): string[] {
  const found: string[] = [];
  for (let i = 1; i < stops.length; i += 1) {
    const [a, b] = [stops[i - 1].box, stops[i].box];
    const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    const sameLine = overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
    const backwards = rtl ? b.right > a.right + 1 : b.left < a.left - 1;
    if (b.bottom <= a.top || (sameLine && backwards)) found.push(`${stops[i - 1].label} → ${stops[i].label}`);
  }
  return found;
}

describe('the keyboard alone', () => {
  const pages: [string, string, Language, () => string][] = [
    ['advisor-anna', 'the case page', 'nl', () => `/cases/${annaCase}`],
    ['advisor-anna', 'the case page', 'ar', () => `/cases/${annaCase}`],
    ['coordinator-carla', "an organisation's page", 'nl', () => `/organisations/${BAKKERIJ}`],
    ['employer-erik', 'the published report', 'nl', () => `/reports/${YEAR}`],
  ];
  it.each(pages)(
    '%s: Tab on %s (%s) goes skip link, header, main navigation, main content, in reading order, focus always shown, everything reached',
    async (user, _name, lang, path) => {
      const { context: ctx, page } = await context();
      await signInAt(portal.url, page, user);
      await page.goto(`${portal.url}/${lang}${path()}`);
      await hydrated(page);
      const stops = await tabThrough(page);
      expect(stops[0]).toMatchObject({ region: 'skip link', shown: true });
      const regions = stops.map((s) => s.region).filter((r, i, all) => r !== all[i - 1]);
      expect(regions).toEqual(REGIONS.filter((r) => regions.includes(r)));
      expect(regions.slice(0, 4)).toEqual(['skip link', 'header', 'main navigation', 'main']);
      expect(stops.filter((s) => !s.follows).map((s) => s.label)).toEqual([]);
      expect(stops.filter((s) => !s.shown).map((s) => s.label)).toEqual([]);
      expect(outOfVisualOrder(stops.slice(1), lang === 'ar')).toEqual([]);
      expect(await unreached(page)).toEqual([]);
      expect(stops.filter((s) => s.region === 'main').length).toBeGreaterThan(0);
      await ctx.close();
    },
    120_000,
  );
});

describe('afterwards', () => {
  const planted = ['CANARY-a11y', 'Kanarie'];

  it('the planted strings reached the advisor’s page (so their absence elsewhere means something)', async () => {
    const { context: ctx, page } = await context();
    await signInAt(portal.url, page, 'advisor-anna');
    await page.goto(`${portal.url}/nl/cases/${annaCase}`);
    await page.getByText(CANARY).waitFor();
    await ctx.close();
  }, 60_000);

  it('no planted string in any header of any answer, allowed or refused (Cache-Control, Set-Cookie, Location too)', async () => {
    await Promise.all(pending);
    expect(answers.length).toBeGreaterThan(200);
    expect(answers.some((a) => 'location' in a.headers)).toBe(true);
    expect(answers.some((a) => 'set-cookie' in a.headers)).toBe(true);
    const leaks = answers.filter(({ headers }) => planted.some((p) => JSON.stringify(headers).toLowerCase().includes(p.toLowerCase())));
    expect(leaks.map((a) => a.url)).toEqual([]);
  });

  it('every page of the portal is kept by no cache: Cache-Control no-store', () => {
    const pages = answers.filter((a) => a.url.startsWith(portal.url) && (a.headers['content-type'] ?? '').startsWith('text/html'));
    expect(pages.length).toBeGreaterThan(100);
    expect(pages.filter((a) => a.headers['cache-control'] !== 'no-store').map((a) => `${a.url}: ${a.headers['cache-control']}`)).toEqual(
      [],
    );
  });

  it('no page broke, and the portal answered no 500', () => {
    expect(pageErrors).toEqual([]);
    expect(answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.url}`)).toEqual([]);
  });

  it('no page asked for a message its language lacks (the page would show the id in its place)', () => {
    expect(
      portal
        .output()
        .split('\n')
        .filter((line) => line.startsWith('intl:')),
    ).toEqual([]);
  });

  it("the portal's own log holds no planted string", () => {
    const log = portal.output().toLowerCase();
    expect(planted.filter((p) => log.includes(p.toLowerCase()))).toEqual([]);
  });
});
