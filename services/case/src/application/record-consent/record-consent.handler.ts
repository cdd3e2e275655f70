import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { RecordConsent } from './record-consent.command';

@CommandHandler(RecordConsent)
export class RecordConsentHandler implements ICommandHandler<RecordConsent, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: RecordConsent): Promise<void> {
    const { consentId, scope, referralType, conversationId } = cmd;
    return this.work.run(cmd.caseId, cmd.context, (c) =>
      c.recordConsent(cmd.advisorId, { consentId, scope, conversationId, ...(referralType ? { referralType } : {}) }, new Date()),
    );
  }
}
