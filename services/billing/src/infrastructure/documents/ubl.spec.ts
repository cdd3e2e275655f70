import { validateEInvoice } from '@vertrouwd/testing';
import type { InvoiceDocument } from '../../domain/invoices/invoice-document';
import { InvoiceDocumentInconsistentError } from './invoice-document-consistency';
import { fullCreditNote, partialCreditNote, twoRateInvoice, typicalInvoice, zeroInvoice } from './invoice-document.fixtures';
import { renderUbl, SI_UBL_CUSTOMIZATION_ID } from './ubl';

// The first validation compiles the SI-UBL 2.0 rules to SEF (about 20 s, more on a busy machine); later runs reuse it.
beforeAll(() => validateEInvoice(renderUbl(typicalInvoice)), 240_000);

const element = (xml: string, name: string) => new RegExp(`<${name}[^>]*>([^<]*)</${name}>`).exec(xml)?.[1];

describe('renderUbl', () => {
  describe.each<[string, InvoiceDocument]>([
    ['a typical invoice (fee line and hours line)', typicalInvoice],
    ['an invoice with nothing to pay', zeroInvoice],
    ['an invoice with two VAT rates, each rounded on its own total', twoRateInvoice],
    ['a full credit note', fullCreditNote],
    ['a partial credit note', partialCreditNote],
  ])('%s', (_, doc) => {
    it('passes the UBL 2.1 schema and the SI-UBL 2.0 rules without a fatal failure', async () => {
      const result = await validateEInvoice(renderUbl(doc));
      expect(result.xsdErrors).toEqual([]);
      expect(result.fatal).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it('gives the same bytes every time', () => {
      expect(renderUbl(structuredClone(doc))).toBe(renderUbl(doc));
    });
  });

  it('writes an invoice as UBL Invoice 380 under the SI-UBL 2.0 customisation, with the KvK number as legal id', () => {
    const xml = renderUbl(typicalInvoice);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/,
    );
    expect(element(xml, 'cbc:CustomizationID')).toBe(SI_UBL_CUSTOMIZATION_ID);
    expect(element(xml, 'cbc:InvoiceTypeCode')).toBe('380');
    expect(element(xml, 'cbc:BuyerReference')).toBe('CONTRACT-2026-017');
    expect(xml).toContain('<cbc:CompanyID schemeID="0106">12345678</cbc:CompanyID>');
    expect(element(xml, 'cbc:PaymentMeansCode')).toBe('58');
    expect(xml).toMatch(/<cac:PayeeFinancialAccount>\s*<cbc:ID>NL91ABNA0417164300<\/cbc:ID>/);
    expect(element(xml, 'cbc:PayableAmount')).toBe('5189.39');
  });

  it('writes a credit note as UBL CreditNote 381 that references the invoice it corrects', () => {
    const xml = renderUbl(partialCreditNote);
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(element(xml, 'cbc:CreditNoteTypeCode')).toBe('381');
    expect(xml).toMatch(/<cac:BillingReference>\s*<cac:InvoiceDocumentReference>\s*<cbc:ID>2026-000042<\/cbc:ID>/);
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="HUR">2</cbc:CreditedQuantity>');
    expect(xml).not.toContain('InvoiceLine');
  });

  it('escapes markup in names and drops characters XML cannot hold, and the result still validates', async () => {
    const doc: InvoiceDocument = {
      ...typicalInvoice,
      customer: { ...typicalInvoice.customer, name: 'A & B <"Zorg"> \u0001B.V.\uD800' },
    };
    const xml = renderUbl(doc);
    expect(xml).toContain('<cbc:RegistrationName>A &amp; B &lt;"Zorg"&gt;  B.V.\uFFFD</cbc:RegistrationName>');
    expect((await validateEInvoice(xml)).valid).toBe(true);
  });

  it('is caught by the validator when the buyer reference is missing (BR-NL-2)', async () => {
    const xml = renderUbl(typicalInvoice).replace(/\s*<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, '');
    const result = await validateEInvoice(xml);
    expect(result.valid).toBe(false);
    expect(result.fatal.map((f) => f.id)).toContain('BR-NL-2');
  });

  it('is caught by the validator when the KvK number loses its scheme (BR-NL-1) or an element is out of order', async () => {
    const noScheme = renderUbl(typicalInvoice).replace('<cbc:CompanyID schemeID="0106">12345678', '<cbc:CompanyID>12345678');
    expect((await validateEInvoice(noScheme)).fatal.map((f) => f.id)).toContain('BR-NL-1');
    const outOfOrder = renderUbl(typicalInvoice).replace(
      /(<cbc:DueDate>[^<]*<\/cbc:DueDate>)(\s*)(<cbc:InvoiceTypeCode>380<\/cbc:InvoiceTypeCode>)/,
      '$3$2$1',
    );
    expect((await validateEInvoice(outOfOrder)).xsdErrors).toEqual([expect.stringContaining('DueDate')]);
  });

  it('refuses a document whose VAT is not computed on the category total', () => {
    const perLine: InvoiceDocument = {
      ...twoRateInvoice,
      vat: [{ ...twoRateInvoice.vat[0], vatCents: 10 }, twoRateInvoice.vat[1]],
      totals: { netCents: 100, vatCents: 15, grossCents: 115, payableCents: 115 },
    };
    expect(() => renderUbl(perLine)).toThrow(InvoiceDocumentInconsistentError);
  });

  it('refuses a line whose amount is not its quantity times its price', () => {
    const doc: InvoiceDocument = {
      ...typicalInvoice,
      lines: [typicalInvoice.lines[0], { ...typicalInvoice.lines[1], quantity: '12.5' }],
    };
    expect(() => renderUbl(doc)).toThrow(/line 2: quantity × price is 118750 cents, not 116375/);
  });
});
