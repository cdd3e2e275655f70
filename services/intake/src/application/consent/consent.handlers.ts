import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConsentNotOnCaseError } from '../intake.errors';
import { INTAKE_READ_MODEL, type IntakeReadModel } from '../ports/intake-read-model.port';
import { ReportWork } from '../report-work';
import { ReportRepository } from '../report.repository';
import { ConfirmConsent, GiveConsent, WithdrawConsent } from './consent.commands';

@CommandHandler(GiveConsent)
export class GiveConsentHandler implements ICommandHandler<GiveConsent, void> {
  constructor(private readonly work: ReportWork) {}

  async execute(cmd: GiveConsent): Promise<void> {
    await this.work.run(cmd.caseId, cmd.context, (report) => report.giveConsent(cmd.consentId, cmd.scope, cmd.referralType, new Date()));
  }
}

/** Only a consent the advisor recorded on this very case can be confirmed: one of another case is not there. */
@CommandHandler(ConfirmConsent)
export class ConfirmConsentHandler implements ICommandHandler<ConfirmConsent, void> {
  constructor(
    private readonly work: ReportWork,
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
  ) {}

  async execute(cmd: ConfirmConsent): Promise<void> {
    if (!(await this.readModel.isRecordedConsent(cmd.caseId, cmd.consentId))) throw new ConsentNotOnCaseError();
    await this.work.run(cmd.caseId, cmd.context, (report) => report.confirmConsent(cmd.consentId, new Date()));
  }
}

/** A consent of this case: the reporter's own (in their report's stream) or one their advisor recorded. */
@CommandHandler(WithdrawConsent)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsent, void> {
  constructor(
    private readonly work: ReportWork,
    private readonly reports: ReportRepository,
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
  ) {}

  async execute(cmd: WithdrawConsent): Promise<void> {
    const report = await this.reports.load(cmd.caseId);
    const own = report?.state.consents.get(cmd.consentId)?.given !== undefined;
    if (!own && !(await this.readModel.isRecordedConsent(cmd.caseId, cmd.consentId))) throw new ConsentNotOnCaseError();
    await this.work.run(cmd.caseId, cmd.context, (r) => r.withdrawConsent(cmd.consentId, new Date()));
  }
}
