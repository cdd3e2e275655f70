import type { Candidate, MatchRequest } from './match-rules';

// A candidate who may take the request below, and the request: each spec changes only what its rule reads.
export const caseId = '0190a000-0000-7000-8000-000000000001';
export const agencyId = '46a843af-5ca5-490d-8839-a84730e4ca31';
export const otherAgencyId = '9d5e2c1a-7b7f-4c55-9a0e-1f0d3c2b4a11';
export const organisationId = '6c803c6b-3ad7-46df-b7a6-6635d64c97df';
export const otherOrganisationId = 'e1f0c4a2-5d3b-4f6e-8a9b-0c1d2e3f4a5b';
export const anna = 'bdf16451-7197-4632-b16f-b49c8c462987';
export const bram = 'b14ea1d4-ac2f-4d3b-b234-7802db2d513f';
export const carla = 'dcf6a062-69ee-46d7-9bc4-5e22aa2f34da';
export const dirk = 'a3c9e7f1-2b4d-4e6f-8a1c-3e5f7a9b1d2c';
export const eva = '5e7a1b3c-9d2f-4a6b-8c0e-2f4a6b8c0d1e';

/** The acknowledgement window of a report received on Monday 2 March 2026: 2 up to and including 9 March. */
export const windowFrom = '2026-03-02';
export const windowUntil = '2026-03-09';

export const candidate = (counsellorId: string, overrides: Partial<Candidate> = {}): Candidate => ({
  counsellorId,
  agencyId,
  active: true,
  kind: 'external',
  roles: ['unwanted-behaviour', 'integrity'],
  languages: ['nl', 'en'],
  gender: 'female',
  regions: [],
  specialisms: [],
  capacityCases: 10,
  capacityHoursPerWeek: 16,
  openCases: 0,
  minutesThisWeek: 0,
  absences: [],
  conflictOrganisationIds: [],
  ...overrides,
});

export const request = (overrides: Partial<MatchRequest> = {}): MatchRequest => ({
  caseId,
  agencyId,
  organisationId,
  theme: 'bullying',
  language: 'nl',
  preferredGender: 'any',
  preferredKind: 'any',
  declinedIds: [],
  organisationRegions: [],
  organisationLanguages: [],
  windowFrom,
  windowUntil,
  ...overrides,
});
