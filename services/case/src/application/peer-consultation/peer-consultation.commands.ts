import type { CommandContext } from '@vertrouwd/service-kit';

/** Intervisie: the assigned advisor asks a colleague of the agency a de-identified question. */
export class RequestPeerConsultation {
  constructor(
    readonly caseId: string,
    readonly advisorId: string,
    readonly consultationId: string,
    readonly colleagueId: string,
    readonly question: string,
    readonly context: CommandContext,
  ) {}
}

/** The colleague answers; they know the consultation, never the case. */
export class AnswerPeerConsultation {
  constructor(
    readonly consultationId: string,
    readonly colleagueId: string,
    readonly answer: string,
    readonly context: CommandContext,
  ) {}
}
