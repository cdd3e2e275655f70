import { defineContract } from '../contract';
import { REGIONS } from '../matching/matching.contracts';
import {
  ADVISOR_GENDERS,
  ADVISOR_KINDS,
  ANONYMITY,
  CONSENT_SCOPES,
  CONTACT_CHANNELS,
  REFERRAL_TYPES,
  RELATIONS,
  THEMES,
  contractV1,
  count,
  day,
  instant,
  language,
  oneOf,
  payload,
  sealed,
  summaryVersion,
  uuid,
} from '../fields';

/**
 * A report was submitted through an organisation's intake page: the case opens from it. Everything a
 * person wrote or is (the account, contact details, identity) travels only sealed under the case's and the
 * reporter's keys: the case service's advisor can read it, shredding erases it here too.
 */
export const ReportSubmittedV1 = defineContract({
  type: 'intake.report-submitted',
  version: 1,
  description: 'A report was submitted; consumed by case (opens the case), matching (chooses the counsellor) and, later, reporting.',
  payload: payload(
    {
      caseId: uuid,
      agencyId: uuid,
      organisationId: uuid,
      theme: oneOf(THEMES),
      relation: oneOf(RELATIONS),
      anonymity: oneOf(ANONYMITY),
      contactChannel: oneOf(CONTACT_CHANNELS),
      language,
      preferredAdvisorGender: oneOf(ADVISOR_GENDERS),
      preferredAdvisorKind: oneOf(ADVISOR_KINDS),
      preferredCounsellorId: uuid,
      consentVersion: { type: 'string', pattern: '^v[0-9]+(\\.[0-9]+)*$', maxLength: 20 },
      receivedAt: instant,
      sealedAccount: sealed,
      sealedContact: sealed,
      sealedIdentity: sealed,
      site: oneOf(REGIONS),
    },
    ['sealedContact', 'sealedIdentity', 'preferredCounsellorId', 'site'],
  ),
  fields: {
    caseId: 'id',
    agencyId: 'id',
    organisationId: 'id',
    theme: 'enum',
    relation: 'enum',
    anonymity: 'enum',
    contactChannel: 'enum',
    language: 'language',
    preferredAdvisorGender: 'enum',
    preferredAdvisorKind: 'enum',
    preferredCounsellorId: 'id',
    consentVersion: 'id',
    receivedAt: 'timestamp',
    sealedAccount: 'sealed',
    sealedContact: 'sealed',
    sealedIdentity: 'sealed',
    site: 'enum',
  },
});

/** The reporter wrote to their advisor through the platform (body sealed). */
export const ReporterMessageSentV1 = contractV1(
  'intake',
  'reporter-message-sent',
  'A reporter sent a message on their case; consumed by case.',
  { caseId: uuid, messageId: uuid, sentAt: instant, sealedBody: sealed },
  { caseId: 'id', messageId: 'id', sentAt: 'timestamp', sealedBody: 'sealed' },
);

/** The reporter agreed with a conversation summary their advisor shared (EU directive 2019/1937, art. 18). */
export const SummaryApprovedV1 = contractV1(
  'intake',
  'summary-approved',
  'A reporter approved a version of a shared conversation summary (absent version: 1); consumed by case.',
  { caseId: uuid, summaryId: uuid, approvedAt: instant, version: summaryVersion },
  { caseId: 'id', summaryId: 'id', approvedAt: 'timestamp', version: 'count' },
  ['version'],
);

/** The reporter corrected a conversation summary (the correction sealed). */
export const SummaryCorrectedV1 = contractV1(
  'intake',
  'summary-corrected',
  'A reporter corrected a version of a shared conversation summary (absent version: 1); consumed by case.',
  { caseId: uuid, summaryId: uuid, correctedAt: instant, sealedCorrection: sealed, version: summaryVersion },
  { caseId: 'id', summaryId: 'id', correctedAt: 'timestamp', sealedCorrection: 'sealed', version: 'count' },
  ['version'],
);

/** The reporter withdrew their report. */
export const ReportWithdrawnV1 = contractV1(
  'intake',
  'report-withdrawn',
  'A reporter withdrew; consumed by case (the case closes as withdrawn).',
  { caseId: uuid, withdrawnAt: instant },
  { caseId: 'id', withdrawnAt: 'timestamp' },
);

/** The reporter resumed the report they had withdrawn: only they can. */
export const ReportResumedV1 = contractV1(
  'intake',
  'report-resumed',
  'A reporter resumed their withdrawn report; consumed by case (the case opens again, its clocks start anew).',
  { caseId: uuid, resumedAt: instant },
  { caseId: 'id', resumedAt: 'timestamp' },
);

/** The reporter approved or refused that their identity be revealed to the viewer named in a request. */
export const IdentityRevealAnsweredV1 = contractV1(
  'intake',
  'identity-reveal-answered',
  'A reporter answered an identity reveal request; consumed by case.',
  { caseId: uuid, revealId: uuid, decision: oneOf(['approved', 'refused'] as const), answeredAt: instant },
  { caseId: 'id', revealId: 'id', decision: 'enum', answeredAt: 'timestamp' },
);

/** The reporter gave a consent through their receipt: to one step, and for a referral to one target. */
export const ConsentGivenV1 = contractV1(
  'intake',
  'consent-given',
  'A reporter gave consent to one step (a referral to one target, or a formal report); consumed by case.',
  { caseId: uuid, consentId: uuid, scope: oneOf(CONSENT_SCOPES), referralType: oneOf(REFERRAL_TYPES), givenAt: instant },
  { caseId: 'id', consentId: 'id', scope: 'enum', referralType: 'enum', givenAt: 'timestamp' },
  ['referralType'],
);

/** The reporter confirmed a consent their advisor recorded from a conversation: from now on it counts. */
export const ConsentConfirmedV1 = contractV1(
  'intake',
  'consent-confirmed',
  'A reporter confirmed a consent their advisor recorded; consumed by case.',
  { caseId: uuid, consentId: uuid, confirmedAt: instant },
  { caseId: 'id', consentId: 'id', confirmedAt: 'timestamp' },
);

/** The reporter withdrew a consent (their own or one their advisor recorded): it allows nothing any more. */
export const ConsentWithdrawnV1 = contractV1(
  'intake',
  'consent-withdrawn',
  'A reporter withdrew a consent; consumed by case.',
  { caseId: uuid, consentId: uuid, withdrawnAt: instant },
  { caseId: 'id', consentId: 'id', withdrawnAt: 'timestamp' },
);

/**
 * How often an organisation's intake page was opened on one day (Europe/Amsterdam), counted without tracking anyone:
 * no address, cookie or device is kept, only the day's total. Published once the day is over; consumed by matching
 * (engagement), billing and reporting.
 */
export const PageVisitsCountedV1 = contractV1(
  'intake',
  'page-visits-counted',
  "The day's number of visits to an organisation's intake page, counted without tracking anyone.",
  { organisationId: uuid, agencyId: uuid, day, visits: count },
  { organisationId: 'id', agencyId: 'id', day: 'timestamp', visits: 'count' },
);

export const INTAKE_CONTRACTS = [
  ReportSubmittedV1,
  ReporterMessageSentV1,
  SummaryApprovedV1,
  SummaryCorrectedV1,
  ReportWithdrawnV1,
  ReportResumedV1,
  IdentityRevealAnsweredV1,
  ConsentGivenV1,
  ConsentConfirmedV1,
  ConsentWithdrawnV1,
  PageVisitsCountedV1,
];
