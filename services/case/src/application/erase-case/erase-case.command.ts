import type { ErasureRequester } from '../../domain/case/case.values';
import type { CommandContext } from '@vertrouwd/service-kit';

export class EraseCase {
  constructor(
    readonly caseId: string,
    readonly requester: ErasureRequester,
    readonly context: CommandContext,
  ) {}
}
