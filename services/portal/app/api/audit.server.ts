import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';
import type { DEADLINE_STATES } from './oversight-values';

// The case service's auditor lists beyond the cases (services/case/src/api/http/auditor-agency.http.controller.ts):
// deadline compliance across the agency's cases and the access log with each read's stated reason.

type State = (typeof DEADLINE_STATES)[number];

export interface DeadlineCompliance {
  agencyId: string;
  at: string;
  counts: Record<string, Record<'acknowledgement' | 'feedback', Record<State, number>>>;
}

export interface AccessRead {
  caseId: string;
  actor: string;
  at: string;
  reason: string | null;
  fields: string[];
}

export interface AccessLog {
  total: number;
  limit: number;
  offset: number;
  reads: AccessRead[];
}

const base = () => portalConfig().services.case;
const id = (value: string) => encodeURIComponent(value);

export async function deadlineCompliance(token: string, auditId: string, agencyId: string): Promise<DeadlineCompliance> {
  return readJson(await callService(base(), `/audits/${id(auditId)}/agencies/${id(agencyId)}/deadlines/compliance`, token), 'compliance');
}

export async function accessLog(token: string, auditId: string, agencyId: string, offset: number): Promise<AccessLog> {
  const path = `/audits/${id(auditId)}/agencies/${id(agencyId)}/access-log?limit=100&offset=${offset}`;
  return readJson(await callService(base(), path, token), 'access log');
}
