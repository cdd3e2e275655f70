import type { IntakeApi } from '@vertrouwd/web-api';
import type { Language } from '../i18n/languages';
import type { IntakePage, Receipt } from './intake-page';
import type { ReportRequest } from './report-form';

/**
 * The headers that let intake's limits count the reporter, not the site: the reporter's address and the secret
 * proving the site sent it (`INTAKE_PROXY_SECRET`, shared with intake). Without the secret, or outside the site's
 * server, none: intake then counts the site's own address.
 */
export function forwardedFor(clientAddress: string | undefined): Record<string, string> {
  const secret = process.env.INTAKE_PROXY_SECRET;
  return secret && clientAddress ? { 'x-forwarded-for': clientAddress, 'x-intake-proxy-key': secret } : {};
}

/** Where intake's API is: `INTAKE_URL`, the launcher's intake port by default. */
export function intakeUrl(): string {
  return (process.env.INTAKE_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');
}

// Intake codes are lower-case words with dashes; anything else is not a page, and never reaches intake's path.
const INTAKE_CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function isIntakeCode(code: string): boolean {
  return INTAKE_CODE.test(code);
}

// An organisation's intake page is public text that changes only when the agency edits its directory: the site
// keeps each (code, language) for a few seconds, so a busy page asks intake once per interval instead of once per
// visitor (concurrent visitors share one request). Failures are not kept; an unknown code is, as briefly.
export const INTAKE_PAGE_KEPT_MS = 10_000;
const PAGES_KEPT = 1_000;
const pages = new Map<string, { until: number; page: Promise<IntakePage | undefined> }>();

/** The organisation's page in one language, or undefined when no organisation has the code. */
export function fetchIntakePage(code: string, language: Language): Promise<IntakePage | undefined> {
  if (!isIntakeCode(code)) return Promise.resolve(undefined);
  const key = `${code} ${language}`;
  const now = Date.now();
  const kept = pages.get(key);
  if (kept && kept.until > now) return kept.page;
  const page = loadIntakePage(code, language);
  pages.delete(key);
  if (pages.size >= PAGES_KEPT) pages.delete(pages.keys().next().value!);
  pages.set(key, { until: now + INTAKE_PAGE_KEPT_MS, page });
  page.catch(() => {
    if (pages.get(key)?.page === page) pages.delete(key);
  });
  return page;
}

async function loadIntakePage(code: string, language: Language): Promise<IntakePage | undefined> {
  // As the site (the secret), intake counts no visit for this read: the site reports the visits it served itself
  // (server/page-visits.ts), however many it answers from this one read.
  const secret = process.env.INTAKE_PROXY_SECRET;
  const response = await fetch(`${intakeUrl()}/intake/${code}?lang=${language}`, {
    headers: { accept: 'application/json', ...(secret ? { 'x-intake-proxy-key': secret } : {}) },
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`intake answered ${response.status} for the intake page`);
  return (await response.json()) as IntakePage;
}

export type Submission =
  | { kind: 'received'; receipt: Receipt }
  | { kind: 'out-of-scope'; whereToGo: string }
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'unknown-counsellor' }
  | { kind: 'failed'; status: number };

/** Submits the report; what intake refuses comes back as a kind the form can explain, never as its problem text. */
export async function submitReport(code: string, report: ReportRequest, clientAddress?: string): Promise<Submission> {
  const response = await fetch(`${intakeUrl()}/intake/${code}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...forwardedFor(clientAddress) },
    body: JSON.stringify(report),
  });
  if (response.status === 201) {
    const { receiptCode, passphrase, proof } = (await response.json()) as IntakeApi.components['schemas']['ReceiptView'];
    return { kind: 'received', receipt: { receiptCode, passphrase, proof } satisfies Receipt };
  }
  if (response.status === 200) {
    const answer = (await response.json()) as IntakeApi.components['schemas']['OutOfScopeView'];
    if (answer.outOfScope) return { kind: 'out-of-scope', whereToGo: answer.whereToGo.whereToGo };
  }
  if (response.status === 429) return { kind: 'busy', retryAfterSeconds: Number(response.headers.get('retry-after') ?? 180) || 180 };
  if (response.status === 422 && report.preferences?.counsellorId) return { kind: 'unknown-counsellor' };
  await response.body?.cancel();
  return { kind: 'failed', status: response.status };
}
