import { data } from 'react-router';
import { portalConfig } from '../config.server';
import { callService, readJson } from './http.server';

// The matching service's counsellor self endpoints (services/matching/src/api/http/counsellor-self.http.controller.ts)
// as the advisor's "my work" page uses them: their own record, absences and engagements outside cases.

export interface MyRecord {
  counsellorId: string;
  name: string | null;
  status: 'active' | 'inactive';
  absences: { absenceId: string; from: string; until: string; substituteId: string | null }[];
  serves: { organisationId: string; name: string | null }[];
  engagements: { activityId: string; organisationId: string; kind: string; on: string; minutes: number; description: string | null }[];
}

/** How a recording went: done, or refused with the fields and the rule the service named (never its messages). */
export type Recorded = { ok: true } | { ok: false; status: number; fields: string[]; rule?: string };

const base = () => portalConfig().services.matching;

/** The advisor's own record as a counsellor of their agency (404 when they are none: the page's 404). */
export async function myRecord(token: string): Promise<MyRecord> {
  return readJson<MyRecord>(await callService(base(), '/counsellors/me', token), 'my record');
}

async function record(path: string, token: string, body: unknown, what: string): Promise<Recorded> {
  const response = await callService(base(), path, token, { method: 'POST', body });
  if (response.ok) {
    await response.body?.cancel();
    return { ok: true };
  }
  if (response.status === 403 || response.status >= 500) {
    await response.body?.cancel();
    if (response.status === 403) throw data(null, { status: 403 });
    throw new Error(`${what}: the service answered ${response.status}`);
  }
  const problem = (await response.json().catch(() => ({}))) as { errors?: { field?: unknown }[]; rule?: unknown };
  const fields = (problem.errors ?? []).map((e) => (typeof e.field === 'string' ? e.field.split(/[.[]/)[0] : '')).filter(Boolean);
  return { ok: false, status: response.status, fields, ...(typeof problem.rule === 'string' ? { rule: problem.rule } : {}) };
}

export function recordEngagement(
  token: string,
  body: { organisationId: string; kind: string; on: string; minutes: number; description: string },
): Promise<Recorded> {
  return record('/counsellors/me/engagements', token, body, 'record an engagement');
}

export function recordAbsence(token: string, body: { from: string; until: string }): Promise<Recorded> {
  return record('/counsellors/me/absences', token, body, 'record an absence');
}

export interface Colleague {
  counsellorId: string;
  name: string | null;
}

/**
 * The advisor's active colleagues at their agency (matching `GET /counsellors/me/colleagues`), or undefined when
 * matching cannot be read now: the case page then says so and offers no form that needs a colleague.
 */
export async function myColleagues(token: string): Promise<Colleague[] | undefined> {
  try {
    const response = await callService(base(), '/counsellors/me/colleagues', token);
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    return ((await response.json()) as { colleagues: Colleague[] }).colleagues;
  } catch {
    return undefined;
  }
}
