import { randomUUID } from 'node:crypto';
import { Inject, NotFoundException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import type { ContractRegistry } from '@vertrouwd/contracts';
import { outboxFor } from '@vertrouwd/messaging';
import { caseKey, subjectKey, type Sealer } from '@vertrouwd/privacy';
import { CONTRACTS, DATABASE_POOL, SEALER } from '@vertrouwd/runtime';
import { currentTraceparent } from '@vertrouwd/telemetry';
import { signProof, type ProofOfReport } from '../../domain/proof/proof-of-report';
import { newPassphrase, newReceiptCode, parsePassphrase, parseReceiptCode } from '../../domain/receipt/receipt-code';
import { Report } from '../../domain/report/report.aggregate';
import { isOutOfScope } from '../../domain/report/report-scope';
import { translation } from '../../i18n/translations';
import { IntakeKeyring } from '../intake-keyring';
import { IntakeOrganisations } from '../intake-page/intake-organisations';
import { translateIntakeEvent } from '../integration/intake-events.translator';
import { ReportRepository } from '../report.repository';
import { SubmitReport } from './submit-report.command';

export type SubmitReportResult =
  | { caseId: string; receiptCode: string; passphrase: string; proof: ProofOfReport }
  | { outOfScope: true; whereToGo: { title: string; whereToGo: string } };

@CommandHandler(SubmitReport)
export class SubmitReportHandler implements ICommandHandler<SubmitReport, SubmitReportResult> {
  constructor(
    private readonly reports: ReportRepository,
    private readonly organisations: IntakeOrganisations,
    private readonly keyring: IntakeKeyring,
    @Inject(SEALER) private readonly sealer: Sealer,
    @Inject(CONTRACTS) private readonly contracts: ContractRegistry,
    @Inject(DATABASE_POOL) private readonly pool: Pool,
  ) {}

  async execute(command: SubmitReport): Promise<SubmitReportResult> {
    const organisation = await this.organisations.byCode(command.intakeCode);
    if (!organisation) throw new NotFoundException('No organisation has this intake code');
    // Workload is answered, not stored: nothing of it is sealed, written or published.
    if (isOutOfScope(command.theme)) return { outOfScope: true, whereToGo: translation(command.language).workload };

    const caseId = randomUUID();
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
        theme: command.theme,
        relation: command.relation,
        anonymity: command.anonymity,
        contactChannel: command.contact.channel,
        language: command.language,
        preferredAdvisorGender: command.preferences.advisorGender,
        preferredAdvisorKind: command.preferences.advisorKind,
        consentVersion: command.consentVersion,
        reporterRef,
      },
      { sealedAccount, ...(sealedContact ? { sealedContact } : {}), ...(sealedIdentity ? { sealedIdentity } : {}) },
      receivedAt,
    );

    const receiptCode = newReceiptCode();
    const passphrase = newPassphrase();
    const canonicalReceipt = parseReceiptCode(receiptCode)!;
    // The way back first: a receipt row without a case is harmless, a case without a way back is not.
    await this.pool.query('insert into receipts (receipt_hash, case_id, passphrase_hash) values ($1, $2, $3)', [
      this.keyring.hash.hash('receipt', canonicalReceipt),
      caseId,
      this.keyring.hash.hash('passphrase', parsePassphrase(passphrase)!),
    ]);
    await this.reports.save(
      report,
      { correlationId: command.correlationId, traceparent: currentTraceparent() },
      outboxFor(translateIntakeEvent, this.contracts),
    );
    return { caseId, receiptCode, passphrase, proof: signProof(this.keyring.proofKey, canonicalReceipt, receivedAt) };
  }
}
