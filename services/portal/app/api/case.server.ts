import { portalConfig } from '../config.server';
import { callService, outcomeOf, readJson, type Outcome } from './http.server';
import { commandOf, type Done } from './problem.server';

// The case service's API as the portal uses it (services/case/src/api/http). The answers are typed here for the
// fields the screens read, each checked against the service's documented answer in answers.ts.

export interface DeadlineState {
  deadline: 'acknowledgement' | 'feedback';
  dueAt: string;
  state: 'pending' | 'met' | 'missed' | 'stopped';
  metAt?: string;
  stoppedAt?: string;
}

export interface CaseOverview {
  caseId: string;
  agencyId: string;
  organisationId: string;
  theme: string;
  status: string;
  advisorId: string | null;
  receivedAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
  handoverTo: string | null;
}

/** A case's two legal clocks and the regime they run under. */
export interface LegalClocks {
  regime: string;
  acknowledgement: DeadlineState;
  feedback: DeadlineState;
}

/** A case of the advisor's own list, with its legal clocks (absent before they start). */
export interface MyCase extends CaseOverview {
  clocks?: LegalClocks;
}

/** One event of the case as its advisor reads it: sealed fields opened (or `{ erased: true }` and the like). */
export interface CaseEntry {
  type: string;
  version: number;
  recordedAt: string;
  data: Record<string, unknown>;
}

export interface CaseView {
  caseId: string;
  status: string;
  advisorId?: string;
  /** The summaries shared with the reporter: the latest version and the one they approved (null: none yet). */
  summaries?: { summaryId: string; version: number; approvedVersion: number | null }[];
  /** The reporter's consents: what each allows and whether it counts now. */
  consents?: {
    consentId: string;
    scope: string;
    referralType: string | null;
    recordedBy: 'reporter' | 'advisor';
    status: 'given' | 'awaiting-confirmation' | 'withdrawn';
  }[];
  legalDuties?: { dutyId: string; reason: string; scope: string; referralType: string | null }[];
  /** The case's legal clocks now (absent only for a case without its opening). */
  clocks?: LegalClocks;
  history: CaseEntry[];
}

export interface Attention {
  waitingForAssignment: CaseOverview[];
  handoverPending: CaseOverview[];
  advisorCannotAct: CaseOverview[];
}

export interface AuditedCase {
  caseId: string;
  organisationId: string;
  theme: string;
  regime: string;
  status: string;
  advisorId: string | null;
  receivedAt: string;
  closedAt: string | null;
  clocks: { acknowledgement: DeadlineState; feedback: DeadlineState };
}

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  brokenAt?: number;
  reason?: string;
}

export interface Replay {
  caseId: string;
  chain: { case: ChainVerification; access: ChainVerification };
  /** Absent when the events hold no clock. */
  clocks?: { regime: string; acknowledgement: DeadlineState; feedback: DeadlineState };
  timeline: {
    stream: 'case' | 'access';
    type: string;
    version: number;
    recordedAt: string;
    actor: string | null;
    data: Record<string, unknown>;
  }[];
}

const base = () => portalConfig().services.case;
const id = (value: string) => encodeURIComponent(value);

/** The advisor's cases, each with both legal clocks (met ones too, which `GET /advisors/me/deadlines` leaves out). */
export async function myCases(token: string): Promise<MyCase[]> {
  return (await readJson<{ cases: MyCase[] }>(await callService(base(), '/advisors/me/cases', token), 'my cases')).cases;
}

/**
 * Why the case page opens a case: the assigned advisor's own work on it. The case service logs each read with the
 * reason stated (its closed list); the page reads the case for nothing else.
 */
export const READ_REASON = 'case-work';

/** The case, opened by its advisor (the case service logs the read, with its reason, for the auditor). */
export async function readCase(token: string, caseId: string): Promise<CaseView> {
  return readJson<CaseView>(await callService(base(), `/cases/${id(caseId)}?reason=${READ_REASON}`, token), 'the case');
}

export async function acknowledge(token: string, caseId: string): Promise<Outcome> {
  return outcomeOf(await callService(base(), `/cases/${id(caseId)}/acknowledgement`, token, { method: 'POST', body: {} }), 'acknowledge');
}

/** A reply to the reporter; a refusal comes back with the fields and rules the service named. */
export async function sendMessage(token: string, caseId: string, text: string): Promise<Done<unknown>> {
  return commandOf(await callService(base(), `/cases/${id(caseId)}/messages`, token, { method: 'POST', body: { text } }), 'message');
}

export async function closeCase(token: string, caseId: string, outcome: string, feedback?: string): Promise<Done<unknown>> {
  const body = { outcome, ...(feedback ? { feedback } : {}) };
  return commandOf(await callService(base(), `/cases/${id(caseId)}/closure`, token, { method: 'POST', body }), 'close');
}

/** The coordinator's queue: live cases that need someone. */
export async function attention(token: string, agencyId: string): Promise<Attention> {
  return readJson<Attention>(await callService(base(), `/agencies/${id(agencyId)}/cases/attention`, token), 'the queue');
}

export async function auditedCases(token: string, auditId: string, agencyId: string): Promise<AuditedCase[]> {
  const path = `/audits/${id(auditId)}/agencies/${id(agencyId)}/cases?limit=200`;
  return (await readJson<{ cases: AuditedCase[] }>(await callService(base(), path, token), 'audited cases')).cases;
}

export async function replay(token: string, auditId: string, caseId: string): Promise<Replay> {
  return readJson<Replay>(await callService(base(), `/audits/${id(auditId)}/cases/${id(caseId)}/replay`, token), 'replay');
}
