import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import type { UsageFact } from '../../domain/pricing/charges';
import type { Headcount } from '../../domain/pricing/schedule';
import type { SubscriptionTerms } from '../../domain/subscription/subscription.events';

export const BILLING_READS = Symbol('BILLING_READS');

export interface OrganisationFacts {
  organisationId: string;
  agencyId: string;
  active: boolean;
  kvk: string;
  vatId: string | undefined;
  headcounts: Headcount[];
}

export interface SubscriptionRow {
  organisationId: string;
  agencyId: string;
  startsOn: string;
  endsOn: string | undefined;
  terms: SubscriptionTerms;
  /** The subscription's stream version; absent until its read model has seen an event since versions were kept. */
  version?: number;
}

export interface DocumentSummary {
  number: string;
  kind: 'invoice' | 'credit-note';
  organisationId: string;
  periodKey: string | undefined;
  issueDate: string;
  corrects: string | undefined;
  payableCents: number;
}

export interface StoredDocument extends DocumentSummary {
  document: InvoiceDocument;
  digests: { ubl: string; pdf: string };
}

/** What billing reads from its own database (implemented in infrastructure). */
export interface BillingReads {
  /** Resolves once everything billing itself appended before the call is in its read models (subscriptions, documents). */
  settled(): Promise<void>;
  organisation(organisationId: string): Promise<OrganisationFacts | undefined>;
  organisations(organisationIds: readonly string[]): Promise<Map<string, OrganisationFacts>>;
  usage(organisationIds: readonly string[]): Promise<Map<string, UsageFact[]>>;
  subscriptionsOf(agencyId: string): Promise<SubscriptionRow[]>;
  subscription(organisationId: string): Promise<SubscriptionRow | undefined>;
  documents(filter: { agencyId?: string; organisationId?: string; year?: number }): Promise<DocumentSummary[]>;
  /** Whole documents, in number order (the bookkeeping export): one query, not one per document. */
  documentsOf(agencyId: string, year: number): Promise<StoredDocument[]>;
  document(number: string, scope: { agencyId?: string; organisationId?: string }): Promise<StoredDocument | undefined>;
}
