import type { Deadline } from '../../domain/case/case.values';
import type { CommandContext } from '../case-work';

export class MarkDeadlineMissed {
  constructor(
    readonly caseId: string,
    readonly deadline: Deadline,
    readonly dueAt: string,
    readonly at: Date,
    readonly context: CommandContext,
  ) {}
}
