import type { TObject, TProperties } from 'typebox';
import type { FieldClasses } from '../contract';
import {
  ACTIVITIES,
  ADVISOR_GENDERS,
  ADVISOR_KINDS,
  ANONYMITY,
  CONVERSATION_MODES,
  DEADLINES,
  OUTCOMES,
  REFERRAL_TYPES,
  RELATIONS,
  THEMES,
  contractV1,
  count,
  day,
  instant,
  language,
  oneOf,
  sealed,
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

/** Language and the counsellor asked for were added later, optional: events published before them stay valid. */
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
  },
  ['language', 'preferredAdvisorGender', 'preferredAdvisorKind'],
);

export const AdvisorAssignedV1 = event(
  'advisor-assigned',
  'A case got (or changed) its advisor.',
  { caseId: uuid, advisorId: uuid, assignedAt: instant },
  { caseId: 'id', advisorId: 'id', assignedAt: 'timestamp' },
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
  'The advisor shared a conversation summary with the reporter for approval.',
  { caseId: uuid, summaryId: uuid, sharedAt: instant, sealedSummary: sealed },
  { caseId: 'id', summaryId: 'id', sharedAt: 'timestamp', sealedSummary: 'sealed' },
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
  'A legal deadline passed without the step it demands.',
  { caseId: uuid, deadline: oneOf(DEADLINES), dueAt: instant, advisorId: uuid },
  { caseId: 'id', deadline: 'enum', dueAt: 'timestamp', advisorId: 'id' },
  ['advisorId'],
);

export const CASE_CONTRACTS = [
  CaseOpenedV1,
  AdvisorAssignedV1,
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
];
