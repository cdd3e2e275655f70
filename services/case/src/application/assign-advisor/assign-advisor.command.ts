import type { CommandContext } from '@vertrouwd/service-kit';

/** The coordinator of `agencyId` assigns (or reassigns) the case; a case of another agency does not exist for them. */
export class AssignAdvisor {
  constructor(
    readonly caseId: string,
    readonly agencyId: string,
    readonly advisorId: string,
    readonly context: CommandContext,
  ) {}
}
