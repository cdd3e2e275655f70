/** An organisation reachable by intake code, as the intake page shows it. */
export interface IntakeOrganisation {
  intakeCode: string;
  organisationId: string;
  agencyId: string;
  name: string;
  languages: string[];
  counsellors: { counsellorId: string; kind: 'internal' | 'external'; gender: string; languages: string[] }[];
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

/** What intake's use cases read and keep in its own tables (implemented with SQL in infrastructure). */
export interface IntakeReadModel {
  organisationByCode(intakeCode: string): Promise<IntakeOrganisation | undefined>;
  addReceipt(receiptHash: string, caseId: string, passphraseHash: string): Promise<void>;
  receipt(receiptHash: string): Promise<Receipt | undefined>;
  progress(caseId: string): Promise<CaseProgress | undefined>;
  /** The advisor's messages to the reporter (sealed). */
  advisorMessages(caseId: string): Promise<AdvisorEntry[]>;
  /** Conversation summaries shared with the reporter (sealed), oldest first. */
  sharedSummaries(caseId: string): Promise<SealedEntry[]>;
  isSharedSummary(caseId: string, summaryId: string): Promise<boolean>;
  /** The identity reveal requests of the case, oldest first (the reason sealed). */
  identityReveals(caseId: string): Promise<RevealEntry[]>;
  /** A reveal request of this very case that is still waiting for the reporter. */
  isPendingReveal(caseId: string, revealId: string): Promise<boolean>;
}
export const INTAKE_READ_MODEL = Symbol('IntakeReadModel');
