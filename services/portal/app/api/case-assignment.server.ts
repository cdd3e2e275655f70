import type { CaseApi } from '@vertrouwd/web-api';
import { portalConfig } from '../config.server';
import { callService } from './http.server';
import { commandOf, type Done } from './problem.server';

/** The coordinator assigns a case of the agency to a counsellor (case service, `POST …/assignment`). */
export async function assignCase(token: string, agencyId: string, caseId: string, advisorId: string): Promise<Done<undefined>> {
  const body: CaseApi.components['schemas']['AssignAdvisorRequest'] = { advisorId };
  const path = `/agencies/${encodeURIComponent(agencyId)}/cases/${encodeURIComponent(caseId)}/assignment`;
  return commandOf(await callService(portalConfig().services.case, path, token, { method: 'POST', body }), 'assignment');
}
