import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseKey, subjectKey, type Sealer } from '@vertrouwd/privacy';
import { PLATFORM, SEALER, type Platform } from '@vertrouwd/runtime';
import { signProof, type ProofOfReport } from '../../domain/proof/proof-of-report';
import { newPassphrase, newReceiptCode, parsePassphrase, parseReceiptCode } from '../../domain/receipt/receipt-code';
import { Report } from '../../domain/report/report.aggregate';
import { isOutOfScope } from '../../domain/report/report-scope';
import { translation } from '../../i18n/translations';
import { IntakeKeyring } from '../intake-keyring';
import { ChosenCounsellorNotListedError, IntakeCodeNotFoundError, SiteNotListedError } from '../intake.errors';
import { IntakeDirectory } from '../intake-page/intake-directory';
import { INTAKE_READ_MODEL, type IntakeOrganisation, type IntakeReadModel } from '../ports/intake-read-model.port';
import { ReportWork } from '../report-work';
import { SubmitReport } from './submit-report.command';

type Theme = Parameters<Report['submit']>[0]['theme'];

export type SubmitReportResult =
  | { caseId: string; receiptCode: string; passphrase: string; proof: ProofOfReport }
  | { outOfScope: true; whereToGo: { title: string; whereToGo: string } };

@CommandHandler(SubmitReport)
export class SubmitReportHandler implements ICommandHandler<SubmitReport, SubmitReportResult> {
  constructor(
    private readonly work: ReportWork,
    private readonly keyring: IntakeKeyring,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(INTAKE_READ_MODEL) private readonly readModel: IntakeReadModel,
    private readonly directory: IntakeDirectory,
    @Inject(PLATFORM) private readonly platform: Platform,
  ) {}

  async execute(command: SubmitReport): Promise<SubmitReportResult> {
    const organisation = await this.readModel.organisationByCode(command.intakeCode);
    if (!organisation) throw new IntakeCodeNotFoundError();
    // Workload is answered, not stored: nothing of it is sealed, written or published.
    const { theme } = command;
    if (isOutOfScope(theme)) return { outOfScope: true, whereToGo: translation(command.language).workload };
    const { counsellorId } = command.preferences;
    if (counsellorId !== undefined) await this.refuseUnlisted(organisation, counsellorId);
    if (command.site !== undefined && !organisation.sites.includes(command.site)) throw new SiteNotListedError();
    const caseId = randomUUID();
    try {
      return await this.store(command, theme, organisation, caseId);
    } catch (error) {
      await this.undo(caseId);
      throw error;
    }
  }

  /** Seals, keeps the way back and appends the report (its event and outbox in one append). */
  private async store(command: SubmitReport, theme: Theme, organisation: IntakeOrganisation, caseId: string): Promise<SubmitReportResult> {
    const { counsellorId } = command.preferences;
    const reporterRef = randomUUID();
    const reporter = subjectKey('reporter', reporterRef, caseId);
    // Sealed here, before the aggregate: plaintext never reaches an event, the outbox or the bus.
    const sealedAccount = await this.sealer.seal(command.account, caseKey(caseId));
    const sealedContact = command.contact.channel === 'platform' ? undefined : await this.sealer.seal(command.contact, reporter);
    const sealedIdentity = command.identity ? await this.sealer.seal(command.identity, reporter) : undefined;
    const receivedAt = new Date();
    const report = new Report();
    report.submit(
      {
        caseId,
        agencyId: organisation.agencyId,
        organisationId: organisation.organisationId,
        theme,
        relation: command.relation,
        anonymity: command.anonymity,
        contactChannel: command.contact.channel,
        language: command.language,
        preferredAdvisorGender: command.preferences.advisorGender,
        preferredAdvisorKind: command.preferences.advisorKind,
        ...(counsellorId !== undefined ? { preferredCounsellorId: counsellorId } : {}),
        ...(command.site !== undefined ? { site: command.site } : {}),
        consentVersion: command.consentVersion,
        reporterRef,
      },
      { sealedAccount, ...(sealedContact ? { sealedContact } : {}), ...(sealedIdentity ? { sealedIdentity } : {}) },
      receivedAt,
    );

    const receiptCode = newReceiptCode();
    const passphrase = newPassphrase();
    const canonicalReceipt = parseReceiptCode(receiptCode)!;
    // The way back first: a case without a way back is worse than a receipt without a case, which `undo` removes.
    await this.readModel.addReceipt(
      this.keyring.hash.hash('receipt', canonicalReceipt),
      caseId,
      this.keyring.hash.hash('passphrase', parsePassphrase(passphrase)!),
    );
    await this.work.create(report, command.context);
    return { caseId, receiptCode, passphrase, proof: signProof(this.keyring.proofKey, canonicalReceipt, receivedAt) };
  }

  /**
   * A report not stored leaves nothing usable: its receipt goes, its keys are shredded (the vault keeps only the
   * tombstone), so no sealed value of it can be read and nothing more can be sealed for it. The receipt, the keys
   * and the append live in up to three databases (vault, read models, event store): no one transaction spans them.
   * A report that was stored after all (an append whose answer was lost), or may have been, keeps everything.
   */
  private async undo(caseId: string): Promise<void> {
    if (await this.work.exists(caseId).catch(() => true)) return;
    await this.readModel.removeReceiptsOf(caseId).catch(() => undefined);
    await this.platform.privacy.vault.shredCase(caseId).catch(() => undefined);
  }

  /** A chosen counsellor must be one the page lists now: active, of this organisation, name not erased. */
  private async refuseUnlisted(organisation: IntakeOrganisation, counsellorId: string): Promise<void> {
    const listed = await this.directory.counsellors(organisation);
    if (!listed.some((c) => c.counsellorId === counsellorId)) throw new ChosenCounsellorNotListedError();
  }
}
