import { readPdf, type PdfReading } from '@vertrouwd/testing';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { renderInvoicePdf } from './invoice-pdf';
import { fullCreditNote, partialCreditNote, typicalInvoice } from './invoice-document.fixtures';
import { renderUbl } from './ubl';

const render = (doc: InvoiceDocument) => renderInvoicePdf(doc, renderUbl(doc));
const text = (reading: PdfReading) => reading.lines.join('\n');
/** A deep copy whose every object has its keys in reverse order: what a jsonb round trip may do to a document. */
function keysReversed<T>(value: T): T {
  if (Array.isArray(value)) return value.map(keysReversed) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, keysReversed(v)]),
  ) as T;
}
/** Dictionaries are written uncompressed; only streams are deflated. */
const raw = (pdf: Buffer) => pdf.toString('latin1');

describe('renderInvoicePdf', () => {
  let invoicePdf: Buffer;
  let invoice: PdfReading;
  beforeAll(async () => {
    invoicePdf = await render(typicalInvoice);
    invoice = await readPdf(invoicePdf);
  });

  it('gives the same bytes for the same document, and a file id of its own to another', async () => {
    const again = await render(structuredClone(typicalInvoice));
    expect(again.equals(invoicePdf)).toBe(true);
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})>/.exec(raw(pdf))?.[1];
    expect(id(invoicePdf)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(await render({ ...typicalInvoice, buyerReference: 'CONTRACT-2026-018' }))).not.toBe(id(invoicePdf));
  });

  it.each([
    ['an invoice', typicalInvoice],
    ['a credit note', fullCreditNote],
  ])('renders %s read back with its keys in another order (as from jsonb) to the same PDF and UBL bytes', async (_, doc) => {
    const reordered = keysReversed(doc);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(doc));
    expect(renderUbl(reordered)).toBe(renderUbl(doc));
    expect((await render(reordered)).equals(await render(doc))).toBe(true);
  });

  it('gives another file id to a credit note of an invoice of another date, which only the PDF prints', async () => {
    const id = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})>/.exec(raw(pdf))?.[1];
    const other = { ...fullCreditNote, corrects: { number: '2026-000042', issueDate: '2026-04-04' } };
    expect(id(await render(other))).not.toBe(id(await render(fullCreditNote)));
  });

  it('is a PDF 1.7 that declares PDF/A-3a in its XMP metadata, dated by its issue date', () => {
    expect(raw(invoicePdf.subarray(0, 8))).toBe('%PDF-1.7');
    expect(invoice.xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(invoice.xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(invoice.xmp).toContain('<xmp:CreateDate>2026-04-03T00:00:00Z</xmp:CreateDate>');
    expect(invoice.info).toMatchObject({ Title: 'Factuur 2026-000042', CreationDate: 'D:20260403000000Z', ModDate: 'D:20260403000000Z' });
    expect(raw(invoicePdf)).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw(invoicePdf)).toContain('/StructTreeRoot');
  });

  it('carries the UBL, byte for byte, as its associated file (text/xml, relationship Alternative)', async () => {
    const ubl = renderUbl(typicalInvoice);
    expect(invoice.attachments).toEqual([
      { filename: 'factuur.xml', description: 'UBL 2.1 (SI-UBL 2.0)', content: Buffer.from(ubl, 'utf8') },
    ]);
    expect(raw(invoicePdf)).toContain('/AFRelationship /Alternative');
    expect(raw(invoicePdf)).toContain('/Subtype /text#2Fxml');
    expect(raw(invoicePdf)).toMatch(/\/AF \[\d+ 0 R\]/);
    const english = await readPdf(await render(partialCreditNote));
    expect(english.attachments.map((a) => a.filename)).toEqual(['invoice.xml']);
  });

  it('embeds Noto Sans and uses no standard font', () => {
    const pdf = raw(invoicePdf);
    const baseFonts = [...pdf.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)$/);
    const descriptors = pdf.match(/\/Type \/FontDescriptor/g)!.length;
    expect(pdf.match(/\/FontFile2 \d+ 0 R/g)).toHaveLength(descriptors);
    expect(pdf).not.toMatch(/\/Subtype \/Type1/);
  });

  it('prints every field Dutch law asks of an invoice, with Dutch labels and amounts', () => {
    const lines = text(invoice);
    for (const field of [
      'Factuur',
      'Vertrouwenspersonen Zuid & Co B.V.',
      'Stationsplein 12',
      '5611 AB Eindhoven',
      'KvK-nummer: 12345678',
      'Btw-nummer: NL123456789B01',
      'Bakkerij "De Korenaar" <Noord>',
      "1011 AA 's-Hertogenbosch",
      'KvK-nummer: 87654321',
      'Btw-nummer: NL987654321B01',
      'Factuurnummer: 2026-000042',
      'Factuurdatum: 3 april 2026',
      'Vervaldatum: 3 mei 2026',
      'Periode: 1 januari 2026 t/m 31 maart 2026',
      'Uw referentie: CONTRACT-2026-017',
      'Abonnement vertrouwenspersoon, 250–499',
      'voorlichting) boven het pakket, Q1 2026',
      '12,25 uur € 95,00 21% € 1.163,75',
      'Totaal excl. btw € 4.288,75',
      'Btw 21% over € 4.288,75 € 900,64',
      'Totaal incl. btw € 5.189,39',
      'Te betalen € 5.189,39',
      'IBAN: NL91ABNA0417164300',
      'Betalingskenmerk: 2026-000042',
    ]) {
      expect(lines).toContain(field);
    }
  });

  it('prints a credit note as a Creditnota with the number and date of the invoice it corrects', async () => {
    const lines = text(await readPdf(await render(fullCreditNote)));
    expect(lines).toMatch(/^Creditnota/);
    expect(lines).toContain('Creditnotanummer: C2026-000003');
    expect(lines).toContain('Datum creditnota: 20 april 2026');
    expect(lines).toContain('Correctie op factuur: 2026-000042 van 3 april 2026');
    expect(lines).toContain('Te crediteren € 5.189,39');
    expect(lines).toContain('Creditering van factuur 2026-000042: verkeerde tariefgroep.');
    expect(lines).not.toContain('Vervaldatum');
  });

  it('prints an English document with English labels and amounts', async () => {
    const lines = text(await readPdf(await render(partialCreditNote)));
    expect(lines).toMatch(/^Credit note/);
    expect(lines).toContain('Corrects invoice: 2026-000042 of 3 April 2026');
    expect(lines).toContain('2 hours €95.00 21% €190.00');
    expect(lines).toContain('VAT 21% on €190.00 €39.90');
    expect(lines).toContain('Amount credited €229.90');
    expect(lines).toContain('Chamber of Commerce (KvK): 12345678');
  });

  it('prints names beyond Latin-1 in the embedded fonts', async () => {
    const doc: InvoiceDocument = {
      ...typicalInvoice,
      customer: { ...typicalInvoice.customer, name: 'Şahin Bouw & Łódź Ελλάς Москва B.V.' },
    };
    expect(text(await readPdf(await render(doc)))).toContain('Şahin Bouw & Łódź Ελλάς Москва B.V.');
  });

  it('keeps words with ligatures (fi, fl) readable as text, and the next PDF without them too', async () => {
    const lines = [{ ...typicalInvoice.lines[0], description: 'Certificering en fiscale reflectie, Q1 2026' }, typicalInvoice.lines[1]];
    const doc: InvoiceDocument = { ...typicalInvoice, lines };
    expect(text(await readPdf(await render(doc)))).toContain('Certificering en fiscale reflectie, Q1 2026');
    expect(text(await readPdf(await render(typicalInvoice)))).toContain('Factuurnummer: 2026-000042');
    expect((await render(typicalInvoice)).equals(invoicePdf)).toBe(true);
  });

  it('prints the country of an address abroad, and none for a Dutch one', async () => {
    const doc: InvoiceDocument = { ...typicalInvoice, customer: { ...typicalInvoice.customer, country: 'BE' } };
    const lines = (await readPdf(await render(doc))).lines;
    expect(lines.slice(lines.indexOf("1011 AA 's-Hertogenbosch") + 1)[0]).toBe('BE');
    expect(invoice.lines).not.toContain('NL');
  });

  it('continues on a next page when the lines do not fit on one', async () => {
    const line = typicalInvoice.lines[1];
    const lines = Array.from({ length: 45 }, (_, i) => ({ ...line, id: String(i + 1), description: `Uren week ${i + 1}` }));
    const [net, vat] = [5_236_875, 1_099_744];
    const doc: InvoiceDocument = {
      ...typicalInvoice,
      lines,
      vat: [{ category: 'S', ratePercent: '21', taxableCents: net, vatCents: vat }],
      totals: { netCents: net, vatCents: vat, grossCents: net + vat, payableCents: net + vat },
    };
    const reading = await readPdf(await render(doc));
    expect(reading.pages).toBeGreaterThan(1);
    expect(text(reading)).toContain('Uren week 45');
    expect(text(reading)).toContain('Te betalen € 63.366,19');
  });
});
