import type { CaseApi } from '@vertrouwd/web-api';
import { data } from 'react-router';
import { portalConfig } from '../config.server';
import { callService } from './http.server';

// The advisor's steps on a case beyond acknowledging, replying and closing (the case service's case-work and
// handover endpoints), each answering what the page needs to say how it went.

/** How a step went: done (with the ids the service made), or refused with the fields and the rule it named. */
export type Step = { ok: true; ids: Record<string, string> } | { ok: false; status: number; fields: string[]; rule?: string };

const base = () => portalConfig().services.case;
const id = (value: string) => encodeURIComponent(value);

/**
 * One step posted to the case service. Its 404 and 403 become the portal's own; a 5xx fails the page. A refusal's
 * problem+json is read for the names of the fields (`errors[].field`) and the rule (`rule`) only: its messages are
 * never shown or logged, and no field's value is ever in it.
 */
async function step(path: string, token: string, body: unknown, what: string): Promise<Step> {
  const response = await callService(base(), path, token, { method: 'POST', body });
  if (response.ok) {
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const ids = Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { ok: true, ids };
  }
  if (response.status === 403 || response.status >= 500) {
    await response.body?.cancel();
    if (response.status === 403) throw data(null, { status: 403 });
    throw new Error(`${what}: the service answered ${response.status}`);
  }
  const problem = (await response.json().catch(() => ({}))) as { errors?: { field?: unknown }[]; rule?: unknown };
  // Not this advisor's case (or none): the portal's 404. A 404 of a rule about something in the form (no such
  // conversation, summary or plan on this case) is said at the form.
  if (response.status === 404 && (typeof problem.rule !== 'string' || problem.rule === 'CaseNotFoundError')) {
    throw data(null, { status: 404 });
  }
  const fields = (problem.errors ?? []).map((e) => (typeof e.field === 'string' ? e.field.split(/[.[]/)[0] : '')).filter(Boolean);
  return { ok: false, status: response.status, fields, ...(typeof problem.rule === 'string' ? { rule: problem.rule } : {}) };
}

const onCase = (caseId: string, path: string) => `/cases/${id(caseId)}/${path}`;

export function recordConversation(
  token: string,
  caseId: string,
  body: { heldOn: string; minutes: number; mode: string; summary: string },
): Promise<Step> {
  return step(onCase(caseId, 'conversations'), token, body, 'record a conversation');
}

export function shareSummary(token: string, caseId: string, summaryId: string): Promise<Step> {
  return step(onCase(caseId, `summaries/${id(summaryId)}/share`), token, {}, 'share a summary');
}

export function reviseSummary(token: string, caseId: string, summaryId: string, summary: string): Promise<Step> {
  return step(onCase(caseId, `summaries/${id(summaryId)}/versions`), token, { summary }, 'revise a summary');
}

export function giveAdvice(token: string, caseId: string, text: string): Promise<Step> {
  return step(onCase(caseId, 'advice'), token, { text }, 'give advice');
}

export function recordConsent(
  token: string,
  caseId: string,
  body: { scope: string; referralType?: string; conversationId: string },
): Promise<Step> {
  return step(onCase(caseId, 'consents'), token, body, 'record a consent');
}

export type LegalDutyBody = Schemas['LegalDutyRequest'];

/** Records that the law overrides the reporter's consent for one step: its reason and a sealed explanation. */
export function invokeLegalDuty(token: string, caseId: string, body: LegalDutyBody): Promise<Step> {
  return step(onCase(caseId, 'legal-duties'), token, body, 'record a legal duty');
}

export function makeReferral(token: string, caseId: string, referralType: string): Promise<Step> {
  return step(onCase(caseId, 'referrals'), token, { referralType }, 'refer');
}

export function supportFormalReport(token: string, caseId: string): Promise<Step> {
  return step(onCase(caseId, 'formal-report'), token, {}, 'support a formal report');
}

export function planAftercare(token: string, caseId: string, body: { plannedFor: string; plan: string }): Promise<Step> {
  return step(onCase(caseId, 'aftercare'), token, body, 'plan aftercare');
}

export function recordAftercare(token: string, caseId: string, aftercareId: string, note: string): Promise<Step> {
  return step(onCase(caseId, `aftercare/${id(aftercareId)}/completion`), token, { note }, 'record aftercare');
}

export function logHours(token: string, caseId: string, body: { workedOn: string; minutes: number; activity: string }): Promise<Step> {
  return step(onCase(caseId, 'hours'), token, body, 'log hours');
}

type Schemas = CaseApi.components['schemas'];

/** Offers the case to a colleague of the agency (it stays the advisor's until the colleague accepts). */
export function transferCase(token: string, caseId: string, body: Schemas['TransferRequest']): Promise<Step> {
  return step(onCase(caseId, 'transfer'), token, body, 'transfer');
}

/** Asks the reporter (or the agreement at intake) to reveal their identity to one viewer, with a reason. */
export function requestReveal(token: string, caseId: string, body: Schemas['RevealRequest']): Promise<Step> {
  return step(onCase(caseId, 'identity-reveals'), token, body, 'ask an identity reveal');
}

/** Asks a colleague a de-identified question (intervisie). */
export function consultColleague(token: string, caseId: string, body: Schemas['ConsultationRequest']): Promise<Step> {
  return step(onCase(caseId, 'consultations'), token, body, 'ask a colleague');
}
