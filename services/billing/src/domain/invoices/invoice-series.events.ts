import type { InvoiceDocument } from './invoice-document';

/** SHA-256 (hex) of the exports as rendered at issue: anyone can re-render the document and compare. */
export interface DocumentDigests {
  ubl: string;
  pdf: string;
}

export type InvoiceSeriesEvent =
  | {
      type: 'InvoiceIssued';
      agencyId: string;
      organisationId: string;
      periodKey: string;
      sequence: number;
      document: InvoiceDocument;
      digests: DocumentDigests;
      at: string;
    }
  | {
      type: 'CreditNoteIssued';
      agencyId: string;
      organisationId: string;
      sequence: number;
      /** The number of the invoice it corrects. */
      corrects: string;
      /** Cents credited per line id of that invoice. */
      credited: Record<string, number>;
      document: InvoiceDocument;
      digests: DocumentDigests;
      at: string;
    };
