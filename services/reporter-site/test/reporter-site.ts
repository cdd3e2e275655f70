import { join } from 'node:path';
import { buildWebService, startWebService, type RunningWebService } from '@vertrouwd/web-kit/testing';

const SITE = join(__dirname, '..');

/** Builds the site with the project's own build (`react-router build`, Vite): a few seconds. */
export function buildSite(): void {
  buildWebService(SITE);
}

export type RunningSite = RunningWebService;

export const SESSION_SECRET = 'reporter-site-e2e-session-secret-0123456789';

/** Starts server/main.ts as `npm start` does, on a free port, against the given intake and its own database. */
export function startSite(intakeUrl: string, databaseUrl: string): Promise<RunningSite> {
  return startWebService(SITE, { INTAKE_URL: intakeUrl, DATABASE_URL: databaseUrl, SESSION_SECRET });
}
