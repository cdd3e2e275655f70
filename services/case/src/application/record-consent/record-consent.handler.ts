import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { RecordConsent } from './record-consent.command';

@CommandHandler(RecordConsent)
export class RecordConsentHandler implements ICommandHandler<RecordConsent, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: RecordConsent): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.recordConsent(cmd.advisorId, cmd.scope, new Date()));
  }
}
