import type { CommandContext } from '@vertrouwd/service-kit';

/** The assigned advisor asks that the reporter's identity be revealed to `viewerId` (themselves or a colleague). */
export class RequestIdentityReveal {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly revealId: string,
    readonly viewerId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {}
}

/** The reporter's answer, through intake. */
export class AnswerIdentityReveal {
  constructor(
    readonly caseId: string,
    readonly revealId: string,
    readonly decision: 'approved' | 'refused',
    readonly answeredAt: string,
    readonly context: CommandContext,
  ) {}
}
