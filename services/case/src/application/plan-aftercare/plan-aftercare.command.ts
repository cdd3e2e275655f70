import type { CommandContext } from '@vertrouwd/service-kit';

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
