import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { InvoiceSeriesEvent } from '../../domain/invoices/invoice-series.events';
import type { SubscriptionEvent } from '../../domain/subscription/subscription.events';

type Projected = SubscriptionEvent | InvoiceSeriesEvent;

/** Folds billing's own streams into its read models: subscriptions and issued documents. Rebuildable from zero. */
export class BillingProjector implements Projection {
  readonly name = 'billing-documents';
  readonly filter = { categories: ['subscription', 'invoiceseries'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const organisationId = recorded.streamId.slice(recorded.streamId.indexOf('-') + 1);
      await this.applyOne({ ...(recorded.data as object), type: recorded.type } as Projected, organisationId, manager);
      // The version a conditional `PUT …/subscriptions/:id` compares with (If-Match).
      if (recorded.streamId.startsWith('subscription-')) {
        await manager.query('update billing_subscriptions set version = $2 where organisation_id = $1', [organisationId, recorded.version]);
      }
    }
  }

  private async applyOne(e: Projected, streamKey: string, m: EntityManager): Promise<void> {
    switch (e.type) {
      case 'SubscriptionStarted':
        await m.query(
          `insert into billing_subscriptions (organisation_id, agency_id, starts_on, terms) values ($1, $2, $3, $4)
           on conflict (organisation_id) do nothing`,
          [e.organisationId, e.agencyId, e.startsOn, { address: e.address, buyerReference: e.buyerReference, language: e.language }],
        );
        return;
      case 'SubscriptionTermsChanged':
        await m.query('update billing_subscriptions set terms = $2 where organisation_id = $1', [
          streamKey,
          { address: e.address, buyerReference: e.buyerReference, language: e.language },
        ]);
        return;
      case 'SubscriptionEnded':
        await m.query('update billing_subscriptions set ends_on = $2 where organisation_id = $1', [streamKey, e.endsOn]);
        return;
      case 'InvoiceIssued':
      case 'CreditNoteIssued': {
        const d = e.document;
        await m.query(
          `insert into billing_documents (agency_id, number, kind, organisation_id, period_key, issue_date, corrects, payable_cents,
             document, ubl_sha256, pdf_sha256) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           on conflict (agency_id, number) do nothing`,
          [
            e.agencyId,
            d.number,
            d.kind,
            e.organisationId,
            e.type === 'InvoiceIssued' ? e.periodKey : null,
            d.issueDate,
            e.type === 'CreditNoteIssued' ? e.corrects : null,
            d.totals.payableCents,
            d,
            e.digests.ubl,
            e.digests.pdf,
          ],
        );
        return;
      }
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate billing_subscriptions, billing_documents');
  }
}
