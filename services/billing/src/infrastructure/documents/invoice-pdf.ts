import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { formatDecimal, formatEuro } from './amounts';
import { oneLine, printable } from './document-text';
import { assertConsistentDocument } from './invoice-document-consistency';
import { formatDate, LABELS, unitLabel, type Labels } from './invoice-labels';
import { PdfWriter } from './pdf-writer';

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const RIGHT = PAGE.width - PAGE.margin;
const CONTENT = RIGHT - PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;
const PRODUCER = 'Vertrouwd (PDFKit 0.20.2)';

type Struct = PDFKit.PDFStructureElement;
interface Page {
  w: PdfWriter;
  root: Struct;
  doc: InvoiceDocument;
  l: Labels;
  euro: (cents: number) => string;
}

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
  let y = header(page, doc.kind === 'invoice' ? l.invoice : l.creditNote);
  y = lines(page, y + 24);
  y = totals(page, y + 10);
  footer(page, y + 18);
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

function header({ w, root, doc, l }: Page, heading: string): number {
  const s = doc.supplier;
  let y = PAGE.margin;
  w.text(root, 'H1', heading, PAGE.margin, y, { width: CONTENT, align: 'right', weight: 'bold', size: 20 });
  y += w.text(root, 'P', oneLine(s.name), PAGE.margin, y, { width: 300, weight: 'bold', size: 11 });
  const supplierLines = [
    oneLine(s.street),
    `${oneLine(s.postcode)} ${oneLine(s.city)}`,
    ...abroad(s.country),
    `${l.kvk}: ${oneLine(s.kvk)}`,
    `${l.vatId}: ${oneLine(s.vatId)}`,
    `${l.iban}: ${oneLine(s.iban)}`,
    ...(s.email ? [oneLine(s.email)] : []),
  ];
  for (const line of supplierLines) y += w.text(root, 'P', line, PAGE.margin, y, { width: 300 });

  y += 18;
  const top = y;
  const c = doc.customer;
  y += w.text(root, 'H2', l.customer, PAGE.margin, y, { width: 240, weight: 'bold' });
  y += w.text(root, 'P', oneLine(c.name), PAGE.margin, y, { width: 240 });
  y += w.text(root, 'P', oneLine(c.street), PAGE.margin, y, { width: 240 });
  y += w.text(root, 'P', `${oneLine(c.postcode)} ${oneLine(c.city)}`, PAGE.margin, y, { width: 240 });
  for (const country of abroad(c.country)) y += w.text(root, 'P', country, PAGE.margin, y, { width: 240 });
  y += w.text(root, 'P', `${l.kvk}: ${oneLine(c.kvk)}`, PAGE.margin, y, { width: 240 });
  if (c.vatId) y += w.text(root, 'P', `${l.vatId}: ${oneLine(c.vatId)}`, PAGE.margin, y, { width: 240 });

  const facts: [string, string][] = [
    [l.number[doc.kind], oneLine(doc.number)],
    [l.issueDate, formatDate(doc.issueDate, l)],
    ...(doc.dueDate ? [[l.dueDate, formatDate(doc.dueDate, l)] as [string, string]] : []),
    [l.period, `${formatDate(doc.period.start, l)} ${l.to} ${formatDate(doc.period.end, l)}`],
    [l.buyerReference, oneLine(doc.buyerReference)],
    ...(doc.corrects
      ? [[l.corrects, `${oneLine(doc.corrects.number)} ${l.of} ${formatDate(doc.corrects.issueDate, l)}`] as [string, string]]
      : []),
  ];
  let factsY = top;
  for (const [label, value] of facts) {
    const row = w.text(root, 'P', `${label}: ${value}`, 310, factsY, { width: RIGHT - 310 });
    factsY += row;
  }
  return Math.max(y, factsY);
}

/** The country is printed only for an address outside the Netherlands (as its ISO code). */
function abroad(country: string): string[] {
  return country === 'NL' ? [] : [oneLine(country)];
}

const COLUMNS = [
  { key: 'description', x: PAGE.margin, width: 205, align: 'left' },
  { key: 'quantity', x: 257, width: 70, align: 'right' },
  { key: 'unitPrice', x: 329, width: 70, align: 'right' },
  { key: 'vatRate', x: 401, width: 40, align: 'right' },
  { key: 'net', x: 443, width: RIGHT - 443, align: 'right' },
] as const;

function lines({ w, root, doc, l, euro }: Page, top: number): number {
  const table = w.doc.struct('Table');
  root.add(table);
  const row = (cells: string[], y: number, cellType: 'TH' | 'TD', weight: 'regular' | 'bold'): number => {
    const tr = w.doc.struct('TR');
    table.add(tr);
    const heights = cells.map((text, i) => {
      const { x, width, align } = COLUMNS[i];
      return w.text(tr, cellType, text, x, y, { width, align, weight });
    });
    tr.end();
    return Math.max(...heights);
  };
  let y = top;
  const headings = [l.description, l.quantity, l.unitPrice, l.vatRate, l.net];
  y += row(headings, y, 'TH', 'bold') + 3;
  w.rule(PAGE.margin, RIGHT, y);
  y += 4;
  for (const line of doc.lines) {
    const cells = [
      oneLine(line.description),
      `${formatDecimal(line.quantity, doc.language)} ${unitLabel(line.unitCode, l)}`,
      euro(line.unitPriceCents),
      `${formatDecimal(line.vatRatePercent, doc.language)}%`,
      euro(line.netCents),
    ];
    if (y + w.heightOf(cells[0], { width: COLUMNS[0].width }) > BOTTOM - 120) {
      w.doc.addPage();
      y = PAGE.margin;
    }
    y += row(cells, y, 'TD', 'regular') + 4;
  }
  table.end();
  w.rule(PAGE.margin, RIGHT, y);
  return y;
}

function totals({ w, root, doc, l, euro }: Page, top: number): number {
  const rows: [string, string, 'regular' | 'bold'][] = [
    [l.subtotal, euro(doc.totals.netCents), 'regular'],
    ...doc.vat.map((v): [string, string, 'regular'] => [
      l.vatOver(formatDecimal(v.ratePercent, doc.language), euro(v.taxableCents)),
      euro(v.vatCents),
      'regular',
    ]),
    [l.total, euro(doc.totals.grossCents), 'bold'],
    [l.payable[doc.kind], euro(doc.totals.payableCents), 'bold'],
  ];
  let y = top;
  for (const [label, amount, weight] of rows) {
    const line = w.text(root, 'P', label, 257, y, { width: 184, align: 'right', weight });
    w.text(root, 'P', amount, 443, y, { width: RIGHT - 443, align: 'right', weight });
    y += line + 2;
  }
  return y;
}

function footer({ w, root, doc, l, euro }: Page, top: number): void {
  const iban = oneLine(doc.supplier.iban);
  const reference = oneLine(doc.paymentReference);
  const paragraphs = [
    doc.kind === 'invoice'
      ? l.payment(euro(doc.totals.payableCents), iban, reference, doc.dueDate && formatDate(doc.dueDate, l))
      : l.credit(euro(doc.totals.payableCents), reference),
    `${l.paymentReference}: ${reference}`,
    ...(doc.note ? [printable(doc.note)] : []),
    l.attachment(l.attachmentName),
  ];
  let y = top;
  for (const text of paragraphs) {
    const height = w.heightOf(text, { width: CONTENT });
    if (y + height > BOTTOM) {
      w.doc.addPage();
      y = PAGE.margin;
    }
    y += w.text(root, 'P', text, PAGE.margin, y, { width: CONTENT }) + 4;
  }
}
