import type { StoreTransaction } from '@vertrouwd/event-sourcing';

/** A counsellor of an organisation as matching published them; name and introduction still sealed. */
export interface DirectoryCounsellor {
  counsellorId: string;
  kind: 'internal' | 'external';
  gender: 'female' | 'male' | 'non-binary';
  languages: string[];
  sealedName: string;
  sealedIntroduction: string | null;
}

/**
 * An organisation reachable by intake code (active, of an agency that is not suspended), with its active
 * counsellors of its agency in page order: the primary, the substitute, then the internal ones.
 */
export interface IntakeOrganisation {
  intakeCode: string;
  organisationId: string;
  agencyId: string;
  sealedName: string;
  languages: string[];
  /** The provinces of its sites (matching's `regions`), for the form's optional site question. */
  sites: string[];
  counsellors: DirectoryCounsellor[];
}

/** A receipt as kept: keyed hashes only, never the code or the passphrase. */
export interface Receipt {
  caseId: string;
  passphraseHash: string;
}

/** The dates of a case's progress as case's events told them. */
export interface CaseProgress {
  receivedAt: Date | null;
  acknowledgedAt: Date | null;
  inProgressAt: Date | null;
  closedAt: Date | null;
  /** The legal clocks' start when a resumption after a withdrawal restarted them; null: from receipt. */
  clocksFrom: Date | null;
  /** The first acknowledgement and the first feedback since the clocks started. */
  clockAcknowledgedAt: Date | null;
  clockFeedbackAt: Date | null;
}

export interface SealedEntry {
  id: string;
  at: Date;
  sealed: string;
}

/** An advisor's entry in the reporter's thread: a message, or feedback on what was done with the report. */
export interface AdvisorEntry extends SealedEntry {
  kind: 'message' | 'feedback';
}

/** A request to reveal the reporter's identity, as the reporter sees it. */
export interface RevealEntry extends SealedEntry {
  viewer: 'assigned-advisor' | 'colleague';
  decision: 'approved' | 'refused' | null;
  decidedBy: 'reporter' | 'intake-agreement' | null;
  decidedAt: Date | null;
}

/** A shared version of a summary (sealed). */
export interface SummaryVersionEntry extends SealedEntry {
  version: number;
}

/** A consent the advisor recorded from a conversation, as case's event told it. */
export interface RecordedConsent {
  consentId: string;
  scope: 'referral' | 'formal-report';
  referralType: string | null;
  conversationId: string;
  recordedAt: Date;
}

/** A legal duty that overrode consent for one step (the explanation sealed under the case key). */
export interface LegalDutyEntry {
  dutyId: string;
  reason: string;
  scope: 'referral' | 'formal-report';
  referralType: string | null;
  invokedAt: Date;
  sealedExplanation: string;
}

/** What intake's use cases read and keep in its own tables (implemented with SQL in infrastructure). */
export interface IntakeReadModel {
  organisationByCode(intakeCode: string): Promise<IntakeOrganisation | undefined>;
  /** In `tx` when given: a transaction of the event store, which shares intake's database (the report's own). */
  addReceipt(receiptHash: string, caseId: string, passphraseHash: string, tx?: StoreTransaction): Promise<void>;
  /** Takes back the receipt of a report that was not stored. */
  removeReceiptsOf(caseId: string): Promise<void>;
  receipt(receiptHash: string): Promise<Receipt | undefined>;
  progress(caseId: string): Promise<CaseProgress | undefined>;
  /** The advisor's messages to the reporter (sealed). */
  advisorMessages(caseId: string): Promise<AdvisorEntry[]>;
  /** The identity reveal requests of the case, oldest first (the reason sealed). */
  identityReveals(caseId: string): Promise<RevealEntry[]>;
  /** A reveal request of this very case that is still waiting for the reporter. */
  isPendingReveal(caseId: string, revealId: string): Promise<boolean>;
  /** Every shared version of the conversation summaries (sealed), oldest first. */
  sharedSummaries(caseId: string): Promise<SummaryVersionEntry[]>;
  /** The latest version of a summary shared on this very case; undefined when it is not one of this case's. */
  latestSummaryVersion(caseId: string, summaryId: string): Promise<number | undefined>;
  /** Consents the advisor recorded on this case, oldest first. */
  recordedConsents(caseId: string): Promise<RecordedConsent[]>;
  isRecordedConsent(caseId: string, consentId: string): Promise<boolean>;
  /** Legal duties the advisor invoked on this case, oldest first. */
  legalDuties(caseId: string): Promise<LegalDutyEntry[]>;
}
export const INTAKE_READ_MODEL = Symbol('IntakeReadModel');
