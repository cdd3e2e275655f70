import type { IntakeApi } from '@vertrouwd/web-api';
import { forwardedFor, intakeUrl } from '../intake/intake-client.server';

/** What intake's `POST /intake/follow-up` came to, as the login page explains it. */
export type FollowUp =
  | { kind: 'opened'; token: string; caseId: string; expiresIn: number }
  | { kind: 'no-match' }
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'failed' };

/** Receipt code and passphrase to intake, which answers with a token for that one case (never seen by the browser). */
export async function openFollowUp(receiptCode: string, passphrase: string, clientAddress?: string): Promise<FollowUp> {
  const response = await fetch(`${intakeUrl()}/intake/follow-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...forwardedFor(clientAddress) },
    body: JSON.stringify({ receiptCode, passphrase }),
  });
  if (response.status === 200) {
    const { token, caseId, expiresIn } = (await response.json()) as Schemas['FollowUpView'];
    return { kind: 'opened', token, caseId, expiresIn };
  }
  await response.body?.cancel();
  // A malformed pair (400) is no match either: the reporter is told the same, and learns nothing more.
  if (response.status === 401 || response.status === 400) return { kind: 'no-match' };
  if (response.status === 429) return { kind: 'busy', retryAfterSeconds: Math.max(1, Number(response.headers.get('retry-after')) || 60) };
  return { kind: 'failed' };
}

/** The token no longer opens the case (expired, or the case erased): the session is over. */
export class FollowUpEnded extends Error {
  constructor() {
    super('The follow-up token no longer opens the case');
    this.name = 'FollowUpEnded';
  }
}

export interface CaseAccess {
  caseId: string;
  token: string;
}

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ids from a posted form are put in intake's path only when they are ids. */
export const isId = (value: unknown): value is string => typeof value === 'string' && CASE_ID.test(value);

function caseUrl(access: CaseAccess, path: string): string {
  if (!isId(access.caseId)) throw new FollowUpEnded();
  return `${intakeUrl()}/intake/cases/${access.caseId}/${path}`;
}

/** Reads one of the reporter's views of their case. */
export async function readCase<P extends keyof CaseViews>(access: CaseAccess, path: P): Promise<CaseViews[P]> {
  const response = await fetch(caseUrl(access, path), { headers: { accept: 'application/json', authorization: `Bearer ${access.token}` } });
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    await response.body?.cancel();
    throw new FollowUpEnded();
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`intake answered ${response.status} reading the reporter's case`);
  }
  return (await response.json()) as CaseViews[P];
}

/** Sends one of the reporter's answers; the status tells the page what to say (intake's problem text is not shown). */
export async function postCase(access: CaseAccess, path: string, body?: object): Promise<number> {
  const response = await fetch(caseUrl(access, path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${access.token}` },
    body: JSON.stringify(body ?? {}),
  });
  await response.body?.cancel();
  if (response.status === 401 || response.status === 403) throw new FollowUpEnded();
  return response.status;
}

// The reporter's views of their case, as intake's committed OpenAPI document says (libs/web-api, `npm run openapi`):
// a changed API fails the site's type check instead of its pages.
type Schemas = IntakeApi.components['schemas'];

/** A text intake unsealed for the reporter: the text, or erased (its key shredded), or refused (not this case's). */
export type Shown = Schemas['ThreadMessage']['body'];
export type CaseStatus = Schemas['ReportStatusView'];
export type Message = Schemas['ThreadMessage'];
export type SummaryVersion = Schemas['SummaryVersion'];
export type Summary = Schemas['SharedSummary'];
export type Consent = Schemas['ReporterConsentView'];
export type LegalDuty = Schemas['LegalDutyView'];
export type IdentityReveal = Schemas['IdentityRevealView'];

/** What each read of the reporter's case answers, by the last part of its path. */
export interface CaseViews {
  status: CaseStatus;
  messages: Schemas['MessagesView'];
  summaries: Schemas['SummariesView'];
  consents: Schemas['ConsentsView'];
  'identity-reveals': Schemas['IdentityRevealsView'];
}
