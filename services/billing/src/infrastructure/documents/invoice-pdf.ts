import { createHash } from 'node:crypto';
import { startPdfA } from '@vertrouwd/documents';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { formatEuro } from './amounts';
import { assertConsistentDocument } from './invoice-document-consistency';
import { layOutInvoice, PAGE, type Page } from './invoice-pdf-layout';
import { LABELS } from './invoice-labels';

const PRODUCER = 'Vertrouwd (PDFKit 0.20.2)';

/**
 * The invoice or credit note for people: PDF/A-3a, tagged, Noto Sans embedded, with every field Dutch law asks of
 * an invoice, and the UBL embedded as its associated file. The same document and UBL give the same bytes: dates
 * come from the issue date and the file id from the content.
 */
export async function renderInvoicePdf(doc: InvoiceDocument, ubl: string): Promise<Buffer> {
  assertConsistentDocument(doc);
  const l = LABELS[doc.language];
  const issued = new Date(`${doc.issueDate}T00:00:00Z`);
  const title = `${doc.kind === 'invoice' ? l.invoice : l.creditNote} ${doc.number.replace(/[^\w./-]/g, '')}`;
  // The file identifier is derived from what the document says: the UBL carries every field but the language and
  // the corrected invoice's date. Never from a serialisation of `doc`: a document read back from jsonb has its keys
  // reordered.
  const document = startPdfA({
    title,
    language: doc.language,
    date: issued,
    fileId: fileId(doc, ubl),
    margin: PAGE.margin,
    producer: PRODUCER,
  });
  const page: Page = { w: document.writer, root: document.root, doc, l, euro: (cents) => formatEuro(cents, doc.language) };
  layOutInvoice(page);
  return document.end([
    {
      content: Buffer.from(ubl, 'utf8'),
      name: l.attachmentName,
      type: 'text/xml',
      // The XML says what the PDF says, for machines: an alternative representation (PDF/A-3, as in Factur-X).
      relationship: 'Alternative',
      description: 'UBL 2.1 (SI-UBL 2.0)',
    },
  ]);
}

function fileId(doc: InvoiceDocument, ubl: string): Uint8Array {
  const printedOnly = [doc.language, doc.corrects?.issueDate ?? ''].join('\n');
  return createHash('sha256').update(ubl).update('\n').update(printedOnly).digest().subarray(0, 16);
}
