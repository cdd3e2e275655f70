import type { Deadline } from '../../domain/case/case.values';
import type { CommandContext } from '@vertrouwd/service-kit';

export class MarkDeadlineMissed {
  constructor(
    readonly caseId: string,
    readonly deadline: Deadline,
    readonly at: Date,
    readonly context: CommandContext,
  ) {}
}
