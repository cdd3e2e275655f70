import type { CommandContext } from '@vertrouwd/service-kit';
import type { ConsentScope, LegalDutyReason, ReferralType } from '../../domain/case/case.values';

/** The advisor records that the law overrides the reporter's consent for one step; the explanation is sealed. */
export class InvokeLegalDuty {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly dutyId: string,
    readonly reason: LegalDutyReason,
    readonly scope: ConsentScope,
    readonly referralType: ReferralType | undefined,
    readonly explanation: string,
    readonly context: CommandContext,
  ) {}
}
