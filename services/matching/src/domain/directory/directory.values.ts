import type { COUNSELLOR_GENDERS, COUNSELLOR_KINDS, COUNSELLOR_ROLES, ENGAGEMENT_KINDS, REGIONS, SPECIALISMS } from '@vertrouwd/contracts';

// The directory's values: plain data, the same words as the published contracts.

export type CounsellorKind = (typeof COUNSELLOR_KINDS)[number];
export type CounsellorRole = (typeof COUNSELLOR_ROLES)[number];
export type CounsellorGender = (typeof COUNSELLOR_GENDERS)[number];
export type Region = (typeof REGIONS)[number];
export type Specialism = (typeof SPECIALISMS)[number];
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** A counsellor as the agency describes them: everything matching reads, and the public name and introduction (sealed). */
export interface CounsellorProfile {
  kind: CounsellorKind;
  /** The one client organisation an internal counsellor is an employee of; absent for external counsellors. */
  organisationId?: string;
  roles: CounsellorRole[];
  languages: string[];
  gender: CounsellorGender;
  regions: Region[];
  specialisms: Specialism[];
  /** Open cases at most at a time. */
  capacityCases: number;
  /** Hours of case work per week at most. */
  capacityHoursPerWeek: number;
  sealedName: string;
  sealedIntroduction?: string;
}

/** A client organisation's details: the name is sealed, the rest are codes. */
export interface OrganisationDetails {
  sealedName: string;
  intakeCode: string;
  kvkNumber: string;
  vatId?: string;
  sbiCode: string;
  regions: Region[];
  languages: string[];
}

/** Who serves an organisation: its primary and substitute counsellor, and any internal ones. */
export interface Appointment {
  primaryId?: string;
  substituteId?: string;
  internalIds: string[];
}

/**
 * The written agreement between the organisation and the counsellor (seed 002's checklist), one version of it:
 * tasks, powers, term, what is recorded, and how reports to the organisation are made.
 */
export interface Agreement {
  tasks: AgreementTask[];
  powers: AgreementPower[];
  recorded: AgreementRecord[];
  termFrom: string;
  termUntil?: string;
  reportsToOrganisation: 'annual' | 'semi-annual' | 'quarterly';
  signedOn: string;
}

export const AGREEMENT_TASKS = [
  'reception-and-advice',
  'support-and-guidance',
  'referral',
  'aftercare',
  'prevention',
  'policy-advice',
  'annual-report',
  'integrity-reports',
] as const;
export type AgreementTask = (typeof AGREEMENT_TASKS)[number];
/** What the counsellor may do (seed 002: e.g. speak to anyone in the organisation, at the reporter's request only). */
export const AGREEMENT_POWERS = [
  'speak-to-anyone-with-consent',
  'consult-external-experts',
  'advise-management-unasked',
  'access-premises',
  'escalate-to-board',
] as const;
export type AgreementPower = (typeof AGREEMENT_POWERS)[number];
export const AGREEMENT_RECORDS = ['contact-log', 'case-files', 'anonymised-statistics', 'hours'] as const;
export type AgreementRecord = (typeof AGREEMENT_RECORDS)[number];
export const REPORT_FREQUENCIES = ['annual', 'semi-annual', 'quarterly'] as const;

/** The Wbk obliges employers of 50 or more to have a reporting procedure and a counsellor. */
export const WBK_THRESHOLD = 50;
/** The pending bill (Wetsvoorstel vertrouwenspersoon ongewenste omgangsvormen) would oblige employers of 10 or more. */
export const PENDING_BILL_THRESHOLD = 10;
