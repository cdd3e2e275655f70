import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { formatEuro } from './amounts';
import { assertConsistentDocument } from './invoice-document-consistency';
import { layOutInvoice, PAGE, type Page } from './invoice-pdf-layout';
import { LABELS } from './invoice-labels';
import { PdfWriter } from './pdf-writer';

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
  const pdf = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    pdfVersion: '1.7',
    subset: 'PDF/A-3a',
    tagged: true,
    lang: doc.language === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, a font PDF/A does not allow unembedded.
    font: null as unknown as string,
    info: { Title: title, Creator: PRODUCER, Producer: PRODUCER, CreationDate: issued, ModDate: issued },
  });
  // The file identifier pdfkit derives from the info dictionary is the same for two documents of one day and title;
  // this one is derived from what the document says: the UBL carries every field but the language and the corrected
  // invoice's date. Never from a serialisation of `doc`: a document read back from jsonb has its keys reordered.
  (pdf as unknown as { _id: Uint8Array })._id = fileId(doc, ubl);
  pdf.appendXML(
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${issued.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`,
  );
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const page: Page = { w: new PdfWriter(pdf), root, doc, l, euro: (cents) => formatEuro(cents, doc.language) };
  layOutInvoice(page);
  root.end();

  (pdf as unknown as { file(src: Buffer, options: object): void }).file(Buffer.from(ubl, 'utf8'), {
    name: l.attachmentName,
    type: 'text/xml',
    // The XML says what the PDF says, for machines: an alternative representation (PDF/A-3, as in Factur-X).
    relationship: 'Alternative',
    description: 'UBL 2.1 (SI-UBL 2.0)',
    creationDate: issued,
    modifiedDate: issued,
  });
  pdf.end();
  return done;
}

function fileId(doc: InvoiceDocument, ubl: string): Uint8Array {
  const printedOnly = [doc.language, doc.corrects?.issueDate ?? ''].join('\n');
  return createHash('sha256').update(ubl).update('\n').update(printedOnly).digest().subarray(0, 16);
}
