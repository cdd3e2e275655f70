import type { ErasureRequester } from '../../domain/case/case.values';
import type { CommandContext } from '../case-work';

export class EraseCase {
  constructor(
    readonly caseId: string,
    readonly requester: ErasureRequester,
    readonly context: CommandContext,
  ) {}
}
