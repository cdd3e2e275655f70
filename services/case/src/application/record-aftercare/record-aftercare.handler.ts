import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { RecordAftercare } from './record-aftercare.command';

@CommandHandler(RecordAftercare)
export class RecordAftercareHandler implements ICommandHandler<RecordAftercare, void> {
  constructor(private readonly work: CaseWork) {}

  /** The free text is sealed under the case's key before the aggregate sees it. */
  execute(cmd: RecordAftercare): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // refuse before sealing: nothing is written for someone who may not act
      const sealedNote = await this.work.seal(cmd.caseId, cmd.note);
      c.recordAftercare(cmd.advisorId, cmd.aftercareId, sealedNote, new Date());
    });
  }
}
