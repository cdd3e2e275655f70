import type { CommandContext } from '@vertrouwd/service-kit';
import type { Activity } from '../../domain/case/case.values';

export class LogHours {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly workedOn: string,
    readonly minutes: number,
    readonly activity: Activity,
    readonly context: CommandContext,
  ) {}
}
