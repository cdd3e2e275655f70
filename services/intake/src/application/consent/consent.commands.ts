import type { CommandContext } from '@vertrouwd/service-kit';
import type { ConsentScope, ReferralType } from '../../domain/report/report.events';

// The reporter's consent steps through their receipt (docs/case/consent.md).

/** The reporter consents to one step: a referral to one target, or a formal report. */
export class GiveConsent {
  constructor(
    readonly caseId: string,
    readonly consentId: string,
    readonly scope: ConsentScope,
    readonly referralType: ReferralType | undefined,
    readonly context: CommandContext,
  ) {}
}

/** The reporter confirms a consent their advisor recorded from a conversation. */
export class ConfirmConsent {
  constructor(
    readonly caseId: string,
    readonly consentId: string,
    readonly context: CommandContext,
  ) {}
}

/** The reporter withdraws a consent, their own or one their advisor recorded. */
export class WithdrawConsent {
  constructor(
    readonly caseId: string,
    readonly consentId: string,
    readonly context: CommandContext,
  ) {}
}
