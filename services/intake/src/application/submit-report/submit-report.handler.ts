import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseKey, subjectKey, type Sealer } from '@vertrouwd/privacy';
import type { EventStore, StoreTransaction } from '@vertrouwd/event-sourcing';
import { PLATFORM, SEALER, type Platform } from '@vertrouwd/runtime';
import { signProof, type ProofOfReport } from '../../domain/proof/proof-of-report';
import { newPassphrase, newReceiptCode, parsePassphrase, parseReceiptCode } from '../../domain/receipt/receipt-code';
import { Report } from '../../domain/report/report.aggregate';
import { isOutOfScope } from '../../domain/report/report-scope';
import { translation } from '../../i18n/translations';
import { IntakeKeyring } from '../intake-keyring';
import { IntakeThrottles } from '../intake-throttles';
import {
  ChosenCounsellorNotListedError,
  ContactForAnotherChannelError,
  IntakeCodeNotFoundError,
  ReportNotStoredError,
  SiteNotListedError,
} from '../intake.errors';
import { IntakeDirectory } from '../intake-page/intake-directory';
import { INTAKE_READ_MODEL, type IntakeOrganisation, type IntakeReadModel } from '../ports/intake-read-model.port';
import { ReportWork } from '../report-work';
import { GroupOutcomeUnknownError, GroupRolledBackError, ReportGroups } from './report-groups';
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
    private readonly throttles: IntakeThrottles,
    private readonly groups: ReportGroups,
  ) {}

  async execute(command: SubmitReport): Promise<SubmitReportResult> {
    const { contact } = command;
    if ((contact.email !== undefined && contact.channel !== 'email') || (contact.phone !== undefined && contact.channel !== 'phone')) {
      throw new ContactForAnotherChannelError();
    }
    const organisation = await this.readModel.organisationByCode(command.intakeCode);
    if (!organisation) throw new IntakeCodeNotFoundError();
    // Workload is answered, not stored: nothing of it is sealed, written or published.
    const { theme } = command;
    // Nor counted against the client's limit: only a report stored counts (below, in its own transaction).
    if (isOutOfScope(theme)) {
      const { title, whereToGo, notStored } = translation(command.language).workload;
      return { outOfScope: true, whereToGo: { title, whereToGo: `${whereToGo} ${notStored}` } };
    }
    const { counsellorId } = command.preferences;
    if (counsellorId !== undefined) await this.refuseUnlisted(organisation, counsellorId);
    if (command.site !== undefined && !organisation.sites.includes(command.site)) throw new SiteNotListedError();
    const caseId = randomUUID();
    const transaction = this.platform.store.transaction?.bind(this.platform.store);
    if (transaction) return this.storeAtOnce(command, theme, organisation, caseId, transaction);
    // Without transactions: counted first, on its own, before anything is written.
    if (command.client !== undefined) await this.throttles.takeSubmission(command.client);
    try {
      return await this.storeInSteps(command, theme, organisation, caseId);
    } catch (error) {
      await this.undo(caseId);
      throw error;
    }
  }

  /**
   * The client's submission count, the report's keys, receipt, event and outbox entry in one transaction of intake's
   * database: all of them or, if anything fails, none (ADR 0062). The count comes first: a refusal (429) writes
   * nothing. With the key vault in a database of its own (the platform's, ADR 0013) the keys are written there, in
   * one statement of their own (shared with the reports beside it, ADR 0068), and shredded again if the transaction
   * fails (`undo`). The transaction is shared with the reports that arrive beside this one (ADR 0069); if another's
   * failure rolled it back, this report is stored again alone, under a new case id (its keys were shredded).
   */
  private async storeAtOnce(
    command: SubmitReport,
    theme: Theme,
    organisation: IntakeOrganisation,
    caseId: string,
    transaction: NonNullable<EventStore['transaction']>,
    alone = false,
  ): Promise<SubmitReportResult> {
    const reporterRef = randomUUID();
    const reporter = subjectKey('reporter', reporterRef, caseId);
    const sealsForReporter = command.contact.channel !== 'platform' || command.identity !== undefined;
    const refs = sealsForReporter ? [caseKey(caseId), reporter] : [caseKey(caseId)];
    const { vault } = this.platform.privacy;
    const inServiceDatabase = this.platform.vaultInServiceDatabase;
    let apart = false;
    let stored: SubmitReportResult | undefined;
    const writes = async (tx: StoreTransaction): Promise<SubmitReportResult> => {
      if (command.client !== undefined) await this.throttles.takeSubmission(command.client, tx);
      // Before the keys are written: a statement whose answer is lost may have stored them all the same.
      apart = !inServiceDatabase;
      const {
        keys: [forCase, forReporter],
        store,
      } = await vault.newKeys(refs);
      const receipt = this.newReceipt(caseId);
      const report = this.submitted(command, theme, organisation, caseId, reporterRef, receipt.receivedAt, {
        sealedAccount: this.sealer.sealWith(command.account, forCase),
        ...(command.contact.channel === 'platform' ? {} : { sealedContact: this.sealer.sealWith(command.contact, forReporter) }),
        ...(command.identity ? { sealedIdentity: this.sealer.sealWith(command.identity, forReporter) } : {}),
      });
      // Sent together: the keys (in the vault's database, or in this transaction when the vault shares it), the receipt
      // and, last, the append, right before the commit (readers of the global order wait for an append in flight).
      // Every one is answered before this returns or throws, and the keys are stored before anything commits.
      const [keysKept, receiptKept, created] = await Promise.allSettled([
        store(inServiceDatabase ? tx : undefined),
        this.readModel.addReceipt(receipt.receiptHash, caseId, receipt.passphraseHash, tx),
        this.work.create(report, command.context, tx),
      ]);
      for (const outcome of [keysKept, receiptKept, created]) if (outcome.status === 'rejected') throw outcome.reason;
      if (created.status === 'fulfilled' && !created.value) throw new Error('A report with this case id exists');
      stored = receipt.result;
      return receipt.result;
    };
    try {
      return alone ? await transaction(writes) : await this.groups.store(command.client ?? '', writes);
    } catch (error) {
      if (error instanceof GroupOutcomeUnknownError) {
        // Stored after all (the commit's answer was lost after it committed): answered as stored. Otherwise not known,
        // and maybe still landing: an error of its own (503), nothing undone, never stored twice.
        if (stored && (await this.work.exists(caseId).catch(() => false))) return stored;
        throw new ReportNotStoredError();
      }
      if (apart) await this.undo(caseId);
      // Rolled back for certain by another report's failure: stored again, alone, under a new case id.
      if (error instanceof GroupRolledBackError) return this.storeAtOnce(command, theme, organisation, randomUUID(), transaction, true);
      throw error;
    }
  }

  /** Seals, keeps the way back and appends the report, each in its own step (an event store without transactions). */
  private async storeInSteps(
    command: SubmitReport,
    theme: Theme,
    organisation: IntakeOrganisation,
    caseId: string,
  ): Promise<SubmitReportResult> {
    const reporterRef = randomUUID();
    const reporter = subjectKey('reporter', reporterRef, caseId);
    // Sealed here, before the aggregate: plaintext never reaches an event, the outbox or the bus.
    const sealedAccount = await this.sealer.seal(command.account, caseKey(caseId));
    const sealedContact = command.contact.channel === 'platform' ? undefined : await this.sealer.seal(command.contact, reporter);
    const sealedIdentity = command.identity ? await this.sealer.seal(command.identity, reporter) : undefined;
    const receipt = this.newReceipt(caseId);
    const report = this.submitted(command, theme, organisation, caseId, reporterRef, receipt.receivedAt, {
      sealedAccount,
      ...(sealedContact ? { sealedContact } : {}),
      ...(sealedIdentity ? { sealedIdentity } : {}),
    });
    // The way back first: a case without a way back is worse than a receipt without a case, which `undo` removes.
    await this.readModel.addReceipt(receipt.receiptHash, caseId, receipt.passphraseHash);
    await this.work.create(report, command.context);
    return receipt.result;
  }

  /** A receipt code and passphrase, their keyed hashes as stored, and the signed proof of when the report came. */
  private newReceipt(caseId: string) {
    const receivedAt = new Date();
    const receiptCode = newReceiptCode();
    const passphrase = newPassphrase();
    const canonicalReceipt = parseReceiptCode(receiptCode)!;
    return {
      receivedAt,
      receiptHash: this.keyring.hash.hash('receipt', canonicalReceipt),
      passphraseHash: this.keyring.hash.hash('passphrase', parsePassphrase(passphrase)!),
      result: { caseId, receiptCode, passphrase, proof: signProof(this.keyring.proofKey, canonicalReceipt, receivedAt) },
    };
  }

  /** The report, submitted with its personal data already sealed: plaintext never reaches an event, the outbox or the bus. */
  private submitted(
    command: SubmitReport,
    theme: Theme,
    organisation: IntakeOrganisation,
    caseId: string,
    reporterRef: string,
    receivedAt: Date,
    sealed: Parameters<Report['submit']>[1],
  ): Report {
    const { counsellorId } = command.preferences;
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
      sealed,
      receivedAt,
    );
    return report;
  }

  /**
   * A report not stored leaves nothing usable: its receipt goes, its keys are shredded (the vault keeps only the
   * tombstone), so no sealed value of it can be read and nothing more can be sealed for it. Where the writes are in
   * more than one database (the vault's, or an event store without transactions), no one transaction spans them.
   * A report that was stored after all (an answer lost after the commit), or may have been, keeps everything.
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
