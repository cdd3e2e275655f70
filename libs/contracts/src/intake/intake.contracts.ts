import { defineContract } from '../contract';
import {
  ADVISOR_GENDERS,
  ADVISOR_KINDS,
  ANONYMITY,
  CONTACT_CHANNELS,
  RELATIONS,
  THEMES,
  contractV1,
  instant,
  language,
  oneOf,
  payload,
  sealed,
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
  description: 'A report was submitted; consumed by case (opens the case) and, later, matching and reporting.',
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
      consentVersion: { type: 'string', pattern: '^v[0-9]+(\\.[0-9]+)*$', maxLength: 20 },
      receivedAt: instant,
      sealedAccount: sealed,
      sealedContact: sealed,
      sealedIdentity: sealed,
    },
    ['sealedContact', 'sealedIdentity'],
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
    consentVersion: 'id',
    receivedAt: 'timestamp',
    sealedAccount: 'sealed',
    sealedContact: 'sealed',
    sealedIdentity: 'sealed',
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
  'A reporter approved a shared conversation summary; consumed by case.',
  { caseId: uuid, summaryId: uuid, approvedAt: instant },
  { caseId: 'id', summaryId: 'id', approvedAt: 'timestamp' },
);

/** The reporter corrected a conversation summary (the correction sealed). */
export const SummaryCorrectedV1 = contractV1(
  'intake',
  'summary-corrected',
  'A reporter corrected a shared conversation summary; consumed by case.',
  { caseId: uuid, summaryId: uuid, correctedAt: instant, sealedCorrection: sealed },
  { caseId: 'id', summaryId: 'id', correctedAt: 'timestamp', sealedCorrection: 'sealed' },
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

export const INTAKE_CONTRACTS = [
  ReportSubmittedV1,
  ReporterMessageSentV1,
  SummaryApprovedV1,
  SummaryCorrectedV1,
  ReportWithdrawnV1,
  ReportResumedV1,
  IdentityRevealAnsweredV1,
];
