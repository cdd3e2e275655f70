import { join } from 'node:path';
import { buildWebService, startWebService, type RunningWebService } from '@vertrouwd/web-kit/testing';

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
