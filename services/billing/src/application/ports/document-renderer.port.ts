import type { InvoiceDocument } from '../../domain/invoices/invoice-document';

export const DOCUMENT_RENDERER = Symbol('DOCUMENT_RENDERER');

/** The exports of a document: UBL 2.1 (SI-UBL 2.0) for accounting systems and a PDF/A-3 with that UBL inside. */
export interface RenderedDocument {
  ubl: string;
  pdf: Buffer;
}

/** Renders documents deterministically: the same document gives the same bytes, so a digest recorded at issue proves them. */
export interface DocumentRenderer {
  render(document: InvoiceDocument): Promise<RenderedDocument>;
  bookkeepingCsv(documents: readonly InvoiceDocument[]): string;
}
