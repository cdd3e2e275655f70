import type { CaseErased, CaseEvent, CaseOpened } from './case.events';
import type { Theme } from './case.values';

// Shared history for the Given-When-Then specs. Ids are fixed so expected events can be written out.
export const caseId = '0190a000-0000-7000-8000-000000000001';
export const agencyId = '46a843af-5ca5-490d-8839-a84730e4ca31';
export const organisationId = '6c803c6b-3ad7-46df-b7a6-6635d64c97df';
export const anna = 'bdf16451-7197-4632-b16f-b49c8c462987';
export const bram = 'b14ea1d4-ac2f-4d3b-b234-7802db2d513f';
export const carla = 'dcf6a062-69ee-46d7-9bc4-5e22aa2f34da';
export const sealed = (label: string) => `sealed:v1:k:iv:${label}`;
export const at = (iso: string) => new Date(iso);
export const T0 = '2026-03-02T09:00:00.000Z';

export const openedWith = (theme: Theme): CaseOpened => ({
  type: 'CaseOpened',
  caseId,
  agencyId,
  organisationId,
  theme,
  relation: 'manager',
  anonymity: 'anonymous',
  receivedAt: '2026-03-01T20:00:00.000Z',
  openedAt: '2026-03-01T20:00:01.000Z',
  sealedAccount: sealed('account'),
});
export const opened = openedWith('bullying');
export const assigned: CaseEvent = { type: 'AdvisorAssigned', caseId, advisorId: anna, assignedBy: carla, assignedAt: T0 };
export const acknowledged: CaseEvent = { type: 'CaseAcknowledged', caseId, advisorId: anna, acknowledgedAt: T0 };
export const conversation: CaseEvent = {
  type: 'ConversationRecorded',
  caseId,
  conversationId: 'conv-1',
  advisorId: anna,
  heldOn: '2026-03-02',
  minutes: 45,
  mode: 'video',
  sealedSummary: sealed('summary'),
  recordedAt: T0,
};
export const shared: CaseEvent = {
  type: 'SummaryShared',
  caseId,
  summaryId: 'conv-1',
  advisorId: anna,
  sealedSummary: sealed('summary'),
  sharedAt: T0,
  version: 1,
};
export const closed: CaseEvent = { type: 'CaseClosed', caseId, advisorId: anna, outcome: 'settled-informally', closedAt: T0 };
export const erased: CaseErased = { type: 'CaseErased', caseId, reason: 'request', erasedAt: T0 };
/** The reporter's own consent, through their receipt, to a referral to the company doctor. */
export const consentToReferral: CaseEvent = {
  type: 'ConsentGiven',
  caseId,
  consentId: 'consent-1',
  scope: 'referral',
  referralType: 'company-doctor',
  givenBy: 'reporter',
  givenAt: T0,
};
