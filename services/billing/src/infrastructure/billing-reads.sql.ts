import { Injectable } from '@nestjs/common';
import { ReadModels } from '@vertrouwd/service-kit';
import type {
  BillingReads,
  DocumentSummary,
  OrganisationFacts,
  StoredDocument,
  SubscriptionRow,
} from '../application/ports/billing-reads.port';
import type { UsageFact } from '../domain/pricing/charges';

const day = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** Billing's reads, in SQL on its own database; dates come back as `YYYY-MM-DD` text. */
@Injectable()
export class SqlBillingReads implements BillingReads {
  constructor(private readonly readModels: ReadModels) {}

  settled(): Promise<void> {
    return this.readModels.projection('billing-documents').caughtUp();
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.readModels.dataSource.query(sql, params);
  }

  async organisation(organisationId: string): Promise<OrganisationFacts | undefined> {
    return (await this.organisations([organisationId])).get(organisationId);
  }

  async organisations(organisationIds: readonly string[]): Promise<Map<string, OrganisationFacts>> {
    const rows = await this.query<{
      organisation_id: string;
      agency_id: string;
      active: boolean;
      kvk: string;
      vat_id: string | null;
      headcounts: { from: string; headcount: number }[] | null;
    }>(
      `select o.organisation_id, o.agency_id, o.active, o.kvk, o.vat_id,
         (select json_agg(json_build_object('from', to_char(h.from_day, 'YYYY-MM-DD'), 'headcount', h.headcount) order by h.from_day)
            from billing_headcounts h where h.organisation_id = o.organisation_id) as headcounts
       from billing_organisations o where o.organisation_id = any($1::uuid[])`,
      [organisationIds],
    );
    return new Map(
      rows.map((row) => [
        row.organisation_id,
        {
          organisationId: row.organisation_id,
          agencyId: row.agency_id,
          active: row.active,
          kvk: row.kvk,
          vatId: row.vat_id ?? undefined,
          headcounts: row.headcounts ?? [],
        },
      ]),
    );
  }

  async usage(organisationIds: readonly string[]): Promise<Map<string, UsageFact[]>> {
    const rows = await this.query<{
      organisation_id: string;
      source: 'case' | 'activity';
      case_ref: string | null;
      on_day: string;
      minutes: number;
    }>(
      `select organisation_id, source, case_ref, to_char(on_day, 'YYYY-MM-DD') as on_day, minutes from billing_usage
       where organisation_id = any($1::uuid[]) order by organisation_id, on_day, fact_id`,
      [organisationIds],
    );
    const byOrganisation = new Map<string, UsageFact[]>();
    for (const row of rows) {
      const fact: UsageFact = {
        source: row.source,
        on: row.on_day,
        minutes: row.minutes,
        ...(row.case_ref ? { caseRef: row.case_ref } : {}),
      };
      const list = byOrganisation.get(row.organisation_id);
      if (list) list.push(fact);
      else byOrganisation.set(row.organisation_id, [fact]);
    }
    return byOrganisation;
  }

  async subscriptionsOf(agencyId: string): Promise<SubscriptionRow[]> {
    const rows = await this.query<SubscriptionDbRow>(`${SUBSCRIPTIONS} where agency_id = $1 order by organisation_id`, [agencyId]);
    return rows.map(subscriptionOf);
  }

  async subscription(organisationId: string): Promise<SubscriptionRow | undefined> {
    const [row] = await this.query<SubscriptionDbRow>(`${SUBSCRIPTIONS} where organisation_id = $1`, [organisationId]);
    return row ? subscriptionOf(row) : undefined;
  }

  async documents(filter: { agencyId?: string; organisationId?: string; year?: number }): Promise<DocumentSummary[]> {
    const rows = await this.query<DocumentDbRow>(
      `${DOCUMENTS} where ($1::uuid is null or agency_id = $1) and ($2::uuid is null or organisation_id = $2)
         and ($3::int is null or number like $3::text || '-%') order by number`,
      [filter.agencyId ?? null, filter.organisationId ?? null, filter.year ?? null],
    );
    return rows.map(summaryOf);
  }

  async documentsOf(agencyId: string, year: number): Promise<StoredDocument[]> {
    const rows = await this.query<DocumentDbRow & { document: StoredDocument['document']; ubl_sha256: string; pdf_sha256: string }>(
      `${DOCUMENTS_FULL} where agency_id = $1 and number like $2::text || '-%' order by number`,
      [agencyId, year],
    );
    return rows.map((row) => ({ ...summaryOf(row), document: row.document, digests: { ubl: row.ubl_sha256, pdf: row.pdf_sha256 } }));
  }

  async document(number: string, scope: { agencyId?: string; organisationId?: string }): Promise<StoredDocument | undefined> {
    const [row] = await this.query<DocumentDbRow & { document: StoredDocument['document']; ubl_sha256: string; pdf_sha256: string }>(
      `${DOCUMENTS_FULL} where number = $1 and ($2::uuid is null or agency_id = $2) and ($3::uuid is null or organisation_id = $3)`,
      [number, scope.agencyId ?? null, scope.organisationId ?? null],
    );
    if (!row) return undefined;
    return { ...summaryOf(row), document: row.document, digests: { ubl: row.ubl_sha256, pdf: row.pdf_sha256 } };
  }
}

const SUBSCRIPTIONS = `select organisation_id, agency_id, to_char(starts_on, 'YYYY-MM-DD') as starts_on,
  to_char(ends_on, 'YYYY-MM-DD') as ends_on, terms, version from billing_subscriptions`;
const DOCUMENTS = `select number, kind, organisation_id, period_key, to_char(issue_date, 'YYYY-MM-DD') as issue_date, corrects,
  payable_cents from billing_documents`;
const DOCUMENTS_FULL = `select number, kind, organisation_id, period_key, to_char(issue_date, 'YYYY-MM-DD') as issue_date, corrects,
  payable_cents, document, ubl_sha256, pdf_sha256 from billing_documents`;

interface SubscriptionDbRow {
  organisation_id: string;
  agency_id: string;
  starts_on: string;
  ends_on: string | null;
  terms: SubscriptionRow['terms'];
  version: number | null;
}

interface DocumentDbRow {
  number: string;
  kind: 'invoice' | 'credit-note';
  organisation_id: string;
  period_key: string | null;
  issue_date: string;
  corrects: string | null;
  payable_cents: string;
}

function subscriptionOf(row: SubscriptionDbRow): SubscriptionRow {
  return {
    organisationId: row.organisation_id,
    agencyId: row.agency_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on ?? undefined,
    terms: row.terms,
    ...(row.version !== null ? { version: row.version } : {}),
  };
}

function summaryOf(row: DocumentDbRow): DocumentSummary {
  return {
    number: row.number,
    kind: row.kind,
    organisationId: row.organisation_id,
    periodKey: row.period_key ?? undefined,
    issueDate: day(row.issue_date),
    corrects: row.corrects ?? undefined,
    payableCents: Number(row.payable_cents),
  };
}
