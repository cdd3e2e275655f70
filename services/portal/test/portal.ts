import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '@vertrouwd/auth';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { axeViolations, buildWebService, freePort, startWebService, type RunningWebService } from '@vertrouwd/web-kit/testing';
import { CLIENT_SECRET, startPlatform, type Platform, type PlatformOptions } from './platform';

export { freePort } from '@vertrouwd/web-kit/testing';

const PORTAL = join(__dirname, '..');

/** Where the specs leave their screenshots. */
export const SCREENSHOTS = join(__dirname, '../../../tmp/portal');

/** A JSON Web Token anywhere in a text: none may reach the browser or the portal's log. */
export const JWT = /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+/;

/** A case as the portal's pages name it: the first eight characters of its id. */
export const ref = (caseId: string) => caseId.slice(0, 8);

/** Builds the portal with its own build (`react-router build`, Vite): a few seconds. */
export function buildPortal(): void {
  buildWebService(PORTAL);
}

export type RunningPortal = RunningWebService;

/**
 * Starts server/main.ts with the given environment, as two processes on one port as `npm start` runs it on two
 * cores (ADR 0064): a page, its data request and a refresh of the user's tokens may each reach either process.
 */
export function startPortal(port: number, env: Record<string, string>): Promise<RunningPortal> {
  return startWebService(PORTAL, { PORT: String(port), WEB_PROCESSES: '2', ...env });
}

/** The environment of a portal over the platform of the tests (test/platform.ts): its issuer, services and database. */
export function portalEnvironment(
  platform: Pick<Platform, 'issuer' | 'portalDatabase' | 'intake' | 'cases' | 'matching' | 'reporting' | 'billing'>,
  url: string,
): Record<string, string> {
  return {
    OIDC_ISSUER: platform.issuer.issuer,
    PORTAL_CLIENT_SECRET: CLIENT_SECRET,
    PORTAL_URL: url,
    DATABASE_URL: platform.portalDatabase.url,
    SESSION_SECRET: 'portal-e2e-session-secret-of-at-least-32-characters',
    INTAKE_URL: platform.intake.url,
    CASE_URL: platform.cases.url,
    ...(platform.matching ? { MATCHING_URL: platform.matching.url } : {}),
    REPORTING_URL: platform.reporting.url,
    BILLING_URL: platform.billing.url,
  };
}

/** Debian's Chromium, headless, with nothing fetched in the background (the tests count every request a page makes). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Signs a demo user in on the issuer's login page, starting at the portal's sign-in address. */
export async function signInAt(portalUrl: string, page: Page, username: string, lang: 'nl' | 'ar' = 'nl'): Promise<void> {
  await page.goto(`${portalUrl}/auth/sign-in?lang=${lang}&returnTo=/${lang}`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(`${portalUrl}/${lang}`);
}

/**
 * Waits until React has hydrated the page (its fibers are on the main element): what a test does to the page
 * before that (a screenshot hides the caret with an inline style) would be a mismatch React reports.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main !== null && Object.keys(main).some((key) => key.startsWith('__reactFiber'));
  });
}

/** A spec's portal: built, started over the real platform (test/platform.ts), and a browser to drive it. */
export interface PortalUnderTest {
  platform: Platform;
  portal: RunningPortal;
  browser: Browser;
}

/** Builds and starts the portal over a platform started with the options, and launches Chromium. */
export async function startPortalUnderTest(options: PlatformOptions = {}): Promise<PortalUnderTest> {
  buildPortal();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started: Partial<PortalUnderTest> = {};
  try {
    started.platform = await startPlatform(url, options);
    started.portal = await startPortal(port, portalEnvironment(started.platform, url));
    started.browser = await launchChromium();
  } catch (error) {
    await stopPortalUnderTest(started);
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return started as PortalUnderTest;
}

/** Stops what was started, the browser first and the platform last. */
export async function stopPortalUnderTest({ browser, portal, platform }: Partial<PortalUnderTest>): Promise<void> {
  await browser?.close();
  await portal?.stop();
  await platform?.stop();
}

/** What a spec counts as a page's problem, besides a script error (always one). */
export interface PageWatch {
  /** Where the problems go, for the spec to assert on at its end. */
  problems: string[];
  /** Console messages that are problems (a Content-Security-Policy violation, a hydration mismatch). */
  console?: RegExp;
  /** Whether an answer of 500 or more is a problem. */
  serverErrors?: boolean;
}

/** A new browser context (a person's browser, no cookies yet) in Dutch, and its page, watched for problems. */
export async function openPage(
  browser: Browser,
  watch: PageWatch,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'nl-NL', ...options });
  const page = await context.newPage();
  if (watch.serverErrors) {
    page.on('response', (response) => void (response.status() >= 500 && watch.problems.push(`${response.status()} ${response.url()}`)));
  }
  if (watch.console) {
    const problem = watch.console;
    page.on('console', (message) => void (problem.test(message.text()) && watch.problems.push(message.text())));
  }
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  return { context, page };
}

/**
 * A check of pages with axe (WCAG 2.1 A and AA, web-kit's `axeViolations`) that adds each violation, labelled, to
 * `found`, for the spec to assert on at its end. `hydratedFirst`: each page is checked once React has hydrated it.
 */
export function axeChecker(found: string[], options: { hydratedFirst?: boolean } = {}): (page: Page, label: string) => Promise<void> {
  return async (page, label) => {
    if (options.hydratedFirst) await hydrated(page);
    found.push(...(await axeViolations(page)).map((violation) => `${label}: ${violation}`));
  };
}

/**
 * Signs a demo user in as a person does: the header's sign-in link on the start page of the language, the issuer's
 * login page, and back to that start page.
 */
export async function signInFromHeader(
  { portal, platform }: Pick<PortalUnderTest, 'portal' | 'platform'>,
  page: Page,
  username: string,
  lang: 'nl' | 'en' | 'ar' = 'nl',
): Promise<void> {
  await page.goto(`${portal.url}/${lang}`);
  const name = { nl: 'Inloggen', en: 'Sign in', ar: 'تسجيل الدخول' }[lang];
  await page.locator('header').getByRole('link', { name }).click();
  await page.waitForURL((url) => url.href.startsWith(platform.issuer.issuer));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(`${portal.url}/${lang}`);
}

/** Clicks a form's button and returns the answer to the form's POST (with scripts off: the navigation's). */
export async function submitForm(portalUrl: string, page: Page, button: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url().startsWith(portalUrl)),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return response;
}
