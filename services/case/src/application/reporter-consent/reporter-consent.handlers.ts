import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { ConfirmConsent, GiveConsent, WithdrawConsent } from './reporter-consent.commands';

@CommandHandler(GiveConsent)
export class GiveConsentHandler implements ICommandHandler<GiveConsent, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: GiveConsent): Promise<void> {
    const { consentId, scope, referralType } = cmd;
    return this.work.run(cmd.caseId, cmd.context, (c) =>
      c.giveConsent({ consentId, scope, ...(referralType ? { referralType } : {}) }, new Date(cmd.givenAt)),
    );
  }
}

@CommandHandler(ConfirmConsent)
export class ConfirmConsentHandler implements ICommandHandler<ConfirmConsent, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: ConfirmConsent): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.confirmConsent(cmd.consentId, new Date(cmd.confirmedAt)));
  }
}

@CommandHandler(WithdrawConsent)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsent, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: WithdrawConsent): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.withdrawConsent(cmd.consentId, new Date(cmd.withdrawnAt)));
  }
}
