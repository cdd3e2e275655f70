import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { ReopenCase } from './reopen-case.command';

@CommandHandler(ReopenCase)
export class ReopenCaseHandler implements ICommandHandler<ReopenCase, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: ReopenCase): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.reopen(cmd.advisorId, new Date()));
  }
}
