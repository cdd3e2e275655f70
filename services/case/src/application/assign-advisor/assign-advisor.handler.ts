import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { CaseNotFoundError } from '../../domain/case/case.errors';
import { AssignAdvisor } from './assign-advisor.command';

@CommandHandler(AssignAdvisor)
export class AssignAdvisorHandler implements ICommandHandler<AssignAdvisor, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: AssignAdvisor): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => {
      if (c.state.opened?.agencyId !== cmd.agencyId) throw new CaseNotFoundError();
      c.assign(cmd.advisorId, cmd.context.actor, new Date());
    });
  }
}
