import { amsterdamToday } from '@vertrouwd/domain';
import { randomUUID } from 'node:crypto';
import {
  DEMO_ADVISORS,
  DEMO_AGENCY_2_ADVISORS,
  DEMO_AGENCY_2_ID,
  DEMO_AGENCY_2_ORGANISATIONS,
  DEMO_AGENCY_ID,
  DEMO_ORGANISATIONS,
  type DemoUser,
  type Role,
} from '@vertrouwd/auth';

/**
 * Advisors the demo realm does not have, minted by the matrix: agency-noord's second (the colleague its advisor
 * consults) and a third of agency-demo, who is asked nothing.
 */
export const MATRIX_ADVISORS: readonly [DemoUser, DemoUser] = [
  { username: 'advisor-otto', id: randomUUID(), roles: ['advisor'], agencyId: DEMO_AGENCY_2_ID, advisorId: randomUUID() },
  { username: 'advisor-dirk', id: randomUUID(), roles: ['advisor'], agencyId: DEMO_AGENCY_ID, advisorId: randomUUID() },
];

/** An agency's case that the matrix calls every endpoint on, and the demo users of that agency who may reach it. */
export interface Target {
  agency: 'agency-demo' | 'agency-noord';
  agencyId: string;
  caseId: string;
  organisationId: string;
  /** The advisor the case is assigned to, and the demo user that is. */
  advisorId: string;
  advisor: string;
  /** The colleague the advisor consults (the set-up asks them), also named in the transfer's and reveal's bodies. */
  colleagueId: string;
  colleague: string;
  /** The consultation the set-up asked of the colleague: the service's id, known once it is asked. */
  consultationId: string;
  coordinator: string;
  auditor: string;
}

export const TARGETS: readonly [Target, Target] = [
  {
    agency: 'agency-demo',
    agencyId: DEMO_AGENCY_ID,
    caseId: randomUUID(),
    organisationId: DEMO_ORGANISATIONS['org-bakkerij'],
    advisorId: DEMO_ADVISORS['advisor-anna'],
    advisor: 'advisor-anna',
    colleagueId: DEMO_ADVISORS['advisor-bram'],
    colleague: 'advisor-bram',
    consultationId: '',
    coordinator: 'coordinator-carla',
    auditor: 'auditor-ada',
  },
  {
    agency: 'agency-noord',
    agencyId: DEMO_AGENCY_2_ID,
    caseId: randomUUID(),
    organisationId: DEMO_AGENCY_2_ORGANISATIONS['org-scheepswerf'],
    advisorId: DEMO_AGENCY_2_ADVISORS['advisor-nina'],
    advisor: 'advisor-nina',
    colleagueId: MATRIX_ADVISORS[0].advisorId!,
    colleague: MATRIX_ADVISORS[0].username,
    consultationId: '',
    coordinator: 'coordinator-noor',
    auditor: 'auditor-nadia',
  },
];

/** Who may pass, and how the case service narrows it further. */
export type Scope =
  | 'agency' // coordinator of the agency in the path
  | 'assigned' // the case's assigned advisor (and, for erasure, an admin)
  | 'asked' // the colleague the consultation was asked of
  | 'own' // the advisor's own lists: any advisor, filtered by their advisor id
  | 'audit' // an auditor of the case's agency (the path names the case)
  | 'audit-agency'; // the auditor of the agency in the path

export interface Endpoint {
  method: 'get' | 'post' | 'put';
  /** The path as `/openapi.json` names it. */
  path: string;
  url: string;
  body?: object;
  roles: Role[];
  scope: Scope;
}

/** Declared public (health for load balancers); everything else must be in the matrix. */
export const PUBLIC = ['get /health/live', 'get /health/ready'];

/** Every endpoint of the case service, aimed at the target's agency and case; bodies well-formed. */
export function endpointsOf(t: Target): Endpoint[] {
  const today = amsterdamToday();
  const agency = (method: Endpoint['method'], path: string, url: string, body?: object): Endpoint => ({
    method,
    path: `/agencies/{agencyId}${path}`,
    url: `/agencies/${t.agencyId}${url}`,
    ...(body ? { body } : {}),
    roles: ['coordinator'],
    scope: 'agency',
  });
  const advisor = (method: Endpoint['method'], path: string, url: string, scope: Scope, body?: object): Endpoint => ({
    method,
    path,
    url,
    ...(body ? { body } : {}),
    roles: ['advisor'],
    scope,
  });
  const work = (action: string, body?: object) =>
    advisor('post', `/cases/{caseId}/${action}`, `/cases/${t.caseId}/${action}`, 'assigned', body);
  const onItem = (path: string, body?: object) =>
    advisor('post', `/cases/{caseId}/${path}`, `/cases/${t.caseId}/${path.replace(/\{\w+\}/, randomUUID())}`, 'assigned', body);
  return [
    agency('get', '/cases', '/cases'),
    agency('get', '/cases/attention', '/cases/attention'),
    agency('post', '/cases/{caseId}/assignment', `/cases/${t.caseId}/assignment`, { advisorId: t.advisorId }),
    agency('get', '/deadlines', '/deadlines?state=due'),
    agency('get', '/deadlines/compliance', '/deadlines/compliance'),
    agency('get', '/retention', '/retention'),
    agency('put', '/retention', '/retention', { monthsAfterClosure: 12 }),
    advisor('get', '/cases/{caseId}', `/cases/${t.caseId}`, 'assigned'),
    advisor('get', '/advisors/me/cases', '/advisors/me/cases', 'own'),
    advisor('get', '/advisors/me/deadlines', '/advisors/me/deadlines', 'own'),
    advisor('get', '/advisors/me/handovers', '/advisors/me/handovers', 'own'),
    work('identity-reveals', { viewerId: t.colleagueId, reason: 'matrix' }),
    work('consultations', { colleagueId: t.colleagueId, question: 'matrix' }),
    advisor('get', '/cases/{caseId}/consultations', `/cases/${t.caseId}/consultations`, 'assigned'),
    advisor('get', '/advisors/me/consultations', '/advisors/me/consultations', 'own'),
    // Only the colleague asked may answer: every other advisor, the one who asked included, gets 404.
    advisor('post', '/consultations/{consultationId}/answer', `/consultations/${t.consultationId}/answer`, 'asked', { answer: 'matrix' }),
    work('handover/acceptance'),
    work('handover/refusal'),
    work('acknowledgement'),
    work('declination', { conflictWith: 'organisation' }),
    work('conversations', { heldOn: today, minutes: 30, mode: 'video', summary: 'matrix' }),
    onItem('summaries/{summaryId}/share'),
    work('advice', { text: 'matrix' }),
    onItem('summaries/{summaryId}/versions', { summary: 'matrix' }),
    work('consents', { scope: 'referral', referralType: 'police', conversationId: randomUUID() }),
    work('legal-duties', { reason: 'danger-to-life', scope: 'formal-report', explanation: 'matrix' }),
    work('referrals', { referralType: 'company-doctor' }),
    work('formal-report'),
    work('hours', { workedOn: today, minutes: 5, activity: 'advice' }),
    work('closure', { outcome: 'referred' }),
    work('reopening'),
    work('messages', { text: 'matrix' }),
    work('feedback', { feedback: 'matrix' }),
    work('aftercare', { plannedFor: today, plan: 'matrix' }),
    onItem('aftercare/{aftercareId}/completion', { note: 'matrix' }),
    work('transfer', { toAdvisorId: t.colleagueId, reason: 'matrix' }),
    { ...work('erasure'), roles: ['admin', 'advisor'] },
    {
      method: 'get',
      path: '/audits/{auditId}/cases/{caseId}/replay',
      url: `/audits/${randomUUID()}/cases/${t.caseId}/replay`,
      roles: ['auditor'],
      scope: 'audit',
    },
    ...['cases', 'deadlines/compliance', 'access-log'].map((path): Endpoint => ({
      method: 'get',
      path: `/audits/{auditId}/agencies/{agencyId}/${path}`,
      url: `/audits/${randomUUID()}/agencies/${t.agencyId}/${path}`,
      roles: ['auditor'],
      scope: 'audit-agency',
    })),
  ];
}
