import type {
  Activity,
  AdvisorGender,
  AdvisorKind,
  Anonymity,
  ConsentScope,
  ConversationMode,
  Deadline,
  ErasureReason,
  LegalDutyReason,
  Outcome,
  ReadReason,
  Regime,
  ReferralType,
  Relation,
  SealedText,
  Site,
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
  /** The site (province) where the reporter works, when they said; reporting counts cases by it. */
  site?: Site;
}
export interface AdvisorAssigned {
  type: 'AdvisorAssigned';
  caseId: string;
  advisorId: string;
  assignedBy: string;
  assignedAt: string;
}
/**
 * The assigned advisor declined the case for a conflict of interest they declared (with the organisation, or with
 * people in the case): they no longer act on it, and matching chooses someone else.
 */
export interface AssignmentDeclined {
  type: 'AssignmentDeclined';
  caseId: string;
  agencyId: string;
  organisationId: string;
  advisorId: string;
  conflictWith: 'organisation' | 'people-in-case';
  declinedAt: string;
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
/** A version of a summary shared for approval: version 1 is the conversation's own; a revision is the next. */
export interface SummaryShared {
  type: 'SummaryShared';
  caseId: string;
  summaryId: string;
  advisorId: string;
  sealedSummary: SealedText;
  sharedAt: string;
  /** Absent in events from before versions: version 1. */
  version?: number;
}
export interface SummaryApproved {
  type: 'SummaryApproved';
  caseId: string;
  summaryId: string;
  approvedAt: string;
  /** The version the reporter approved; absent in events from before versions: version 1. */
  version?: number;
}
export interface SummaryCorrected {
  type: 'SummaryCorrected';
  caseId: string;
  summaryId: string;
  sealedCorrection: SealedText;
  correctedAt: string;
  /** The version the reporter corrected; absent in events from before versions: version 1. */
  version?: number;
}
export interface AdviceGiven {
  type: 'AdviceGiven';
  caseId: string;
  adviceId: string;
  advisorId: string;
  sealedAdvice: SealedText;
  givenAt: string;
}
/**
 * The advisor recorded a consent the reporter gave in a conversation. It counts only once the reporter confirmed
 * it through their receipt (ConsentConfirmed). Events from before per-target consent carry no `consentId`: they
 * are history and count for nothing.
 */
export interface ConsentRecorded {
  type: 'ConsentRecorded';
  caseId: string;
  advisorId: string;
  scope: ConsentScope;
  recordedAt: string;
  consentId?: string;
  /** For a referral: the one target it allows. */
  referralType?: ReferralType;
  /** The conversation in which the reporter said so. */
  conversationId?: string;
  /** Who gave the consent: always the reporter; the advisor only recorded it. */
  givenBy?: 'reporter';
}
/** The reporter gave a consent themselves, through their receipt (intake). */
export interface ConsentGiven {
  type: 'ConsentGiven';
  caseId: string;
  consentId: string;
  scope: ConsentScope;
  referralType?: ReferralType;
  givenBy: 'reporter';
  givenAt: string;
}
/** The reporter confirmed, through their receipt, a consent their advisor recorded: from now on it counts. */
export interface ConsentConfirmed {
  type: 'ConsentConfirmed';
  caseId: string;
  consentId: string;
  confirmedBy: 'reporter';
  confirmedAt: string;
}
/** The reporter withdrew a consent: it no longer allows anything; what was done with it stays in the history. */
export interface ConsentWithdrawn {
  type: 'ConsentWithdrawn';
  caseId: string;
  consentId: string;
  withdrawnBy: 'reporter';
  withdrawnAt: string;
}
/**
 * The law overrides the reporter's consent for one step (a closed list of reasons, the explanation sealed). Shown
 * to the reporter; the step it allows references it.
 */
export interface LegalDutyInvoked {
  type: 'LegalDutyInvoked';
  caseId: string;
  dutyId: string;
  advisorId: string;
  reason: LegalDutyReason;
  scope: ConsentScope;
  referralType?: ReferralType;
  sealedExplanation: SealedText;
  invokedAt: string;
}
export interface ReferralMade {
  type: 'ReferralMade';
  caseId: string;
  referralId: string;
  advisorId: string;
  referralType: ReferralType;
  referredAt: string;
  /** What allows it: the reporter's consent, or a legal duty (absent in events from before). */
  consentId?: string;
  legalDutyId?: string;
}
export interface FormalReportSupported {
  type: 'FormalReportSupported';
  caseId: string;
  advisorId: string;
  supportedAt: string;
  consentId?: string;
  legalDutyId?: string;
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
/** The advisor offers the case to a colleague; the case stays theirs until the colleague accepts (CaseTransferred). */
export interface CaseHandoverOffered {
  type: 'CaseHandoverOffered';
  caseId: string;
  fromAdvisorId: string;
  toAdvisorId: string;
  sealedReason: SealedText;
  offeredAt: string;
}
/** The colleague declined the handover: the case stays with the advisor who offered it. */
export interface CaseHandoverDeclined {
  type: 'CaseHandoverDeclined';
  caseId: string;
  toAdvisorId: string;
  declinedAt: string;
}
/** The reporter resumed their withdrawn report (only they can): the case is open again, its clocks start anew. */
export interface ReportResumed {
  type: 'ReportResumed';
  caseId: string;
  resumedAt: string;
}
/**
 * The advisor asks to see the reporter's identity, for one viewer (themselves or a named colleague of the agency),
 * with a reason (sealed). Dual control: nobody sees it until the reporter, or the agreement at intake, approves.
 */
export interface IdentityRevealRequested {
  type: 'IdentityRevealRequested';
  caseId: string;
  revealId: string;
  advisorId: string;
  viewerId: string;
  sealedReason: SealedText;
  requestedAt: string;
}
/**
 * The answer to a reveal request: by the reporter (through their receipt), or by the agreement they made at intake
 * to be known to the counsellor assigned (only for that advisor as viewer).
 */
export interface IdentityRevealDecided {
  type: 'IdentityRevealDecided';
  caseId: string;
  revealId: string;
  decision: 'approved' | 'refused';
  decidedBy: 'reporter' | 'intake-agreement';
  decidedAt: string;
}
/** Intervisie: the advisor asks a colleague of the agency for a second opinion on a de-identified question. */
export interface PeerConsultationRequested {
  type: 'PeerConsultationRequested';
  caseId: string;
  consultationId: string;
  advisorId: string;
  colleagueId: string;
  /** Sealed under the consultation's own key, never the case's: the colleague reads this and nothing of the case. */
  sealedQuestion: SealedText;
  requestedAt: string;
}
export interface PeerConsultationAnswered {
  type: 'PeerConsultationAnswered';
  caseId: string;
  consultationId: string;
  colleagueId: string;
  sealedAnswer: SealedText;
  answeredAt: string;
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
/** Feedback to the reporter: what was done with the report (the step that meets the feedback deadline). */
export interface FeedbackGiven {
  type: 'FeedbackGiven';
  caseId: string;
  feedbackId: string;
  advisorId: string;
  sealedFeedback: SealedText;
  givenAt: string;
}
export interface DeadlineMissed {
  type: 'DeadlineMissed';
  caseId: string;
  deadline: Deadline;
  dueAt: string;
  /** Absent on events recorded before regimes existed (all were counted as law then). */
  regime?: Regime;
  advisorId?: string;
  detectedAt: string;
}

export type CaseEvent =
  | CaseOpened
  | AdvisorAssigned
  | AssignmentDeclined
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
  | DeadlineMissed
  | FeedbackGiven
  | CaseHandoverOffered
  | CaseHandoverDeclined
  | ReportResumed
  | IdentityRevealRequested
  | IdentityRevealDecided
  | PeerConsultationRequested
  | PeerConsultationAnswered
  | ConsentGiven
  | ConsentConfirmed
  | ConsentWithdrawn
  | LegalDutyInvoked;

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
  'sealedFeedback',
  'sealedQuestion',
  'sealedAnswer',
  'sealedExplanation',
] as const;

/** Sealed fields under a consultation's own key (`consultation-<consultationId>`), not the case's. */
export const CONSULTATION_SEALED_FIELDS = ['sealedQuestion', 'sealedAnswer'] as const;

/** A read of sealed content, appended to the case's access log (stream `access-<caseId>`). */
export interface SealedContentRead {
  type: 'SealedContentRead';
  caseId: string;
  actor: string;
  fields: string[];
  at: string;
  /** The reason the reader stated; absent on reads logged before reasons were asked. */
  reason?: ReadReason;
}
