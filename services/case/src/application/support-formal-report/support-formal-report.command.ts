import type { CommandContext } from '@vertrouwd/service-kit';

export class SupportFormalReport {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly context: CommandContext,
  ) {}
}
