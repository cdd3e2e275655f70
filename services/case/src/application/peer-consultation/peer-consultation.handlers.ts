import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseKey, type Sealer } from '@vertrouwd/privacy';
import { SEALER } from '@vertrouwd/runtime';
import { isAdvisorId } from '../../domain/case/case-lifecycle';
import { AdvisorCannotActError, ConsultationNotFoundError } from '../../domain/case/case.errors';
import { CaseWork } from '../case-work';
import { ADVISOR_DIRECTORY, type AdvisorDirectory } from '../ports/advisor-directory.port';
import { PEER_CONSULTATIONS, type PeerConsultations } from '../ports/peer-consultations.port';
import { AnswerPeerConsultation, RequestPeerConsultation } from './peer-consultation.commands';

/** A consultation's own key: the colleague's question and answer never share a key with the case. */
export const consultationKey = (consultationId: string) => caseKey(`consultation-${consultationId}`);

@CommandHandler(RequestPeerConsultation)
export class RequestPeerConsultationHandler implements ICommandHandler<RequestPeerConsultation, void> {
  constructor(
    private readonly work: CaseWork,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(ADVISOR_DIRECTORY) private readonly directory: AdvisorDirectory,
  ) {}

  execute(cmd: RequestPeerConsultation): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId);
      const agencyId = c.state.opened?.agencyId ?? '';
      if (!isAdvisorId(cmd.colleagueId) || !(await this.directory.canAct(agencyId, cmd.colleagueId))) throw new AdvisorCannotActError();
      const sealedQuestion = await this.sealer.seal(cmd.question, consultationKey(cmd.consultationId));
      c.requestConsultation(cmd.advisorId, cmd.consultationId, cmd.colleagueId, sealedQuestion, new Date());
    });
  }
}

@CommandHandler(AnswerPeerConsultation)
export class AnswerPeerConsultationHandler implements ICommandHandler<AnswerPeerConsultation, void> {
  constructor(
    private readonly work: CaseWork,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(PEER_CONSULTATIONS) private readonly consultations: PeerConsultations,
  ) {}

  /** Found through the consultation asked of this colleague; anyone else gets the same 404 as for none. */
  async execute(cmd: AnswerPeerConsultation): Promise<void> {
    const caseId = await this.consultations.caseOf(cmd.consultationId, cmd.colleagueId);
    if (!caseId) throw new ConsultationNotFoundError();
    await this.work.run(caseId, cmd.context, async (c) => {
      const sealedAnswer = await this.sealer.seal(cmd.answer, consultationKey(cmd.consultationId));
      c.answerConsultation(cmd.colleagueId, cmd.consultationId, sealedAnswer, new Date());
    });
  }
}
