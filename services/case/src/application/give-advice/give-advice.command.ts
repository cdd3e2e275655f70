import type { CommandContext } from '@vertrouwd/service-kit';

export class GiveAdvice {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly adviceId: string,
    readonly advice: string,
    readonly context: CommandContext,
  ) {}
}
