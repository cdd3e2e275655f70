import type { CommandContext } from '@vertrouwd/service-kit';

export class RecordAftercare {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly aftercareId: string,
    readonly note: string,
    readonly context: CommandContext,
  ) {}
}
