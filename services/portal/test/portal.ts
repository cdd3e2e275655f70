import { join } from 'node:path';
import { DEMO_PASSWORD } from '@vertrouwd/auth';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWebService, startWebService, type RunningWebService } from '@vertrouwd/web-kit/testing';
import { CLIENT_SECRET, type Platform } from './platform';

export { freePort } from '@vertrouwd/web-kit/testing';

const PORTAL = join(__dirname, '..');

/** Builds the portal with its own build (`react-router build`, Vite): a few seconds. */
export function buildPortal(): void {
  buildWebService(PORTAL);
}

export type RunningPortal = RunningWebService;

/** Starts server/main.ts as `npm start -w services/portal` does, with the given environment. */
export function startPortal(port: number, env: Record<string, string>): Promise<RunningPortal> {
  return startWebService(PORTAL, { PORT: String(port), ...env });
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
