// What the API reads of the directory's read models: names unsealed for staff of the agency, everything else codes.
// Implemented with SQL in infrastructure.

export interface AgencyView {
  agencyId: string;
  name: string | null;
  status: 'active' | 'suspended';
  settings: { poolMatching: boolean; languages: string[] };
  coordinators: number;
  counsellors: number;
  organisations: number;
  registeredAt: string;
  /** The agency's stream version; absent until its read model has seen an event since versions were kept. */
  version?: number;
}

export interface CounsellorView {
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
  version: number;
  absences: { absenceId: string; from: string; until: string; substituteId: string | null }[];
  conflicts: { conflictId: string; organisationId: string | null; caseId: string | null; reviewBy: string }[];
}

export interface OrganisationView {
  organisationId: string;
  name: string | null;
  intakeCode: string;
  kvkNumber: string;
  vatId: string | null;
  sbiCode: string;
  /** In force today, and the flags of it. */
  headcount: number;
  headcountFrom: string;
  wbkObliged: boolean;
  pendingBillObliged: boolean;
  /** Changes dated after today, in order: each in force from its day. */
  scheduledHeadcounts: { from: string; headcount: number }[];
  regions: string[];
  languages: string[];
  primaryCounsellorId: string | null;
  substituteCounsellorId: string | null;
  internalCounsellorIds: string[];
  version: number;
}

export interface OrganisationDetailView extends OrganisationView {
  headcountHistory: { from: string; headcount: number }[];
  appointmentHistory: {
    primaryId: string | null;
    substituteId: string | null;
    internalIds: string[];
    appointedBy: string;
    appointedAt: string;
  }[];
  agreements: { version: number; agreement: unknown; versionedAt: string }[];
}

export interface EngagementView {
  activityId: string;
  organisationId: string;
  counsellorId: string;
  kind: string;
  on: string;
  minutes: number;
  description: string | null;
}

export interface DecisionView {
  caseId: string;
  round: number;
  organisationId: string;
  outcome: 'matched' | 'no-counsellor-available';
  counsellorId: string | null;
  tier: string | null;
  reason: string | null;
  decidedAt: string;
  declined: { at: string; conflictWith: string } | null;
  request?: unknown;
  explanation?: unknown;
}

export interface DirectoryReads {
  agencies(): Promise<AgencyView[]>;
  agency(agencyId: string): Promise<AgencyView | undefined>;
  counsellors(agencyId: string): Promise<CounsellorView[]>;
  counsellor(agencyId: string, counsellorId: string): Promise<CounsellorView | undefined>;
  organisations(agencyId: string): Promise<OrganisationView[]>;
  organisation(agencyId: string, organisationId: string): Promise<OrganisationDetailView | undefined>;
  /** Organisations a counsellor serves (primary, substitute or internal). */
  servedBy(counsellorId: string): Promise<OrganisationView[]>;
  engagements(agencyId: string, organisationId: string): Promise<EngagementView[]>;
  /** A counsellor's own engagements, for every organisation of the agency, newest first (at most a year's worth of rows). */
  engagementsOf(agencyId: string, counsellorId: string): Promise<EngagementView[]>;
  /** Visits to the organisation's intake page per day, newest first (at most a year). */
  pageVisits(agencyId: string, organisationId: string): Promise<{ day: string; visits: number }[]>;
  decisions(agencyId: string, unmatchedOnly: boolean): Promise<DecisionView[]>;
  decisionsOfCase(agencyId: string, caseId: string): Promise<DecisionView[]>;
}
export const DIRECTORY_READS = Symbol('DirectoryReads');
