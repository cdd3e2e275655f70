import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AdvisorCannotActError } from '../../domain/case/case.errors';
import { isAdvisorId } from '../../domain/case/case-lifecycle';
import { CaseWork } from '../case-work';
import { ADVISOR_DIRECTORY, type AdvisorDirectory } from '../ports/advisor-directory.port';
import { TransferCase } from './transfer-case.command';

@CommandHandler(TransferCase)
export class TransferCaseHandler implements ICommandHandler<TransferCase, void> {
  constructor(
    private readonly work: CaseWork,
    @Inject(ADVISOR_DIRECTORY) private readonly directory: AdvisorDirectory,
  ) {}

  /**
   * Offers the case to a colleague of the same agency who can act on it; the case stays with the advisor until the
   * colleague accepts. The reason is sealed under the case's key before the aggregate sees it.
   */
  execute(cmd: TransferCase): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      const { agencyId } = c.state.opened ?? { agencyId: '' };
      c.requireAdvisor(cmd.advisorId); // refuse before sealing: nothing is written for someone who may not act
      if (!isAdvisorId(cmd.toAdvisorId) || !(await this.directory.canAct(agencyId, cmd.toAdvisorId))) throw new AdvisorCannotActError();
      const sealedReason = await this.work.seal(cmd.caseId, cmd.reason);
      c.offerHandover(cmd.advisorId, cmd.toAdvisorId, sealedReason, new Date());
    });
  }
}
