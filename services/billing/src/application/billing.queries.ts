import { Inject, Injectable } from '@nestjs/common';
import { InvoiceNotFoundError } from '../domain/billing.errors';
import {
  BILLING_READS,
  type BillingReads,
  type DocumentSummary,
  type StoredDocument,
  type SubscriptionRow,
} from './ports/billing-reads.port';
import { DOCUMENT_RENDERER, type DocumentRenderer, type RenderedDocument } from './ports/document-renderer.port';
import { digestsOf } from './invoice-runs';

/** Reads of issued documents, for the coordinator (the agency's) and the employer contact (their organisation's). */
@Injectable()
export class BillingQueries {
  constructor(
    @Inject(BILLING_READS) private readonly reads: BillingReads,
    @Inject(DOCUMENT_RENDERER) private readonly renderer: DocumentRenderer,
  ) {}

  subscriptions(agencyId: string): Promise<SubscriptionRow[]> {
    return this.reads.subscriptionsOf(agencyId);
  }

  subscription(organisationId: string): Promise<SubscriptionRow | undefined> {
    return this.reads.subscription(organisationId);
  }

  list(filter: { agencyId?: string; organisationId?: string; year?: number }): Promise<DocumentSummary[]> {
    return this.reads.documents(filter);
  }

  async document(number: string, scope: { agencyId?: string; organisationId?: string }): Promise<StoredDocument> {
    const stored = await this.reads.document(number, scope);
    if (!stored) throw new InvoiceNotFoundError();
    return stored;
  }

  /**
   * The exports of an issued document, rendered again from what was issued. Rendering is deterministic, so the
   * bytes are the ones whose digests were recorded at issue; `verified` says whether they still are.
   */
  async exports(
    number: string,
    scope: { agencyId?: string; organisationId?: string },
  ): Promise<RenderedDocument & { verified: boolean; digests: StoredDocument['digests'] }> {
    const stored = await this.document(number, scope);
    const rendered = await this.renderer.render(stored.document);
    const digests = digestsOf(rendered);
    return { ...rendered, digests, verified: digests.ubl === stored.digests.ubl && digests.pdf === stored.digests.pdf };
  }

  /** The agency's documents of a year for its bookkeeping (CSV). */
  async bookkeeping(agencyId: string, year: number): Promise<string> {
    const documents = await this.reads.documentsOf(agencyId, year);
    return this.renderer.bookkeepingCsv(documents.map((stored) => stored.document));
  }
}
