import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { LogHours } from './log-hours.command';

@CommandHandler(LogHours)
export class LogHoursHandler implements ICommandHandler<LogHours, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: LogHours): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.logHours(cmd.advisorId, cmd.workedOn, cmd.minutes, cmd.activity, new Date()));
  }
}
