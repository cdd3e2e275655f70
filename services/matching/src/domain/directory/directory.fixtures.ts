import type { AgencyEvent, AgencySettings } from './agency.events';
import type { CounsellorEvent } from './counsellor.events';
import type { CounsellorProfile, OrganisationDetails } from './directory.values';
import type { AppointeeCheck } from './organisation.aggregate';
import type { OrganisationEvent, OrganisationSnapshot } from './organisation.events';

// Shared history for the directory's Given-When-Then specs. Ids are fixed so expected events can be written out.
export const agencyId = '46a843af-5ca5-490d-8839-a84730e4ca31';
export const otherAgencyId = '9d5e2c1a-7b7f-4c55-9a0e-1f0d3c2b4a11';
export const organisationId = '6c803c6b-3ad7-46df-b7a6-6635d64c97df';
export const otherOrganisationId = 'e1f0c4a2-5d3b-4f6e-8a9b-0c1d2e3f4a5b';
export const anna = 'bdf16451-7197-4632-b16f-b49c8c462987';
export const bram = 'b14ea1d4-ac2f-4d3b-b234-7802db2d513f';
export const carla = 'dcf6a062-69ee-46d7-9bc4-5e22aa2f34da';
export const dirk = 'a3c9e7f1-2b4d-4e6f-8a1c-3e5f7a9b1d2c';
export const userId = 'f4d3c2b1-a0e9-4f8d-b7c6-5a4b3c2d1e0f';
export const sealed = (label: string) => `sealed:v1:k:iv:${label}`;
export const at = (iso: string) => new Date(iso);
export const T0 = '2026-03-02T09:00:00.000Z';
export const now = at(T0);

export const settings: AgencySettings = { poolMatching: true, languages: ['nl', 'en'] };
export const agencyRegistered: AgencyEvent = {
  type: 'AgencyRegistered',
  agencyId,
  sealedName: sealed('agency'),
  settings,
  registeredAt: T0,
};
export const agencySuspended: AgencyEvent = { type: 'AgencySuspended', agencyId, suspendedAt: T0 };
export const agencyReinstated: AgencyEvent = { type: 'AgencyReinstated', agencyId, reinstatedAt: T0 };

export const profile: CounsellorProfile = {
  kind: 'external',
  roles: ['unwanted-behaviour', 'integrity'],
  languages: ['nl', 'en'],
  gender: 'female',
  regions: ['utrecht'],
  specialisms: ['bullying'],
  capacityCases: 10,
  capacityHoursPerWeek: 16,
  sealedName: sealed('name'),
};
export const internalProfile: CounsellorProfile = { ...profile, kind: 'internal', organisationId };
export const onboarding = {
  counsellorId: anna,
  agencyId,
  userId,
  username: 'anna',
  sealedEmail: sealed('email'),
  profile,
};
export const onboarded: CounsellorEvent = { type: 'CounsellorOnboarded', ...onboarding, version: 1, onboardedAt: T0 };
export const deactivated: CounsellorEvent = {
  type: 'CounsellorDeactivated',
  counsellorId: anna,
  agencyId,
  profile,
  version: 2,
  deactivatedAt: T0,
};
export const absent = (absenceId: string, from: string, until: string, substituteId?: string): CounsellorEvent => ({
  type: 'AbsenceRecorded',
  counsellorId: anna,
  absenceId,
  from,
  until,
  ...(substituteId ? { substituteId } : {}),
  recordedAt: T0,
});
export const conflictWith = (conflictId: string, target: { organisationId?: string; caseId?: string }): CounsellorEvent => ({
  type: 'ConflictDeclared',
  counsellorId: anna,
  conflictId,
  ...target,
  reviewBy: '2027-03-02',
  declaredAt: T0,
});

export const details: OrganisationDetails = {
  sealedName: sealed('organisation'),
  intakeCode: 'ACME-2026',
  kvkNumber: '12345678',
  sbiCode: '6201',
  regions: ['utrecht'],
  languages: ['nl'],
};
export const snapshot: OrganisationSnapshot = {
  organisationId,
  agencyId,
  version: 1,
  details,
  headcount: 120,
  headcountFrom: '2026-01-01',
  headcounts: [{ from: '2026-01-01', headcount: 120 }],
  appointment: { internalIds: [] },
};
export const organisationRegistered: OrganisationEvent = {
  type: 'OrganisationRegistered',
  organisationId,
  agencyId,
  snapshot,
  registeredAt: T0,
};
/** What the caller found of each counsellor it names in an appointment. */
export const external: AppointeeCheck = { active: true, agencyId, kind: 'external' };
export const ownInternal: AppointeeCheck = { active: true, agencyId, kind: 'internal', organisationId };
