import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { centsToDecimal } from './amounts';
import { oneLine } from '@vertrouwd/documents';
import { assertConsistentDocument } from './invoice-document-consistency';

export const BOOKKEEPING_CSV_COLUMNS = [
  'number',
  'kind',
  'issue_date',
  'period_start',
  'period_end',
  'customer_name',
  'customer_kvk',
  'customer_vat_id',
  'net',
  'vat_rate',
  'vat',
  'gross',
  'corrects_invoice',
] as const;

/**
 * The agency's bookkeeping export: one row per document and VAT rate, RFC 4180 (comma, CRLF, quotes doubled), UTF-8.
 * Amounts are decimal strings with a dot; a credit note's amounts are negative, so a column sums to the turnover.
 * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed
 * with `'`; the amounts are written by us and stay numbers.
 */
export function renderBookkeepingCsv(docs: InvoiceDocument[]): string {
  const rows = [BOOKKEEPING_CSV_COLUMNS.join(',')];
  for (const doc of docs) {
    assertConsistentDocument(doc);
    const sign = doc.kind === 'credit-note' ? -1 : 1;
    for (const vat of doc.vat) {
      const amount = (cents: number) => centsToDecimal(sign * cents);
      rows.push(
        [
          text(doc.number),
          doc.kind,
          doc.issueDate,
          doc.period.start,
          doc.period.end,
          text(doc.customer.name),
          text(doc.customer.kvk),
          text(doc.customer.vatId ?? ''),
          amount(vat.taxableCents),
          vat.ratePercent,
          amount(vat.vatCents),
          amount(vat.taxableCents + vat.vatCents),
          text(doc.corrects?.number ?? ''),
        ]
          .map(field)
          .join(','),
      );
    }
  }
  return rows.map((row) => `${row}\r\n`).join('');
}

/** Text from the document: on one line, and never the start of a spreadsheet formula. */
function text(value: string): string {
  const line = oneLine(value);
  return /^[=+\-@\t\r]/.test(line) ? `'${line}` : line;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
