import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AdvisorCannotActError, CaseNotFoundError } from '../../domain/case/case.errors';
import { isAdvisorId } from '../../domain/case/case-lifecycle';
import { CaseWork } from '../case-work';
import { ADVISOR_DIRECTORY, type AdvisorDirectory } from '../ports/advisor-directory.port';
import { AssignAdvisor } from './assign-advisor.command';

@CommandHandler(AssignAdvisor)
export class AssignAdvisorHandler implements ICommandHandler<AssignAdvisor, void> {
  constructor(
    private readonly work: CaseWork,
    @Inject(ADVISOR_DIRECTORY) private readonly directory: AdvisorDirectory,
  ) {}

  /** Only to an advisor of the agency who can act on it: a case is never assigned to nobody. */
  execute(cmd: AssignAdvisor): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      if (c.state.opened?.agencyId !== cmd.agencyId) throw new CaseNotFoundError();
      if (!isAdvisorId(cmd.advisorId) || !(await this.directory.canAct(cmd.agencyId, cmd.advisorId))) throw new AdvisorCannotActError();
      c.assign(cmd.advisorId, cmd.context.actor, new Date());
    });
  }
}
