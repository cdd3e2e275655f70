import type { CommandContext } from '../case-work';

export class PlanAftercare {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly aftercareId: string,
    readonly plannedFor: string,
    readonly plan: string,
    readonly context: CommandContext,
  ) {}
}
