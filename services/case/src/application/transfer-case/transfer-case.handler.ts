import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { TransferCase } from './transfer-case.command';

@CommandHandler(TransferCase)
export class TransferCaseHandler implements ICommandHandler<TransferCase, void> {
  constructor(private readonly work: CaseWork) {}

  /** The free text is sealed under the case's key before the aggregate sees it. */
  execute(cmd: TransferCase): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // refuse before sealing: nothing is written for someone who may not act
      const sealedReason = await this.work.seal(cmd.caseId, cmd.reason);
      c.transfer(cmd.advisorId, cmd.toAdvisorId, sealedReason, new Date());
    });
  }
}
