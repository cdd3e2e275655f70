import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isAdvisorId } from '../../domain/case/case-lifecycle';
import { AdvisorCannotActError } from '../../domain/case/case.errors';
import { CaseWork } from '../case-work';
import { ADVISOR_DIRECTORY, type AdvisorDirectory } from '../ports/advisor-directory.port';
import { AnswerIdentityReveal, RequestIdentityReveal } from './identity-reveal.commands';

@CommandHandler(RequestIdentityReveal)
export class RequestIdentityRevealHandler implements ICommandHandler<RequestIdentityReveal, void> {
  constructor(
    private readonly work: CaseWork,
    @Inject(ADVISOR_DIRECTORY) private readonly directory: AdvisorDirectory,
  ) {}

  /** The viewer must be an advisor of the case's agency who can act; the reason is sealed under the case's key. */
  execute(cmd: RequestIdentityReveal): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId);
      const agencyId = c.state.opened?.agencyId ?? '';
      if (!isAdvisorId(cmd.viewerId) || !(await this.directory.canAct(agencyId, cmd.viewerId))) throw new AdvisorCannotActError();
      const sealedReason = await this.work.seal(cmd.caseId, cmd.reason);
      c.requestReveal(cmd.advisorId, { revealId: cmd.revealId, viewerId: cmd.viewerId, sealedReason }, new Date());
    });
  }
}

@CommandHandler(AnswerIdentityReveal)
export class AnswerIdentityRevealHandler implements ICommandHandler<AnswerIdentityReveal, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: AnswerIdentityReveal): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.answerReveal(cmd.revealId, cmd.decision, cmd.answeredAt));
  }
}
