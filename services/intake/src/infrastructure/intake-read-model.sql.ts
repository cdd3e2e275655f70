import { Injectable } from '@nestjs/common';
import { TurnBatch, type StoreTransaction } from '@vertrouwd/event-sourcing';
import { ReadModels } from '@vertrouwd/service-kit';
import type {
  AdvisorEntry,
  CaseProgress,
  IntakeOrganisation,
  IntakeReadModel,
  LegalDutyEntry,
  Receipt,
  RecordedConsent,
  RevealEntry,
  SummaryVersionEntry,
} from '../application/ports/intake-read-model.port';

const ORGANISATION_TTL_MS = 1_000;
const MAX_CACHED_ORGANISATIONS = 10_000;

const ADD_RECEIPT = 'insert into receipts (receipt_hash, case_id, passphrase_hash) values ($1, $2, $3)';
const ADD_RECEIPTS = `insert into receipts (receipt_hash, case_id, passphrase_hash)
  select * from unnest($1::text[], $2::uuid[], $3::text[])`;

type ReceiptRow = [receiptHash: string, caseId: string, passphraseHash: string];

/** Intake's tables through the kit's data source. Nothing here is readable personal data (see the migration). */
@Injectable()
export class SqlIntakeReadModel implements IntakeReadModel {
  /**
   * Organisations by intake code, read at most once a second (every submission and page view asks): forgotten at
   * once when this process applies a directory event, and within ORGANISATION_TTL_MS of one applied by another
   * replica, which is no later than intake learns of a change anyway (the directory arrives over the bus).
   */
  private readonly organisations = new Map<string, { until: number; organisation: Promise<IntakeOrganisation | undefined> }>();

  /** Per transaction, the receipts added in one turn (the reports sharing it, ADR 0069): one statement (ADR 0073). */
  private readonly receiptBatches = new WeakMap<StoreTransaction, TurnBatch<ReceiptRow, void>>();

  constructor(private readonly readModels: ReadModels) {}

  private query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return this.readModels.dataSource.query(sql, parameters);
  }

  organisationByCode(intakeCode: string): Promise<IntakeOrganisation | undefined> {
    const now = Date.now();
    const cached = this.organisations.get(intakeCode);
    if (cached && cached.until > now) return cached.organisation;
    const organisation = this.query<IntakeOrganisation>(ORGANISATION_BY_CODE, [intakeCode]).then(([row]) => row);
    if (this.organisations.size >= MAX_CACHED_ORGANISATIONS) this.organisations.clear();
    const entry = { until: now + ORGANISATION_TTL_MS, organisation };
    this.organisations.set(intakeCode, entry);
    // A failed read is not kept.
    organisation.catch(() => this.organisations.get(intakeCode) === entry && this.organisations.delete(intakeCode));
    return organisation;
  }

  /** After a directory change committed: the next read of any organisation goes to the table. */
  forgetOrganisations(): void {
    this.organisations.clear();
  }

  async removeReceiptsOf(caseId: string): Promise<void> {
    await this.query('delete from receipts where case_id = $1', [caseId]);
  }

  async addReceipt(receiptHash: string, caseId: string, passphraseHash: string, tx?: StoreTransaction): Promise<void> {
    if (!tx) return void (await this.query(ADD_RECEIPT, [receiptHash, caseId, passphraseHash]));
    let batch = this.receiptBatches.get(tx);
    if (!batch) {
      // Prepared once per connection: one statement of every group of reports. Any row refused fails the statement,
      // and with it the transaction of every report in it.
      batch = new TurnBatch<ReceiptRow, void>(async (rows) => {
        const columns = [0, 1, 2].map((c) => rows.map((row) => row[c]));
        await tx.query(ADD_RECEIPTS, columns, 'intake_add_receipts');
        return rows.map(() => undefined);
      });
      this.receiptBatches.set(tx, batch);
    }
    await batch.add([receiptHash, caseId, passphraseHash]);
  }

  async receipt(receiptHash: string): Promise<Receipt | undefined> {
    const [row] = await this.query<Receipt>(
      'select case_id as "caseId", passphrase_hash as "passphraseHash" from receipts where receipt_hash = $1',
      [receiptHash],
    );
    return row;
  }

  async progress(caseId: string): Promise<CaseProgress | undefined> {
    const [row] = await this.query<CaseProgress>(
      `select received_at as "receivedAt", acknowledged_at as "acknowledgedAt", closed_at as "closedAt",
              (select min(t) from unnest(work_times) t where t >= acknowledged_at) as "inProgressAt",
              clocks_from as "clocksFrom", clock_acknowledged_at as "clockAcknowledgedAt", clock_feedback_at as "clockFeedbackAt"
         from report_status where case_id = $1`,
      [caseId],
    );
    return row;
  }

  advisorMessages(caseId: string): Promise<AdvisorEntry[]> {
    return this.query('select message_id as id, sent_at as at, sealed_body as sealed, kind from advisor_messages where case_id = $1', [
      caseId,
    ]);
  }

  sharedSummaries(caseId: string): Promise<SummaryVersionEntry[]> {
    return this.query(
      `select summary_id as id, version, shared_at as at, sealed_summary as sealed from shared_summaries
        where case_id = $1 order by shared_at, version`,
      [caseId],
    );
  }

  identityReveals(caseId: string): Promise<RevealEntry[]> {
    return this.query(
      `select reveal_id as id, requested_at as at, sealed_reason as sealed, viewer, decision, decided_by as "decidedBy",
       decided_at as "decidedAt" from identity_reveals where case_id = $1 order by requested_at`,
      [caseId],
    );
  }

  async latestSummaryVersion(caseId: string, summaryId: string): Promise<number | undefined> {
    const [row] = await this.query<{ version: number | null }>(
      'select max(version) as version from shared_summaries where summary_id = $1 and case_id = $2',
      [summaryId, caseId],
    );
    return row?.version ?? undefined;
  }

  recordedConsents(caseId: string): Promise<RecordedConsent[]> {
    return this.query(
      `select consent_id as "consentId", scope, referral_type as "referralType", conversation_id as "conversationId",
              recorded_at as "recordedAt"
         from recorded_consents where case_id = $1 order by recorded_at`,
      [caseId],
    );
  }

  async isPendingReveal(caseId: string, revealId: string): Promise<boolean> {
    const rows = await this.query('select 1 from identity_reveals where reveal_id = $1 and case_id = $2 and decision is null', [
      revealId,
      caseId,
    ]);
    return rows.length > 0;
  }

  async isRecordedConsent(caseId: string, consentId: string): Promise<boolean> {
    const rows = await this.query('select 1 from recorded_consents where consent_id = $1 and case_id = $2', [consentId, caseId]);
    return rows.length > 0;
  }

  legalDuties(caseId: string): Promise<LegalDutyEntry[]> {
    return this.query(
      `select duty_id as "dutyId", reason, scope, referral_type as "referralType", invoked_at as "invokedAt",
              sealed_explanation as "sealedExplanation"
         from legal_duties where case_id = $1 order by invoked_at`,
      [caseId],
    );
  }
}

/**
 * The page's organisation. Codes are not unique across versions delivered out of order: the organisation that took
 * the code most recently holds it (a changed code moves the page; an old code answers as unknown once it moved).
 * That holder must be active and its agency not suspended. Its counsellors: the primary, the substitute and the
 * internal ones, each once, active, of the organisation's agency, in that order.
 */
const ORGANISATION_BY_CODE = `
  with holder as (
    select * from directory_organisations where intake_code = $1 order by changed_at desc, organisation_id limit 1
  )
  select o.intake_code as "intakeCode", o.organisation_id as "organisationId", o.agency_id as "agencyId",
         o.sealed_name as "sealedName", o.languages, o.regions as sites,
         coalesce((
           select json_agg(json_build_object(
                    'counsellorId', c.counsellor_id, 'kind', c.kind, 'gender', c.gender, 'languages', c.languages,
                    'sealedName', c.sealed_name, 'sealedIntroduction', c.sealed_introduction) order by listed.position)
             from (select id, min(position) as position
                     from unnest(array[o.primary_counsellor_id, o.substitute_counsellor_id] || o.internal_counsellor_ids)
                          with ordinality as named(id, position)
                    where id is not null group by id) listed
             join directory_counsellors c on c.counsellor_id = listed.id
            where c.status = 'active' and c.agency_id = o.agency_id
         ), '[]'::json) as counsellors
    from holder o
   where o.status = 'active'
     and not exists (select 1 from directory_agencies a where a.agency_id = o.agency_id and a.status = 'suspended')`;
