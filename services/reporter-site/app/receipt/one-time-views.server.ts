import { randomBytes } from 'node:crypto';
import type { Receipt } from '../intake/intake-page';

/** How long a receipt waits for its one view after the redirect. */
export const VIEW_TTL_SECONDS = 600;

interface Waiting {
  receipt: Receipt;
  expiresAt: number;
}

// In this process's memory only: a receipt is never written anywhere, and is gone once shown, expired or restarted.
// One site process per intake address (or sticky sessions) until a shared store is needed.
const waiting = new Map<string, Waiting>();

/** Keeps the receipt for one view; the id goes into an HttpOnly cookie, never into a URL. */
export function keepForOneView(receipt: Receipt, now = Date.now()): string {
  sweep(now);
  const id = randomBytes(32).toString('base64url');
  waiting.set(id, { receipt, expiresAt: now + VIEW_TTL_SECONDS * 1000 });
  return id;
}

/** The receipt, once: taking it removes it. */
export function takeOneView(id: string | undefined, now = Date.now()): Receipt | undefined {
  if (id === undefined) return undefined;
  const entry = waiting.get(id);
  waiting.delete(id);
  return entry && entry.expiresAt > now ? entry.receipt : undefined;
}

function sweep(now: number): void {
  for (const [id, entry] of waiting) if (entry.expiresAt <= now) waiting.delete(id);
}
