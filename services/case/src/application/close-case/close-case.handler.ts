import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { CloseCase } from './close-case.command';

@CommandHandler(CloseCase)
export class CloseCaseHandler implements ICommandHandler<CloseCase, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: CloseCase): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.close(cmd.advisorId, cmd.outcome, new Date()));
  }
}
