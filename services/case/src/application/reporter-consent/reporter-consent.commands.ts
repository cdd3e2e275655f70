import type { CommandContext } from '@vertrouwd/service-kit';
import type { ConsentScope, ReferralType } from '../../domain/case/case.values';

// The reporter's consent steps, as intake's events ask for them (the reporter acts through their receipt).

export class GiveConsent {
  constructor(
    readonly caseId: string,
    readonly consentId: string,
    readonly scope: ConsentScope,
    readonly referralType: ReferralType | undefined,
    readonly givenAt: string,
    readonly context: CommandContext,
  ) {}
}

export class ConfirmConsent {
  constructor(
    readonly caseId: string,
    readonly consentId: string,
    readonly confirmedAt: string,
    readonly context: CommandContext,
  ) {}
}

export class WithdrawConsent {
  constructor(
    readonly caseId: string,
    readonly consentId: string,
    readonly withdrawnAt: string,
    readonly context: CommandContext,
  ) {}
}
