import { join } from 'node:path';
import { buildWebService, startWebService, type RunningWebService } from '@vertrouwd/web-kit/testing';

const SITE = join(__dirname, '..');

/** Builds the site with the project's own build (`react-router build`, Vite): a few seconds. */
export function buildSite(): void {
  buildWebService(SITE);
}

export type RunningSite = RunningWebService;

export const SESSION_SECRET = 'reporter-site-e2e-session-secret-0123456789';
/** Shared with intake (test/platform.ts): the site forwards each reporter's address, and intake trusts it. */
export const INTAKE_PROXY_SECRET = 'reporter-site-e2e-intake-proxy-secret-0123456789';

/**
 * Starts server/main.ts as `npm start` does on two cores (two processes on one port, ADR 0064), on a free port,
 * against the given intake and its own database: the report's redirect, the receipt and the follow-up pages may each
 * reach either process.
 */
export function startSite(intakeUrl: string, databaseUrl: string): Promise<RunningSite> {
  return startWebService(SITE, {
    INTAKE_URL: intakeUrl,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET,
    INTAKE_PROXY_SECRET,
    WEB_PROCESSES: '2',
  });
}
