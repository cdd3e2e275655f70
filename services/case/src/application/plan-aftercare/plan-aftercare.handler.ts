import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { PlanAftercare } from './plan-aftercare.command';

@CommandHandler(PlanAftercare)
export class PlanAftercareHandler implements ICommandHandler<PlanAftercare, void> {
  constructor(private readonly work: CaseWork) {}

  /** The free text is sealed under the case's key before the aggregate sees it. */
  execute(cmd: PlanAftercare): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // refuse before sealing: nothing is written for someone who may not act
      const sealedPlan = await this.work.seal(cmd.caseId, cmd.plan);
      c.planAftercare(cmd.advisorId, cmd.aftercareId, cmd.plannedFor, sealedPlan, new Date());
    });
  }
}
