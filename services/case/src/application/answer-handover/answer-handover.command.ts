import type { CommandContext } from '@vertrouwd/service-kit';

/** The advisor a handover was offered to accepts it (the case becomes theirs) or declines it (it stays). */
export class AnswerHandover {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly answer: 'accept' | 'decline',
    readonly context: CommandContext,
  ) {}
}
