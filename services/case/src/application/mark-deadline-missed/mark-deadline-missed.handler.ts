import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { MarkDeadlineMissed } from './mark-deadline-missed.command';

@CommandHandler(MarkDeadlineMissed)
export class MarkDeadlineMissedHandler implements ICommandHandler<MarkDeadlineMissed, void> {
  constructor(private readonly work: CaseWork) {}

  /** The aggregate records each deadline once, so the watch may look at a case as often as it likes. */
  execute(cmd: MarkDeadlineMissed): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => void c.markDeadlineMissed(cmd.deadline, cmd.at));
  }
}
