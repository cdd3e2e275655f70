import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { GiveAdvice } from './give-advice.command';

@CommandHandler(GiveAdvice)
export class GiveAdviceHandler implements ICommandHandler<GiveAdvice, void> {
  constructor(private readonly work: CaseWork) {}

  /** The free text is sealed under the case's key before the aggregate sees it. */
  execute(cmd: GiveAdvice): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // refuse before sealing: nothing is written for someone who may not act
      const sealedAdvice = await this.work.seal(cmd.caseId, cmd.advice);
      c.giveAdvice(cmd.advisorId, cmd.adviceId, sealedAdvice, new Date());
    });
  }
}
