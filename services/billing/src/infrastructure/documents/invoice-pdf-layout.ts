import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { formatDecimal } from './amounts';
import { formatDate, unitLabel, type Labels } from './invoice-labels';
import { oneLine, printable, type PdfWriter } from '@vertrouwd/documents';

// The invoice's page, A4 in points: who sends it to whom and about what, the lines, the totals, how to pay.
export const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const RIGHT = PAGE.width - PAGE.margin;
const CONTENT = RIGHT - PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;

type Struct = PDFKit.PDFStructureElement;
export interface Page {
  w: PdfWriter;
  root: Struct;
  doc: InvoiceDocument;
  l: Labels;
  euro: (cents: number) => string;
}

/** Lays the whole document out from the top of the first page; the lines continue on a next page if needed. */
export function layOutInvoice(page: Page): void {
  let y = header(page, page.doc.kind === 'invoice' ? page.l.invoice : page.l.creditNote);
  y = lines(page, y + 24);
  y = totals(page, y + 10);
  footer(page, y + 18);
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
    [l.issueDate[doc.kind], formatDate(doc.issueDate, l)],
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
