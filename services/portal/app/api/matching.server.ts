import type { MatchingApi } from '@vertrouwd/web-api';
import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';
import { commandOf, type Done } from './problem.server';

// The matching service's API for the agency's coordinator (services/matching/src/api/http/agency.http.controller.ts,
// docs/services/matching.md). Request bodies are the generated OpenAPI types (libs/web-api, ADR 0049), so a changed
// API fails the portal's typecheck; the answers are typed here for the fields the screens read, each checked against
// the service's documented answer in answers.ts.

type Schemas = MatchingApi.components['schemas'];
export type OrganisationBody = Schemas['RegisterOrganisationRequest'];
export type AppointmentBody = Schemas['AppointmentRequest'];
export type AgreementBody = Schemas['AgreementRequest'];
export type AbsenceBody = Schemas['AbsenceRequest'];
export type HeadcountBody = Schemas['HeadcountRequest'];
export type EngagementBody = Schemas['EngagementRequest'];

export interface Counsellor {
  counsellorId: string;
  username: string;
  name: string | null;
  introduction: string | null;
  status: 'active' | 'inactive';
  kind: 'external' | 'internal';
  organisationId: string | null;
  roles: string[];
  languages: string[];
  gender: string;
  regions: string[];
  specialisms: string[];
  capacityCases: number;
  capacityHoursPerWeek: number;
  openCases: number;
  /** Goes up with every change of the counsellor's record. */
  version: number;
  absences: { absenceId: string; from: string; until: string; substituteId: string | null }[];
  conflicts: { conflictId: string; organisationId: string | null; caseId: string | null; reviewBy: string }[];
}

export interface Organisation {
  organisationId: string;
  name: string | null;
  intakeCode: string;
  kvkNumber: string;
  vatId: string | null;
  sbiCode: string;
  headcount: number;
  headcountFrom: string;
  wbkObliged: boolean;
  pendingBillObliged: boolean;
  regions: string[];
  languages: string[];
  primaryCounsellorId: string | null;
  substituteCounsellorId: string | null;
  internalCounsellorIds: string[];
  version: number;
}

export interface OrganisationDetail extends Organisation {
  headcountHistory: { from: string; headcount: number }[];
  appointmentHistory: {
    primaryId: string | null;
    substituteId: string | null;
    internalIds: string[];
    appointedBy: string;
    appointedAt: string;
  }[];
  agreements: {
    version: number;
    agreement: {
      tasks?: string[];
      powers?: string[];
      recorded?: string[];
      termFrom?: string;
      termUntil?: string;
      reportsToOrganisation?: string;
      signedOn?: string;
    };
    versionedAt: string;
  }[];
}

export interface Engagement {
  activityId: string;
  counsellorId: string;
  kind: string;
  on: string;
  minutes: number;
  description: string | null;
}

/** One candidate's verdict: the tier it was considered in, the hard rules that left it out, its score's parts. */
export interface Verdict {
  counsellorId: string;
  tier: string;
  excludedBy: string[];
  score?: number;
  parts?: { specialism: number; languages: number; region: number; load: number };
}

/** One round of a case's matching (metadata only: never what the reporter wrote). */
export interface MatchRound {
  caseId: string;
  round: number;
  organisationId: string;
  outcome: 'matched' | 'no-counsellor-available';
  counsellorId: string | null;
  tier: string | null;
  reason: string | null;
  decidedAt: string;
  declined: { at: string; conflictWith: string } | null;
  request?: {
    language: string;
    preferredGender: string;
    preferredKind: string;
    preferredCounsellorId: string | null;
    acknowledgementWindow: { from: string; until: string };
    declinedIds: string[];
  };
  explanation?: {
    ruleSet: string;
    considered: number;
    named: Verdict[];
    pool: { considered: number; excluded: Record<string, number>; best: Verdict[] };
  };
}

/** How a counsellor scored for the organisation's appointment: 0 with the one hard rule that left them out, if any. */
export interface AppointmentScore {
  counsellorId: string;
  score: number;
  excludedBy?: 'inactive' | 'internal' | 'conflict-organisation' | 'language';
}

const base = () => portalConfig().services.matching;
const id = (value: string) => encodeURIComponent(value);
const agency = (agencyId: string) => `/agencies/${id(agencyId)}`;

export async function counsellors(token: string, agencyId: string): Promise<Counsellor[]> {
  return (await readJson<{ counsellors: Counsellor[] }>(await callService(base(), `${agency(agencyId)}/counsellors`, token), 'counsellors'))
    .counsellors;
}

export async function counsellor(token: string, agencyId: string, counsellorId: string): Promise<Counsellor> {
  return readJson<Counsellor>(await callService(base(), `${agency(agencyId)}/counsellors/${id(counsellorId)}`, token), 'counsellor');
}

export async function recordAbsence(
  token: string,
  agencyId: string,
  counsellorId: string,
  body: AbsenceBody,
): Promise<Done<{ absenceId: string }>> {
  const path = `${agency(agencyId)}/counsellors/${id(counsellorId)}/absences`;
  return commandOf(await callService(base(), path, token, { method: 'POST', body }), 'absence');
}

export async function cancelAbsence(token: string, agencyId: string, counsellorId: string, absenceId: string): Promise<Done<undefined>> {
  const path = `${agency(agencyId)}/counsellors/${id(counsellorId)}/absences/${id(absenceId)}`;
  return commandOf(await callService(base(), path, token, { method: 'DELETE' }), 'cancel absence');
}

export async function organisations(token: string, agencyId: string): Promise<Organisation[]> {
  const path = `${agency(agencyId)}/organisations`;
  return (await readJson<{ organisations: Organisation[] }>(await callService(base(), path, token), 'organisations')).organisations;
}

export async function organisation(token: string, agencyId: string, organisationId: string): Promise<OrganisationDetail> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}`;
  return readJson<OrganisationDetail>(await callService(base(), path, token), 'organisation');
}

export async function engagements(token: string, agencyId: string, organisationId: string): Promise<Engagement[]> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}/engagements`;
  return (await readJson<{ engagements: Engagement[] }>(await callService(base(), path, token), 'engagements')).engagements;
}

/** Records work done for the organisation outside cases (prevention, advice) by one of the agency's counsellors. */
export async function recordEngagement(
  token: string,
  agencyId: string,
  organisationId: string,
  body: EngagementBody,
): Promise<Done<{ activityId: string }>> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}/engagements`;
  return commandOf(await callService(base(), path, token, { method: 'POST', body }), 'engagement');
}

export async function registerOrganisation(
  token: string,
  agencyId: string,
  body: OrganisationBody,
): Promise<Done<{ organisationId: string }>> {
  return commandOf(
    await callService(base(), `${agency(agencyId)}/organisations`, token, { method: 'POST', body }),
    'register organisation',
  );
}

export async function changeHeadcount(
  token: string,
  agencyId: string,
  organisationId: string,
  body: HeadcountBody,
): Promise<Done<undefined>> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}/headcount`;
  return commandOf(await callService(base(), path, token, { method: 'POST', body }), 'headcount');
}

export async function appoint(token: string, agencyId: string, organisationId: string, body: AppointmentBody): Promise<Done<undefined>> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}/appointment`;
  return commandOf(await callService(base(), path, token, { method: 'PUT', body }), 'appointment');
}

/** Matching chooses the primary and substitute and appoints them. */
export async function appointByMatching(
  token: string,
  agencyId: string,
  organisationId: string,
): Promise<Done<{ scores: AppointmentScore[] }>> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}/appointment/matching`;
  return commandOf(await callService(base(), path, token, { method: 'POST' }), 'appointment by matching');
}

export async function versionAgreement(
  token: string,
  agencyId: string,
  organisationId: string,
  body: AgreementBody,
): Promise<Done<{ version: number }>> {
  const path = `${agency(agencyId)}/organisations/${id(organisationId)}/agreements`;
  return commandOf(await callService(base(), path, token, { method: 'POST', body }), 'agreement');
}

/** Every round of one case's matching with its explanation; 404 when matching has not decided it (yet). */
export async function matchOfCase(token: string, agencyId: string, caseId: string): Promise<MatchRound[]> {
  const path = `${agency(agencyId)}/matches/${id(caseId)}`;
  return (await readJson<{ rounds: MatchRound[] }>(await callService(base(), path, token), 'match')).rounds;
}

/** Matching's latest decisions for the agency's cases, newest first (metadata only, no explanation). */
export async function decisions(token: string, agencyId: string): Promise<MatchRound[]> {
  return (await readJson<{ matches: MatchRound[] }>(await callService(base(), `${agency(agencyId)}/matches`, token), 'matches')).matches;
}
