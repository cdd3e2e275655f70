import type { CommandContext } from '@vertrouwd/service-kit';
import type { ReferralType } from '../../domain/case/case.values';

export class MakeReferral {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly referralId: string,
    readonly referralType: ReferralType,
    readonly context: CommandContext,
  ) {}
}
