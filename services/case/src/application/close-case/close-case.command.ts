import type { CommandContext } from '@vertrouwd/service-kit';
import type { Outcome } from '../../domain/case/case.values';

export class CloseCase {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly outcome: Outcome,
    readonly context: CommandContext,
  ) {}
}
