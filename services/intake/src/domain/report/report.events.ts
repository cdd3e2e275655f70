import type {
  ADVISOR_GENDERS,
  ADVISOR_KINDS,
  ANONYMITY,
  CONSENT_SCOPES,
  CONTACT_CHANNELS,
  REFERRAL_TYPES,
  REGIONS,
  RELATIONS,
  THEMES,
} from '@vertrouwd/contracts';

export type Theme = (typeof THEMES)[number];
export type Relation = (typeof RELATIONS)[number];
export type Anonymity = (typeof ANONYMITY)[number];
/** A province where the organisation has a site (matching's regions). */
export type Site = (typeof REGIONS)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type AdvisorGender = (typeof ADVISOR_GENDERS)[number];
export type AdvisorKind = (typeof ADVISOR_KINDS)[number];
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** What the reporter chose, none of it personal. */
export interface ReportFacts {
  caseId: string;
  agencyId: string;
  organisationId: string;
  theme: Theme;
  relation: Relation;
  anonymity: Anonymity;
  contactChannel: ContactChannel;
  language: string;
  preferredAdvisorGender: AdvisorGender;
  preferredAdvisorKind: AdvisorKind;
  /** The counsellor the reporter chose on the intake page, by id (optional). */
  preferredCounsellorId?: string;
  /** The province of the organisation's site where the reporter works, when they said (optional). */
  site?: Site;
  consentVersion: string;
  /** The opaque id the reporter's own key is filed under (never a name). */
  reporterRef: string;
}

/** Everything personal, as ciphertext (`sealed:v1:…`) only. */
export interface SealedReportContent {
  sealedAccount: string;
  sealedContact?: string;
  sealedIdentity?: string;
}

// Domain events of a report: plain values with fixed type strings (stored as is; never renamed). Instants are
// ISO strings. Every personal text is sealed before it gets here.

export interface ReportSubmitted {
  type: 'ReportSubmitted';
  facts: ReportFacts;
  content: SealedReportContent;
  receivedAt: string;
}

/** The reporter wrote to their advisor; the body sealed under the case key. */
export interface MessageSent {
  type: 'MessageSent';
  caseId: string;
  messageId: string;
  sealedBody: string;
  sentAt: string;
}

export interface SummaryApproved {
  type: 'SummaryApproved';
  caseId: string;
  summaryId: string;
  approvedAt: string;
  /** The version answered; absent in events from before versions: version 1. */
  version?: number;
}

export interface SummaryCorrected {
  type: 'SummaryCorrected';
  caseId: string;
  summaryId: string;
  sealedCorrection: string;
  correctedAt: string;
  /** The version answered; absent in events from before versions: version 1. */
  version?: number;
}

export interface ReportWithdrawn {
  type: 'ReportWithdrawn';
  caseId: string;
  withdrawnAt: string;
}

/**
 * The reporter had their own personal data erased (their key shredded): contact details and identity read as
 * erased everywhere; the account, under the case key, stays for the case.
 */
export interface ReporterDataErased {
  type: 'ReporterDataErased';
  caseId: string;
  erasedAt: string;
}

/** The reporter resumed the report they had withdrawn (only they can): the case goes on. */
export interface ReportResumed {
  type: 'ReportResumed';
  caseId: string;
  resumedAt: string;
}

/** The reporter decided whether their identity may be revealed to the viewer a request named. */
export interface IdentityRevealAnswered {
  type: 'IdentityRevealAnswered';
  caseId: string;
  revealId: string;
  decision: 'approved' | 'refused';
  answeredAt: string;
}

/** The reporter gave consent to one step (a referral to one target, or a formal report). */
export interface ConsentGiven {
  type: 'ConsentGiven';
  caseId: string;
  consentId: string;
  scope: ConsentScope;
  referralType?: ReferralType;
  givenAt: string;
}

/** The reporter confirmed a consent their advisor recorded from a conversation. */
export interface ConsentConfirmed {
  type: 'ConsentConfirmed';
  caseId: string;
  consentId: string;
  confirmedAt: string;
}

/** The reporter withdrew a consent, their own or one their advisor recorded. */
export interface ConsentWithdrawn {
  type: 'ConsentWithdrawn';
  caseId: string;
  consentId: string;
  withdrawnAt: string;
}

export type ReportEvent =
  | ReportSubmitted
  | MessageSent
  | SummaryApproved
  | SummaryCorrected
  | ReportWithdrawn
  | ReporterDataErased
  | ReportResumed
  | IdentityRevealAnswered
  | ConsentGiven
  | ConsentConfirmed
  | ConsentWithdrawn;
