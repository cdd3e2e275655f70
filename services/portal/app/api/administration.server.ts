import type { CaseApi, MatchingApi } from '@vertrouwd/web-api';
import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';
import { commandOf, type Done } from './problem.server';

// The coordinator's administration of the agency: counsellors onboarded, their profiles, leaving and conflicts of
// interest, an organisation's details, and the agency's settings (matching) and retention period (case). Request
// bodies are the generated OpenAPI types (libs/web-api, ADR 0049): a changed API fails the portal's typecheck.

type Matching = MatchingApi.components['schemas'];
export type OnboardCounsellorBody = Matching['OnboardCounsellorRequest'];
export type CounsellorProfileBody = Matching['CounsellorProfileRequest'];
export type ConflictBody = Matching['ConflictRequest'];
export type AgencySettingsBody = Matching['AgencySettingsRequest'];
export type OrganisationDetailsBody = Matching['OrganisationDetailsRequest'];
export type RetentionBody = CaseApi.components['schemas']['RetentionRequest'];

/** The agency as matching's settings read shows it to its coordinator. */
export interface AgencySettings {
  agencyId: string;
  name: string | null;
  status: 'active' | 'suspended';
  settings: { poolMatching: boolean; languages: string[] };
  /** Sent back as If-Match when the settings are changed; absent while matching keeps none for the agency yet. */
  version?: number;
}

const matching = () => portalConfig().services.matching;
const id = (value: string) => encodeURIComponent(value);
const agency = (agencyId: string) => `/agencies/${id(agencyId)}`;
const counsellorPath = (agencyId: string, counsellorId: string) => `${agency(agencyId)}/counsellors/${id(counsellorId)}`;

/**
 * Onboarding makes the counsellor's account at the identity provider first; when the provider cannot be reached
 * matching answers 503 and writes nothing. That is a refusal the coordinator can retry, not an error page.
 */
async function withIdentity<T>(response: Response, what: string): Promise<Done<T>> {
  if (response.status !== 503) return commandOf<T>(response, what);
  await response.body?.cancel();
  return { ok: false, refusal: { status: 503, title: '', rule: 'IdentityUnavailable', fields: [] } };
}

export async function onboardCounsellor(
  token: string,
  agencyId: string,
  body: OnboardCounsellorBody,
): Promise<Done<{ counsellorId: string; userId: string }>> {
  const response = await callService(matching(), `${agency(agencyId)}/counsellors`, token, { method: 'POST', body });
  return withIdentity(response, 'onboard counsellor');
}

export async function changeProfile(
  token: string,
  agencyId: string,
  counsellorId: string,
  body: CounsellorProfileBody,
  ifMatch?: number,
): Promise<Done<undefined>> {
  const path = `${counsellorPath(agencyId, counsellorId)}/profile`;
  return commandOf(await callService(matching(), path, token, { method: 'PUT', body, ifMatch }), 'counsellor profile');
}

/** The counsellor leaves the agency: matching gives them no new case and their account is disabled. */
export async function deactivateCounsellor(token: string, agencyId: string, counsellorId: string): Promise<Done<undefined>> {
  const path = `${counsellorPath(agencyId, counsellorId)}/deactivation`;
  return withIdentity(await callService(matching(), path, token, { method: 'POST' }), 'deactivation');
}

/** The counsellor comes back: matched and appointed again, their account enabled again. */
export async function reactivateCounsellor(token: string, agencyId: string, counsellorId: string): Promise<Done<undefined>> {
  const path = `${counsellorPath(agencyId, counsellorId)}/reactivation`;
  return withIdentity(await callService(matching(), path, token, { method: 'POST' }), 'reactivation');
}

export async function declareConflict(
  token: string,
  agencyId: string,
  counsellorId: string,
  body: ConflictBody,
): Promise<Done<{ conflictId: string }>> {
  const path = `${counsellorPath(agencyId, counsellorId)}/conflicts`;
  return commandOf(await callService(matching(), path, token, { method: 'POST', body }), 'conflict');
}

export async function withdrawConflict(
  token: string,
  agencyId: string,
  counsellorId: string,
  conflictId: string,
): Promise<Done<undefined>> {
  const path = `${counsellorPath(agencyId, counsellorId)}/conflicts/${id(conflictId)}`;
  return commandOf(await callService(matching(), path, token, { method: 'DELETE' }), 'withdraw conflict');
}

export async function changeOrganisationDetails(
  token: string,
  agencyId: string,
  organisationId: string,
  body: OrganisationDetailsBody,
  ifMatch?: number,
): Promise<Done<undefined>> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}/details`;
  return commandOf(await callService(matching(), path, token, { method: 'PUT', body, ifMatch }), 'organisation details');
}

export async function agencySettings(token: string, agencyId: string): Promise<AgencySettings> {
  return readJson<AgencySettings>(await callService(matching(), `${agency(agencyId)}/settings`, token), 'settings');
}

export async function configureAgency(
  token: string,
  agencyId: string,
  body: AgencySettingsBody,
  ifMatch?: number,
): Promise<Done<undefined>> {
  const put = await callService(matching(), `${agency(agencyId)}/settings`, token, { method: 'PUT', body, ifMatch });
  return commandOf(put, 'configure agency');
}

/** How long the case service keeps a closed case before erasing it; `null` while the agency has set no period. */
export async function retention(token: string, agencyId: string): Promise<number | null> {
  const response = await callService(portalConfig().services.case, `${agency(agencyId)}/retention`, token);
  return (await readJson<{ monthsAfterClosure: number | null }>(response, 'retention')).monthsAfterClosure;
}

export async function setRetention(
  token: string,
  agencyId: string,
  body: RetentionBody,
): Promise<Done<{ monthsAfterClosure: number | null }>> {
  const response = await callService(portalConfig().services.case, `${agency(agencyId)}/retention`, token, { method: 'PUT', body });
  return commandOf(response, 'retention');
}
