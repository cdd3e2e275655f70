import * as E from './case.errors';
import type { ConsentConfirmed, ConsentGiven, ConsentRecorded, ConsentWithdrawn, LegalDutyInvoked } from './case.events';
import { requireAdvisor, requireOpened } from './case.rules';
import type { CaseState } from './case.state';
import { sealedOnly, type ConsentScope, type LegalDutyReason, type ReferralType } from './case.values';

// The reporter's consents, as decisions (docs/case/consent.md). A consent is the reporter's, for one step: a
// referral to one target, or a formal report; on every theme. The reporter gives it through their receipt, or the
// advisor records what the reporter said in a conversation and it counts once the reporter confirmed it through
// their receipt. The reporter can withdraw it; a withdrawn consent allows nothing. Where the law overrides consent,
// the advisor records the legal duty as its own event, shown to the reporter. Reporter-side events arrive through
// the bus at least once: a repeat decides nothing (undefined).

/** What a consent (or a legal duty) allows: one step, and for a referral one target. */
export interface ConsentTarget {
  readonly scope: ConsentScope;
  readonly referralType?: ReferralType;
}

export interface NewConsent extends ConsentTarget {
  readonly consentId: string;
}

export interface NewLegalDuty extends ConsentTarget {
  readonly dutyId: string;
  readonly reason: LegalDutyReason;
  readonly sealedExplanation: string;
}

/** What allows a step: the reporter's live consent, or a recorded legal duty. */
export type StepBasis = { consentId: string } | { legalDutyId: string };

/** The reporter gave a consent through their receipt. */
export function giveConsent(state: CaseState, consent: NewConsent, at: Date): ConsentGiven | undefined {
  const { caseId } = requireOpened(state);
  if (state.consents.has(consent.consentId)) return undefined;
  const target = targetOf(consent);
  return { type: 'ConsentGiven', caseId, consentId: consent.consentId, ...target, givenBy: 'reporter', givenAt: at.toISOString() };
}

/** The advisor records a consent the reporter gave in a recorded conversation: it waits for the reporter's confirmation. */
export function recordConsent(
  state: CaseState,
  advisorId: string,
  consent: NewConsent & { conversationId: string },
  at: Date,
): ConsentRecorded {
  const { caseId } = requireAdvisor(state, advisorId);
  const target = targetOf(consent);
  if (!state.summaries.has(consent.conversationId)) throw new E.ConversationNotFoundError();
  if (state.consents.has(consent.consentId)) throw new E.ConsentAlreadyGivenError();
  return {
    type: 'ConsentRecorded',
    caseId,
    advisorId,
    ...target,
    recordedAt: at.toISOString(),
    consentId: consent.consentId,
    conversationId: consent.conversationId,
    givenBy: 'reporter',
  };
}

/** The reporter confirmed a consent their advisor recorded; nothing for one that counts already or was withdrawn. */
export function confirmConsent(state: CaseState, consentId: string, at: Date): ConsentConfirmed | undefined {
  const { caseId } = requireOpened(state);
  const consent = state.consents.get(consentId);
  if (!consent) throw new E.ConsentNotFoundError();
  if (consent.withdrawn || consent.confirmed) return undefined;
  return { type: 'ConsentConfirmed', caseId, consentId, confirmedBy: 'reporter', confirmedAt: at.toISOString() };
}

/** The reporter withdrew a consent (given by them or recorded by the advisor); once. */
export function withdrawConsent(state: CaseState, consentId: string, at: Date): ConsentWithdrawn | undefined {
  const { caseId } = requireOpened(state);
  const consent = state.consents.get(consentId);
  if (!consent) throw new E.ConsentNotFoundError();
  if (consent.withdrawn) return undefined;
  return { type: 'ConsentWithdrawn', caseId, consentId, withdrawnBy: 'reporter', withdrawnAt: at.toISOString() };
}

/** The law overrides consent for one step: its own event, with a reason from the closed list and a sealed explanation. */
export function invokeLegalDuty(state: CaseState, advisorId: string, duty: NewLegalDuty, at: Date): LegalDutyInvoked {
  const { caseId } = requireAdvisor(state, advisorId);
  const target = targetOf(duty);
  if (state.legalDuties.has(duty.dutyId)) throw new E.ConsentAlreadyGivenError();
  sealedOnly(duty.sealedExplanation);
  return {
    type: 'LegalDutyInvoked',
    caseId,
    dutyId: duty.dutyId,
    advisorId,
    reason: duty.reason,
    ...target,
    sealedExplanation: duty.sealedExplanation,
    invokedAt: at.toISOString(),
  };
}

/**
 * What allows this step to exactly this target: a live consent of the reporter (given by them, or recorded and
 * confirmed by them, and not withdrawn), else a recorded legal duty; else the step is refused.
 */
export function basisFor(state: CaseState, target: ConsentTarget): StepBasis {
  const matches = (t: ConsentTarget) => t.scope === target.scope && t.referralType === target.referralType;
  for (const [consentId, consent] of state.consents) {
    if (matches(consent) && !consent.withdrawn && consent.confirmed) return { consentId };
  }
  for (const [legalDutyId, duty] of state.legalDuties) {
    if (matches(duty)) return { legalDutyId };
  }
  throw new E.ConsentRequiredError();
}

/** A referral names exactly one target; a formal report none. */
function targetOf(t: ConsentTarget): ConsentTarget {
  if ((t.scope === 'referral') !== (t.referralType !== undefined)) throw new E.ConsentTargetInvalidError();
  return t.referralType ? { scope: t.scope, referralType: t.referralType } : { scope: t.scope };
}
