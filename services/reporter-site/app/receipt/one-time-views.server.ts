import { OneTimeStore, openOnce } from '@vertrouwd/web-session';
import type { Receipt } from '../intake/intake-page';

/** How long a receipt waits for its one view after the redirect. */
export const VIEW_TTL_SECONDS = 600;

/**
 * The receipts waiting for their one view: rows in the site's own database (`DATABASE_URL`, table `receipt_views`),
 * so the redirect may reach any process or replica of the site. A row holds the receipt sealed under a key that exists
 * only in the reporter's cookie, beside the row's id; neither the database nor the site's secrets open it (ADR 0065).
 */
const views = openOnce(() =>
  OneTimeStore.open<Receipt>({ databaseUrl: process.env.DATABASE_URL ?? '', table: 'receipt_views', ttlSeconds: VIEW_TTL_SECONDS }),
);

/** Keeps the receipt for one view; the token (id and key) goes into an HttpOnly cookie, never into a URL or a log. */
export async function keepForOneView(receipt: Receipt): Promise<string> {
  return (await views()).keep(receipt);
}

/** The receipt, once: taking it removes it, whichever process kept it. */
export async function takeOneView(token: string | undefined): Promise<Receipt | undefined> {
  if (token === undefined || token === '') return undefined;
  return (await views()).take(token);
}
