import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { renderBookkeepingCsv } from './bookkeeping-csv';
import { partialCreditNote, twoRateInvoice, typicalInvoice } from './invoice-document.fixtures';

const HEADER =
  'number,kind,issue_date,period_start,period_end,customer_name,customer_kvk,customer_vat_id,net,vat_rate,vat,gross,corrects_invoice';
const withCustomer = (name: string): InvoiceDocument => ({ ...typicalInvoice, customer: { ...typicalInvoice.customer, name } });
const rowsOf = (csv: string) => csv.split('\r\n').slice(1, -1);
/** The row's fields as a spreadsheet reads them (RFC 4180). */
const fieldsOf = (row: string) =>
  [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, 13)
    .map(([, value]) => (value.startsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value));

describe('renderBookkeepingCsv', () => {
  it('writes one CRLF-terminated row per document and VAT rate under a header', () => {
    const csv = renderBookkeepingCsv([typicalInvoice, twoRateInvoice]);
    expect(csv.split('\r\n')).toEqual([
      HEADER,
      '2026-000042,invoice,2026-04-03,2026-01-01,2026-03-31,"Bakkerij ""De Korenaar"" <Noord>",87654321,NL987654321B01,4288.75,21,900.64,5189.39,',
      '2026-000044,invoice,2026-04-03,2026-01-01,2026-03-31,"Bakkerij ""De Korenaar"" <Noord>",87654321,NL987654321B01,0.50,21,0.11,0.61,',
      '2026-000044,invoice,2026-04-03,2026-01-01,2026-03-31,"Bakkerij ""De Korenaar"" <Noord>",87654321,NL987654321B01,0.50,9,0.05,0.55,',
      '',
    ]);
  });

  it('writes a credit note with negative amounts and the number of the invoice it corrects', () => {
    expect(rowsOf(renderBookkeepingCsv([partialCreditNote]))).toEqual([
      'C2026-000004,credit-note,2026-04-20,2026-01-01,2026-03-31,"Bakkerij ""De Korenaar"" <Noord>",87654321,NL987654321B01,-190.00,21,-39.90,-229.90,2026-000042',
    ]);
  });

  it('quotes fields with commas and quotes, and keeps a name with line breaks on one line', () => {
    const [row] = rowsOf(renderBookkeepingCsv([withCustomer('Zorg, Welzijn\r\nen "Meer"')]));
    expect(row).toContain(',"Zorg, Welzijn en ""Meer""",');
    expect(fieldsOf(row)).toHaveLength(13);
    expect(fieldsOf(row)[5]).toBe('Zorg, Welzijn en "Meer"');
  });

  it.each(['=HYPERLINK("http://evil.example","x")', '+31 6 1234', '-2+3', '@SUM(A1)', '\t=1+1', ' =1+1'])(
    'defuses %j so a spreadsheet shows it as text',
    (name) => {
      const [row] = rowsOf(renderBookkeepingCsv([withCustomer(name)]));
      expect(fieldsOf(row)[5]).toBe(`'${name.trim()}`);
      expect(fieldsOf(row)[8]).toBe('4288.75');
    },
  );

  it('writes the same bytes for a document read back with its keys in another order (as from jsonb)', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const docs = [typicalInvoice, twoRateInvoice, partialCreditNote];
    expect(renderBookkeepingCsv(reversed(docs) as InvoiceDocument[])).toBe(renderBookkeepingCsv(docs));
  });

  it('gives just the header for no documents', () => {
    expect(renderBookkeepingCsv([])).toBe(`${HEADER}\r\n`);
  });
});
