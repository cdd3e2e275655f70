import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedVersionError, type EventStore } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { metadataOf, type CommandContext } from '@vertrouwd/service-kit';
import { InvoiceNotFoundError } from '../domain/billing.errors';
import { buildCreditNote } from '../domain/invoices/invoice-builder';
import type { InvoiceDocument } from '../domain/invoices/invoice-document';
import { InvoiceSeries } from '../domain/invoices/invoice-series.aggregate';
import type { InvoiceSeriesEvent } from '../domain/invoices/invoice-series.events';
import { amsterdamDay } from '@vertrouwd/domain';
import { InvoiceSeriesStreams } from './billing.repositories';
import { digestsOf } from './invoice-runs';
import { DOCUMENT_RENDERER, type DocumentRenderer } from './ports/document-renderer.port';

/** Why an invoice is credited: a fixed list with fixed texts, so no free text (and no name) reaches a document. */
export const CREDIT_REASONS = ['price-correction', 'duplicate', 'subscription-ended', 'goodwill', 'cancelled'] as const;
export type CreditReason = (typeof CREDIT_REASONS)[number];

const REASON_TEXT: Record<CreditReason, { nl: string; en: string }> = {
  'price-correction': { nl: 'Correctie van het tarief', en: 'Correction of the rate' },
  duplicate: { nl: 'Dubbel gefactureerd', en: 'Invoiced twice' },
  'subscription-ended': { nl: 'Abonnement beëindigd', en: 'Subscription ended' },
  goodwill: { nl: 'Coulance', en: 'Goodwill' },
  cancelled: { nl: 'Factuur vervallen', en: 'Invoice cancelled' },
};

/**
 * Corrections: an issued invoice is never changed; a credit note refers to it and credits all of it or an amount of
 * some lines. It takes the next number of the invoice's series (ADR 0032).
 */
@Injectable()
export class CreditNotes {
  constructor(
    private readonly series: InvoiceSeriesStreams,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DOCUMENT_RENDERER) private readonly renderer: DocumentRenderer,
  ) {}

  async issue(
    agencyId: string,
    invoiceNumber: string,
    request: { reason: CreditReason; lines?: { lineId: string; amountCents: number }[] },
    context: CommandContext,
    at = new Date(),
  ): Promise<string> {
    const year = Number(invoiceNumber.slice(0, 4));
    const id = InvoiceSeries.idOf(agencyId, year);
    for (let attempt = 0; ; attempt += 1) {
      const series = await this.series.load(id);
      const sequence = Number(invoiceNumber.slice(5));
      if (!series || !Number.isSafeInteger(sequence) || sequence < 1 || sequence > series.state.sequence) throw new InvoiceNotFoundError();
      const invoice = await this.invoiceDocument(this.series.streamId(id), sequence);
      if (!invoice) throw new InvoiceNotFoundError();
      const left = series.creditable(invoiceNumber);
      const credited = request.lines ? new Map(request.lines.map((line) => [line.lineId, line.amountCents])) : left;
      series.assertCreditable(invoiceNumber, credited); // before rendering: a refused credit renders nothing
      const text = REASON_TEXT[request.reason][invoice.language];
      const document = buildCreditNote(invoice, { number: series.nextNumber(), issueDate: amsterdamDay(at), reason: text }, credited);
      const rendered = await this.renderer.render(document);
      series.issueCreditNote(invoiceNumber, credited, document, digestsOf(rendered), at);
      try {
        await this.series.save(series, metadataOf(context));
        return document.number;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= 5) throw error;
      }
    }
  }

  /** The invoice as issued: the event at its sequence in the series stream (version = sequence − 1). */
  private async invoiceDocument(streamId: string, sequence: number): Promise<InvoiceDocument | undefined> {
    const [event] = await this.store.readStream(streamId, { fromVersion: sequence - 1, maxCount: 1 });
    const data = event ? ({ ...(event.data as object), type: event.type } as InvoiceSeriesEvent) : undefined;
    return data?.type === 'InvoiceIssued' ? data.document : undefined;
  }
}
