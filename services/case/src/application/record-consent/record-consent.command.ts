import type { CommandContext } from '@vertrouwd/service-kit';
import type { ConsentScope } from '../../domain/case/case.values';

export class RecordConsent {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly scope: ConsentScope,
    readonly context: CommandContext,
  ) {}
}
