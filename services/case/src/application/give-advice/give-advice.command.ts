import type { CommandContext } from '../case-work';

export class GiveAdvice {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly adviceId: string,
    readonly advice: string,
    readonly context: CommandContext,
  ) {}
}
