import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseWork } from '../case-work';
import { InvokeLegalDuty } from './invoke-legal-duty.command';

@CommandHandler(InvokeLegalDuty)
export class InvokeLegalDutyHandler implements ICommandHandler<InvokeLegalDuty, void> {
  constructor(private readonly work: CaseWork) {}

  async execute(cmd: InvokeLegalDuty): Promise<void> {
    const { dutyId, reason, scope, referralType } = cmd;
    await this.work.run(cmd.caseId, cmd.context, async (c) => {
      c.requireAdvisor(cmd.advisorId); // before sealing: nobody else gets the case's key used for them
      const sealedExplanation = await this.work.seal(cmd.caseId, cmd.explanation);
      c.invokeLegalDuty(cmd.advisorId, { dutyId, reason, scope, sealedExplanation, ...(referralType ? { referralType } : {}) }, new Date());
    });
  }
}
