import type { MatchingApi } from '@vertrouwd/web-api';

// The values matching's forms offer, typed against matching's published API (libs/web-api): a value the service
// stops accepting fails the portal's typecheck.

type Schemas = MatchingApi.components['schemas'];

export const REGIONS = [
  'drenthe',
  'flevoland',
  'friesland',
  'gelderland',
  'groningen',
  'limburg',
  'noord-brabant',
  'noord-holland',
  'overijssel',
  'utrecht',
  'zeeland',
  'zuid-holland',
] as const satisfies readonly Schemas['OrganisationDetailsRequest']['regions'][number][];

/** Workforce languages offered on the form (ISO 639-1; the service takes any two-letter code). */
export const WORKFORCE_LANGUAGES = ['nl', 'en', 'pl', 'tr', 'ar', 'de', 'uk', 'ro', 'es', 'pt'] as const;

export const AGREEMENT_TASKS = [
  'reception-and-advice',
  'support-and-guidance',
  'referral',
  'aftercare',
  'prevention',
  'policy-advice',
  'annual-report',
  'integrity-reports',
] as const satisfies readonly Schemas['AgreementRequest']['tasks'][number][];

export const AGREEMENT_POWERS = [
  'speak-to-anyone-with-consent',
  'consult-external-experts',
  'advise-management-unasked',
  'access-premises',
  'escalate-to-board',
] as const satisfies readonly Schemas['AgreementRequest']['powers'][number][];

export const AGREEMENT_RECORDS = [
  'contact-log',
  'case-files',
  'anonymised-statistics',
  'hours',
] as const satisfies readonly Schemas['AgreementRequest']['recorded'][number][];

export const REPORT_FREQUENCIES = [
  'annual',
  'semi-annual',
  'quarterly',
] as const satisfies readonly Schemas['AgreementRequest']['reportsToOrganisation'][];
