import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { AnswerHandover } from './answer-handover.command';

@CommandHandler(AnswerHandover)
export class AnswerHandoverHandler implements ICommandHandler<AnswerHandover, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: AnswerHandover): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) =>
      cmd.answer === 'accept' ? c.acceptHandover(cmd.advisorId, new Date()) : c.declineHandover(cmd.advisorId, new Date()),
    );
  }
}
