import { Injectable } from '@nestjs/common';
import type { DocumentRenderer, RenderedDocument } from '../application/ports/document-renderer.port';
import type { InvoiceDocument } from '../domain/invoices/invoice-document';
import { renderBookkeepingCsv } from './documents/bookkeeping-csv';
import { renderInvoicePdf } from './documents/invoice-pdf';
import { renderUbl } from './documents/ubl';

/** The exports: UBL 2.1 by SI-UBL 2.0, the PDF/A-3 that embeds it, and the bookkeeping CSV (docs/billing/e-invoices.md). */
@Injectable()
export class ExportsRenderer implements DocumentRenderer {
  async render(document: InvoiceDocument): Promise<RenderedDocument> {
    const ubl = renderUbl(document);
    return { ubl, pdf: await renderInvoicePdf(document, ubl) };
  }

  bookkeepingCsv(documents: readonly InvoiceDocument[]): string {
    return renderBookkeepingCsv([...documents]);
  }
}
