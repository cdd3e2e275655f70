import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { MakeReferral } from './make-referral.command';

@CommandHandler(MakeReferral)
export class MakeReferralHandler implements ICommandHandler<MakeReferral, void> {
  constructor(private readonly work: CaseWork) {}

  execute(cmd: MakeReferral): Promise<void> {
    return this.work.run(cmd.caseId, cmd.context, (c) => c.makeReferral(cmd.advisorId, cmd.referralId, cmd.referralType, new Date()));
  }
}
