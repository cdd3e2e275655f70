import type { ADVISOR_GENDERS, ADVISOR_KINDS, ANONYMITY, CONTACT_CHANNELS, RELATIONS, THEMES } from '@vertrouwd/contracts';

export type Theme = (typeof THEMES)[number];
export type Relation = (typeof RELATIONS)[number];
export type Anonymity = (typeof ANONYMITY)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type AdvisorGender = (typeof ADVISOR_GENDERS)[number];
export type AdvisorKind = (typeof ADVISOR_KINDS)[number];

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

export class ReportSubmitted {
  readonly type = 'ReportSubmitted';
  constructor(
    readonly facts: ReportFacts,
    readonly content: SealedReportContent,
    readonly receivedAt: string,
  ) {}
}

/** The reporter wrote to their advisor; the body sealed under the case key. */
export class MessageSent {
  readonly type = 'MessageSent';
  constructor(
    readonly caseId: string,
    readonly messageId: string,
    readonly sealedBody: string,
    readonly sentAt: string,
  ) {}
}

export class SummaryApproved {
  readonly type = 'SummaryApproved';
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly approvedAt: string,
  ) {}
}

export class SummaryCorrected {
  readonly type = 'SummaryCorrected';
  constructor(
    readonly caseId: string,
    readonly summaryId: string,
    readonly sealedCorrection: string,
    readonly correctedAt: string,
  ) {}
}

export class ReportWithdrawn {
  readonly type = 'ReportWithdrawn';
  constructor(
    readonly caseId: string,
    readonly withdrawnAt: string,
  ) {}
}

/**
 * The reporter had their own personal data erased (their key shredded): contact details and identity read as
 * erased everywhere; the account, under the case key, stays for the case.
 */
export class ReporterDataErased {
  readonly type = 'ReporterDataErased';
  constructor(
    readonly caseId: string,
    readonly erasedAt: string,
  ) {}
}

export type ReportEvent = ReportSubmitted | MessageSent | SummaryApproved | SummaryCorrected | ReportWithdrawn | ReporterDataErased;
