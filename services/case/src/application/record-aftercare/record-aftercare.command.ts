import type { CommandContext } from '../case-work';

export class RecordAftercare {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly aftercareId: string,
    readonly note: string,
    readonly context: CommandContext,
  ) {}
}
