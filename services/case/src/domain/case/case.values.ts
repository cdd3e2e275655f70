import type {
  ACTIVITIES,
  ADVISOR_GENDERS,
  ADVISOR_KINDS,
  ANONYMITY,
  CONSENT_SCOPES,
  CONVERSATION_MODES,
  LEGAL_DUTY_REASONS,
  OUTCOMES,
  REFERRAL_TYPES,
  REGIMES,
  REGIONS,
  RELATIONS,
  THEMES,
} from '@vertrouwd/contracts';
import { NotSealedError } from './case.errors';

// The case speaks the published vocabulary: its words are the types of the contracts' lists (one list per
// word), so a value the aggregate accepts is one the contracts accept too. The lists themselves are the edge's.
export type Theme = (typeof THEMES)[number];
export type Relation = (typeof RELATIONS)[number];
export type Anonymity = (typeof ANONYMITY)[number];
/** The province of the organisation's site where the reporter works. */
export type Site = (typeof REGIONS)[number];
export type ConversationMode = (typeof CONVERSATION_MODES)[number];
export type ReferralType = (typeof REFERRAL_TYPES)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Activity = (typeof ACTIVITIES)[number];
export type Regime = (typeof REGIMES)[number];
export type AdvisorGender = (typeof ADVISOR_GENDERS)[number];
export type AdvisorKind = (typeof ADVISOR_KINDS)[number];

/** Themes of unwanted behaviour (PSA). No longer a consent rule: every theme needs the reporter's consent (docs/case/consent.md). */
export const UNWANTED_BEHAVIOUR_THEMES: readonly Theme[] = [
  'intimidation',
  'bullying',
  'aggression-and-violence',
  'discrimination',
  'sexual-harassment',
];

/** What a reporter consents to, step by step: a referral (to one target) or a formal report. */
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
/** Why the law overrides consent: a closed list (docs/case/consent.md). */
export type LegalDutyReason = (typeof LEGAL_DUTY_REASONS)[number];

export const DEADLINES = ['acknowledgement', 'feedback'] as const;
export type Deadline = (typeof DEADLINES)[number];

export type CaseStatus = 'waiting-for-assignment' | 'open' | 'closed' | 'erased';
export const CASE_STATUSES: readonly CaseStatus[] = ['waiting-for-assignment', 'open', 'closed', 'erased'];

/**
 * Why an advisor opens a case's sealed content, stated with each read and kept in the access log for the auditor:
 * a closed list (free text could itself carry personal data). `case-work` when nothing else is stated.
 */
export const READ_REASONS = ['case-work', 'handover', 'legal-duty', 'audit'] as const;
export type ReadReason = (typeof READ_REASONS)[number];

export type ErasureReason = 'request' | 'retention';

/** Who asks for an erasure: an admin, the assigned advisor (on the reporter's request), or the retention job. */
export type ErasureRequester = { kind: 'admin' } | { kind: 'advisor'; advisorId: string } | { kind: 'retention' };

/** Ciphertext from the key vault (`sealed:…`): the domain only checks the form, never reads it. */
export type SealedText = string;

export function isSealedText(value: string): boolean {
  return value.startsWith('sealed:');
}

/** Throws unless every given value is sealed text (absent optional fields pass). */
export function sealedOnly(...values: (string | undefined)[]): void {
  if (values.some((value) => value !== undefined && !isSealedText(value))) throw new NotSealedError();
}
