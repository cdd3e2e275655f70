import type { CaseApi } from '@vertrouwd/web-api';
import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';
import { commandOf, type Done } from './problem.server';

// What an advisor does with colleagues through the case service: the handovers offered to them and their answer,
// the peer consultations (intervisie) of a case and those asked of them, and their answer. Reads of a consultation's
// text are logged by the case service in the access log of the case it is about.

/** A case a colleague offered to this advisor: only what the case service shows before the handover is accepted. */
export interface Handover {
  caseId: string;
  organisationId: string;
  theme: string;
  receivedAt: string;
}

/** A sealed text as the case service opens it: the text, or a marker (erased, refused) the page never shows as text. */
type Shown = string | { erased: true } | { refused: true };

export interface CaseConsultation {
  consultationId: string;
  colleagueId: string;
  requestedAt: string;
  question: Shown;
  answer: Shown | null;
  answeredAt: string | null;
}

/** A consultation asked of this advisor: who asked, the question and their answer; never the case. */
export interface ConsultationAskedOfMe {
  consultationId: string;
  askedBy: string;
  requestedAt: string;
  question: Shown;
  answer: Shown | null;
  answeredAt: string | null;
}

const base = () => portalConfig().services.case;
const id = (value: string) => encodeURIComponent(value);

export async function myHandovers(token: string): Promise<Handover[]> {
  return (await readJson<{ handovers: Handover[] }>(await callService(base(), '/advisors/me/handovers', token), 'my handovers')).handovers;
}

/** Accepts (the case becomes this advisor's) or refuses (it stays with the advisor who offered it) a handover. */
export async function answerHandover(token: string, caseId: string, answer: 'acceptance' | 'refusal'): Promise<Done<undefined>> {
  return commandOf(await callService(base(), `/cases/${id(caseId)}/handover/${answer}`, token, { method: 'POST' }), 'answer a handover');
}

/** The consultations of the advisor's case, question and answer (the read is logged for the case). */
export async function consultationsOfCase(token: string, caseId: string): Promise<CaseConsultation[]> {
  const response = await callService(base(), `/cases/${id(caseId)}/consultations`, token);
  return (await readJson<{ consultations: CaseConsultation[] }>(response, 'the consultations')).consultations;
}

export async function consultationsAskedOfMe(token: string): Promise<ConsultationAskedOfMe[]> {
  const response = await callService(base(), '/advisors/me/consultations', token);
  return (await readJson<{ consultations: ConsultationAskedOfMe[] }>(response, 'consultations asked of me')).consultations;
}

export async function answerConsultation(token: string, consultationId: string, answer: string): Promise<Done<undefined>> {
  const path = `/consultations/${id(consultationId)}/answer`;
  const body: CaseApi.components['schemas']['ConsultationAnswerRequest'] = { answer };
  return commandOf(await callService(base(), path, token, { method: 'POST', body }), 'answer a consultation');
}

/** The text of a sealed field, or undefined when it is erased or could not be opened (the page says so). */
export const shownText = (value: Shown | null | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
