import type { CommandContext } from '@vertrouwd/service-kit';
import type { ConsentScope, ReferralType } from '../../domain/case/case.values';

/** The advisor records a consent the reporter gave in a recorded conversation; it counts once the reporter confirms it. */
export class RecordConsent {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly consentId: string,
    readonly scope: ConsentScope,
    readonly referralType: ReferralType | undefined,
    readonly conversationId: string,
    readonly context: CommandContext,
  ) {}
}
