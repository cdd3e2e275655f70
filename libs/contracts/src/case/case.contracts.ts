import type { TObject, TProperties } from 'typebox';
import type { FieldClasses } from '../contract';
import { REGIONS } from '../matching/matching.contracts';
import {
  ACTIVITIES,
  ADVISOR_GENDERS,
  ADVISOR_KINDS,
  ANONYMITY,
  CONSENT_SCOPES,
  CONVERSATION_MODES,
  DEADLINES,
  LEGAL_DUTY_REASONS,
  OUTCOMES,
  REFERRAL_TYPES,
  REGIMES,
  RELATIONS,
  THEMES,
  contractV1,
  count,
  day,
  instant,
  language,
  oneOf,
  sealed,
  summaryVersion,
  uuid,
} from '../fields';

// The case's published language: what billing (minutes, dates), reporting (theme, relation, outcome, referral
// type) and intake (status, the reporter's channel) need, and nothing that could point at a person.

const event = <P extends TProperties, O extends keyof P & string = never>(
  name: string,
  description: string,
  properties: P,
  fields: FieldClasses<TObject<P>>,
  optional: readonly O[] = [],
) => contractV1('case', name, description, properties, fields, optional);

/**
 * Language and the counsellor asked for were added later, optional: events published before them stay valid. So was
 * `site`: the province of the organisation's site where the reporter works, when they said so.
 */
export const CaseOpenedV1 = event(
  'case-opened',
  'A case opened from a submitted report, with what the reporter asked for (language, counsellor gender and kind).',
  {
    caseId: uuid,
    agencyId: uuid,
    organisationId: uuid,
    theme: oneOf(THEMES),
    relation: oneOf(RELATIONS),
    anonymity: oneOf(ANONYMITY),
    receivedAt: instant,
    openedAt: instant,
    language,
    preferredAdvisorGender: oneOf(ADVISOR_GENDERS),
    preferredAdvisorKind: oneOf(ADVISOR_KINDS),
    site: oneOf(REGIONS),
  },
  {
    caseId: 'id',
    agencyId: 'id',
    organisationId: 'id',
    theme: 'enum',
    relation: 'enum',
    anonymity: 'enum',
    receivedAt: 'timestamp',
    openedAt: 'timestamp',
    language: 'language',
    preferredAdvisorGender: 'enum',
    preferredAdvisorKind: 'enum',
    site: 'enum',
  },
  ['language', 'preferredAdvisorGender', 'preferredAdvisorKind', 'site'],
);

export const AdvisorAssignedV1 = event(
  'advisor-assigned',
  'A case got (or changed) its advisor.',
  { caseId: uuid, advisorId: uuid, assignedAt: instant },
  { caseId: 'id', advisorId: 'id', assignedAt: 'timestamp' },
);

/** The assigned counsellor declined the case for a conflict of interest they declared; consumed by matching (rematches). */
export const AssignmentDeclinedV1 = event(
  'assignment-declined',
  'The assigned advisor declined the case for a conflict of interest (with the organisation or with people in the case).',
  {
    caseId: uuid,
    agencyId: uuid,
    organisationId: uuid,
    advisorId: uuid,
    conflictWith: oneOf(['organisation', 'people-in-case'] as const),
    declinedAt: instant,
  },
  { caseId: 'id', agencyId: 'id', organisationId: 'id', advisorId: 'id', conflictWith: 'enum', declinedAt: 'timestamp' },
);

export const CaseAcknowledgedV1 = event(
  'case-acknowledged',
  'The advisor acknowledged receipt (the 7-day clock).',
  { caseId: uuid, acknowledgedAt: instant },
  { caseId: 'id', acknowledgedAt: 'timestamp' },
);

export const ConversationRecordedV1 = event(
  'conversation-recorded',
  'A conversation took place (no content).',
  { caseId: uuid, conversationId: uuid, heldOn: day, minutes: count, mode: oneOf(CONVERSATION_MODES) },
  { caseId: 'id', conversationId: 'id', heldOn: 'timestamp', minutes: 'count', mode: 'enum' },
);

export const SummarySharedV1 = event(
  'summary-shared',
  'The advisor shared a version of a conversation summary with the reporter for approval (absent version: 1).',
  { caseId: uuid, summaryId: uuid, sharedAt: instant, sealedSummary: sealed, version: summaryVersion },
  { caseId: 'id', summaryId: 'id', sharedAt: 'timestamp', sealedSummary: 'sealed', version: 'count' },
  ['version'],
);

export const AdvisorMessageSentV1 = event(
  'advisor-message-sent',
  'The advisor wrote to the reporter.',
  { caseId: uuid, messageId: uuid, sentAt: instant, sealedBody: sealed },
  { caseId: 'id', messageId: 'id', sentAt: 'timestamp', sealedBody: 'sealed' },
);

export const ReferralMadeV1 = event(
  'referral-made',
  'The advisor referred the reporter on (with their consent).',
  { caseId: uuid, referralType: oneOf(REFERRAL_TYPES), referredAt: instant },
  { caseId: 'id', referralType: 'enum', referredAt: 'timestamp' },
);

export const FormalReportSupportedV1 = event(
  'formal-report-supported',
  'The case became a report under the Whistleblower Protection Act.',
  { caseId: uuid, supportedAt: instant },
  { caseId: 'id', supportedAt: 'timestamp' },
);

export const HoursLoggedV1 = event(
  'hours-logged',
  'Time an advisor spent on a case (for billing).',
  { caseId: uuid, organisationId: uuid, advisorId: uuid, workedOn: day, minutes: count, activity: oneOf(ACTIVITIES) },
  { caseId: 'id', organisationId: 'id', advisorId: 'id', workedOn: 'timestamp', minutes: 'count', activity: 'enum' },
);

export const CaseClosedV1 = event(
  'case-closed',
  'A case closed with an outcome.',
  { caseId: uuid, outcome: oneOf(OUTCOMES), closedAt: instant },
  { caseId: 'id', outcome: 'enum', closedAt: 'timestamp' },
);

export const CaseReopenedV1 = event(
  'case-reopened',
  'A closed case reopened.',
  { caseId: uuid, reopenedAt: instant },
  { caseId: 'id', reopenedAt: 'timestamp' },
);

export const CaseErasedV1 = event(
  'case-erased',
  'A case was erased (its keys shredded): everything personal in it now reads as erased.',
  { caseId: uuid, erasedAt: instant },
  { caseId: 'id', erasedAt: 'timestamp' },
);

export const DeadlineMissedV1 = event(
  'deadline-missed',
  "A deadline passed without the step it demands; regime wbk (the law) or service-standard (the agency's own standard).",
  { caseId: uuid, deadline: oneOf(DEADLINES), dueAt: instant, advisorId: uuid, regime: oneOf(REGIMES) },
  { caseId: 'id', deadline: 'enum', dueAt: 'timestamp', advisorId: 'id', regime: 'enum' },
  ['advisorId', 'regime'],
);

export const FeedbackGivenV1 = event(
  'feedback-given',
  'The advisor told the reporter what was done with the report (meets the feedback deadline); consumed by intake.',
  { caseId: uuid, feedbackId: uuid, givenAt: instant, sealedFeedback: sealed },
  { caseId: 'id', feedbackId: 'id', givenAt: 'timestamp', sealedFeedback: 'sealed' },
);

export const IdentityRevealRequestedV1 = event(
  'identity-reveal-requested',
  "The advisor asked to see the reporter's identity, for themselves or a colleague, with a sealed reason; consumed by intake (the reporter decides).",
  { caseId: uuid, revealId: uuid, viewer: oneOf(['assigned-advisor', 'colleague'] as const), requestedAt: instant, sealedReason: sealed },
  { caseId: 'id', revealId: 'id', viewer: 'enum', requestedAt: 'timestamp', sealedReason: 'sealed' },
);

export const IdentityRevealDecidedV1 = event(
  'identity-reveal-decided',
  'A reveal request was decided, by the reporter or by their agreement at intake; consumed by intake (shown in the thread).',
  {
    caseId: uuid,
    revealId: uuid,
    decision: oneOf(['approved', 'refused'] as const),
    decidedBy: oneOf(['reporter', 'intake-agreement'] as const),
    decidedAt: instant,
  },
  { caseId: 'id', revealId: 'id', decision: 'enum', decidedBy: 'enum', decidedAt: 'timestamp' },
);

/** The advisor recorded a consent the reporter gave in a conversation: intake shows it to the reporter to confirm or withdraw. */
export const ConsentRecordedV1 = event(
  'consent-recorded',
  'The advisor recorded a consent the reporter gave in a conversation; it counts once the reporter confirms it. Consumed by intake.',
  {
    caseId: uuid,
    consentId: uuid,
    scope: oneOf(CONSENT_SCOPES),
    referralType: oneOf(REFERRAL_TYPES),
    conversationId: uuid,
    recordedAt: instant,
  },
  { caseId: 'id', consentId: 'id', scope: 'enum', referralType: 'enum', conversationId: 'id', recordedAt: 'timestamp' },
  ['referralType'],
);

/** The law overrode the reporter's consent for one step: the reporter sees it, with the reason and the sealed explanation. */
export const LegalDutyInvokedV1 = event(
  'legal-duty-invoked',
  'The advisor invoked a legal duty that overrides consent for one step (reason from a closed list); consumed by intake.',
  {
    caseId: uuid,
    dutyId: uuid,
    reason: oneOf(LEGAL_DUTY_REASONS),
    scope: oneOf(CONSENT_SCOPES),
    referralType: oneOf(REFERRAL_TYPES),
    invokedAt: instant,
    sealedExplanation: sealed,
  },
  {
    caseId: 'id',
    dutyId: 'id',
    reason: 'enum',
    scope: 'enum',
    referralType: 'enum',
    invokedAt: 'timestamp',
    sealedExplanation: 'sealed',
  },
  ['referralType'],
);

export const CASE_CONTRACTS = [
  CaseOpenedV1,
  AdvisorAssignedV1,
  AssignmentDeclinedV1,
  CaseAcknowledgedV1,
  ConversationRecordedV1,
  SummarySharedV1,
  AdvisorMessageSentV1,
  ReferralMadeV1,
  FormalReportSupportedV1,
  HoursLoggedV1,
  CaseClosedV1,
  CaseReopenedV1,
  CaseErasedV1,
  DeadlineMissedV1,
  FeedbackGivenV1,
  IdentityRevealRequestedV1,
  IdentityRevealDecidedV1,
  ConsentRecordedV1,
  LegalDutyInvokedV1,
];
