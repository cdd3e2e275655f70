import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { AcknowledgeCase } from './acknowledge-case.command';

@CommandHandler(AcknowledgeCase)
export class AcknowledgeCaseHandler implements ICommandHandler<AcknowledgeCase, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: AcknowledgeCase): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.acknowledge(cmd.advisorId, new Date()));
  }
}
