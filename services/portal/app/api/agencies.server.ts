import { portalConfig } from '../config.server';
import { callService, outcomeOf, readJson, type Outcome } from './http.server';

// The platform admin's agencies in the matching service (services/matching/src/api/http/platform-agencies.http.controller.ts).

export interface Agency {
  agencyId: string;
  /** null when its sealed name cannot be opened. */
  name: string | null;
  status: 'active' | 'suspended';
  settings: { poolMatching: boolean; languages: string[] };
  coordinators: number;
  counsellors: number;
  organisations: number;
  registeredAt: string;
}

const base = () => portalConfig().services.matching;
const id = (value: string) => encodeURIComponent(value);

export async function agencies(token: string): Promise<Agency[]> {
  return (await readJson<{ agencies: Agency[] }>(await callService(base(), '/platform/agencies', token), 'agencies')).agencies;
}

export async function registerAgency(
  token: string,
  agency: { agencyId: string; name: string; poolMatching: boolean; languages: string[] },
): Promise<Outcome> {
  return outcomeOf(await callService(base(), '/platform/agencies', token, { method: 'POST', body: agency }), 'register');
}

export async function changeStatus(token: string, agencyId: string, to: 'suspension' | 'reinstatement'): Promise<Outcome> {
  return outcomeOf(await callService(base(), `/platform/agencies/${id(agencyId)}/${to}`, token, { method: 'POST', body: {} }), to);
}

export async function appointCoordinator(token: string, agencyId: string, account: { username: string; email: string }): Promise<Outcome> {
  return outcomeOf(
    await callService(base(), `/platform/agencies/${id(agencyId)}/coordinators`, token, { method: 'POST', body: account }),
    'coordinator',
  );
}
