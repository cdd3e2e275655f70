import type {
  Activity,
  AdvisorGender,
  AdvisorKind,
  Anonymity,
  ConsentScope,
  ConversationMode,
  Deadline,
  ErasureReason,
  Outcome,
  ReferralType,
  Relation,
  SealedText,
  Theme,
} from './case.values';

// Domain events of a case: plain values with fixed type strings (stored as is; never renamed). Instants are
// ISO strings, days `YYYY-MM-DD`. Every free text is sealed before it gets here.

export interface CaseOpened {
  type: 'CaseOpened';
  caseId: string;
  agencyId: string;
  organisationId: string;
  theme: Theme;
  relation: Relation;
  anonymity: Anonymity;
  receivedAt: string;
  openedAt: string;
  sealedAccount: SealedText;
  sealedContact?: SealedText;
  sealedIdentity?: SealedText;
  /**
   * What the reporter asked for at intake (matching uses them): the language to be helped in (two letters), and
   * a counsellor's gender and kind (`any` when they did not mind). Optional: cases opened before they were kept
   * have none, and replay as they were.
   */
  language?: string;
  preferredAdvisorGender?: AdvisorGender;
  preferredAdvisorKind?: AdvisorKind;
}
export interface AdvisorAssigned {
  type: 'AdvisorAssigned';
  caseId: string;
  advisorId: string;
  assignedBy: string;
  assignedAt: string;
}
export interface CaseAcknowledged {
  type: 'CaseAcknowledged';
  caseId: string;
  advisorId: string;
  acknowledgedAt: string;
}
export interface ConversationRecorded {
  type: 'ConversationRecorded';
  caseId: string;
  conversationId: string;
  advisorId: string;
  heldOn: string;
  minutes: number;
  mode: ConversationMode;
  sealedSummary: SealedText;
  recordedAt: string;
}
export interface SummaryShared {
  type: 'SummaryShared';
  caseId: string;
  summaryId: string;
  advisorId: string;
  sealedSummary: SealedText;
  sharedAt: string;
}
export interface SummaryApproved {
  type: 'SummaryApproved';
  caseId: string;
  summaryId: string;
  approvedAt: string;
}
export interface SummaryCorrected {
  type: 'SummaryCorrected';
  caseId: string;
  summaryId: string;
  sealedCorrection: SealedText;
  correctedAt: string;
}
export interface AdviceGiven {
  type: 'AdviceGiven';
  caseId: string;
  adviceId: string;
  advisorId: string;
  sealedAdvice: SealedText;
  givenAt: string;
}
export interface ConsentRecorded {
  type: 'ConsentRecorded';
  caseId: string;
  advisorId: string;
  scope: ConsentScope;
  recordedAt: string;
}
export interface ReferralMade {
  type: 'ReferralMade';
  caseId: string;
  referralId: string;
  advisorId: string;
  referralType: ReferralType;
  referredAt: string;
}
export interface FormalReportSupported {
  type: 'FormalReportSupported';
  caseId: string;
  advisorId: string;
  supportedAt: string;
}
export interface AftercarePlanned {
  type: 'AftercarePlanned';
  caseId: string;
  aftercareId: string;
  advisorId: string;
  plannedFor: string;
  sealedPlan: SealedText;
  plannedAt: string;
}
export interface AftercareRecorded {
  type: 'AftercareRecorded';
  caseId: string;
  aftercareId: string;
  advisorId: string;
  sealedNote: SealedText;
  recordedAt: string;
}
export interface HoursLogged {
  type: 'HoursLogged';
  caseId: string;
  organisationId: string;
  advisorId: string;
  workedOn: string;
  minutes: number;
  activity: Activity;
  loggedAt: string;
}
export interface CaseTransferred {
  type: 'CaseTransferred';
  caseId: string;
  fromAdvisorId: string;
  toAdvisorId: string;
  sealedReason: SealedText;
  transferredAt: string;
}
export interface CaseClosed {
  type: 'CaseClosed';
  caseId: string;
  advisorId: string;
  outcome: Outcome;
  closedAt: string;
}
export interface CaseReopened {
  type: 'CaseReopened';
  caseId: string;
  advisorId: string;
  reopenedAt: string;
}
export interface ReportWithdrawn {
  type: 'ReportWithdrawn';
  caseId: string;
  withdrawnAt: string;
}
export interface CaseErased {
  type: 'CaseErased';
  caseId: string;
  reason: ErasureReason;
  erasedAt: string;
}
export interface ReporterMessageReceived {
  type: 'ReporterMessageReceived';
  caseId: string;
  messageId: string;
  sealedBody: SealedText;
  sentAt: string;
}
export interface AdvisorMessageSent {
  type: 'AdvisorMessageSent';
  caseId: string;
  messageId: string;
  advisorId: string;
  sealedBody: SealedText;
  sentAt: string;
}
export interface DeadlineMissed {
  type: 'DeadlineMissed';
  caseId: string;
  deadline: Deadline;
  dueAt: string;
  advisorId?: string;
  detectedAt: string;
}

export type CaseEvent =
  | CaseOpened
  | AdvisorAssigned
  | CaseAcknowledged
  | ConversationRecorded
  | SummaryShared
  | SummaryApproved
  | SummaryCorrected
  | AdviceGiven
  | ConsentRecorded
  | ReferralMade
  | FormalReportSupported
  | AftercarePlanned
  | AftercareRecorded
  | HoursLogged
  | CaseTransferred
  | CaseClosed
  | CaseReopened
  | ReportWithdrawn
  | CaseErased
  | ReporterMessageReceived
  | AdvisorMessageSent
  | DeadlineMissed;

/** The event fields that hold sealed content: shown as `sealed` or `erased` in an audit, decrypted only for the advisor. */
export const SEALED_FIELDS = [
  'sealedAccount',
  'sealedContact',
  'sealedIdentity',
  'sealedSummary',
  'sealedCorrection',
  'sealedAdvice',
  'sealedPlan',
  'sealedNote',
  'sealedReason',
  'sealedBody',
] as const;

/** A read of sealed content, appended to the case's access log (stream `access-<caseId>`). */
export interface SealedContentRead {
  type: 'SealedContentRead';
  caseId: string;
  actor: string;
  fields: string[];
  at: string;
}
