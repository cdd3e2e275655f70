import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RevealNotPendingError } from '../intake.errors';
import { INTAKE_READ_MODEL, type IntakeReadModel } from '../ports/intake-read-model.port';
import { ReportWork } from '../report-work';
import { AnswerIdentityReveal } from './answer-identity-reveal.command';

/** Dual control: the advisor asked, the reporter decides; a request of another case, or decided already, is not there. */
@CommandHandler(AnswerIdentityReveal)
export class AnswerIdentityRevealHandler implements ICommandHandler<AnswerIdentityReveal, void> {
  constructor(
    private readonly work: ReportWork,
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
  ) {}

  async execute(command: AnswerIdentityReveal): Promise<void> {
    if (!(await this.readModel.isPendingReveal(command.caseId, command.revealId))) throw new RevealNotPendingError();
    await this.work.run(command.caseId, command.context, (report) => report.answerReveal(command.revealId, command.decision, new Date()));
  }
}
