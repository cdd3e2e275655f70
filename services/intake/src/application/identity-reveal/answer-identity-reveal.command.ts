import type { CommandContext } from '@vertrouwd/service-kit';

/** The reporter approves or refuses that their identity be revealed to the viewer a request named. */
export class AnswerIdentityReveal {
  constructor(
    readonly caseId: string,
    readonly revealId: string,
    readonly decision: 'approved' | 'refused',
    readonly context: CommandContext,
  ) {}
}
