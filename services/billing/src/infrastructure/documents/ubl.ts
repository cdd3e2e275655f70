import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { InvoiceDocument, InvoiceLine, InvoiceParty } from '../../domain/invoices/invoice-document';
import { centsToDecimal } from './amounts';
import { oneLine, printable } from '@vertrouwd/documents';
import { assertConsistentDocument } from './invoice-document-consistency';

/** SI-UBL 2.0: EN 16931 with the Dutch rules (NLCIUS). */
export const SI_UBL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0';
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const ROOT = {
  invoice: { name: 'Invoice', ns: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2', typeCode: '380' },
  'credit-note': { name: 'CreditNote', ns: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2', typeCode: '381' },
} as const;
/** EAS / ICD 0106: the Dutch Chamber of Commerce (KvK) number, which BR-NL-1 and BR-NL-10 ask for. */
const KVK_SCHEME = '0106';
/** UNCL 4461 58: SEPA credit transfer. */
const SEPA_CREDIT_TRANSFER = '58';

/**
 * The invoice or credit note as UBL 2.1 following SI-UBL 2.0 (EN 16931 + NLCIUS), for accounting systems. Element
 * order follows the UBL 2.1 schema; the same document always gives the same bytes.
 */
export function renderUbl(doc: InvoiceDocument): string {
  assertConsistentDocument(doc);
  const root = ROOT[doc.kind];
  const xml = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(root.ns, root.name)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:cac', CAC)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:cbc', CBC);
  const amount = (parent: XMLBuilder, name: string, cents: number) =>
    parent.ele(CBC, `cbc:${name}`).att('currencyID', doc.currency).txt(centsToDecimal(cents));
  const text = (parent: XMLBuilder, name: string, value: string) => parent.ele(CBC, `cbc:${name}`).txt(value);

  text(xml, 'CustomizationID', SI_UBL_CUSTOMIZATION_ID);
  text(xml, 'ID', oneLine(doc.number));
  text(xml, 'IssueDate', doc.issueDate);
  if (doc.kind === 'invoice') {
    if (doc.dueDate) text(xml, 'DueDate', doc.dueDate);
    text(xml, 'InvoiceTypeCode', root.typeCode);
  } else {
    text(xml, 'CreditNoteTypeCode', root.typeCode);
  }
  if (doc.note) text(xml, 'Note', printable(doc.note));
  text(xml, 'DocumentCurrencyCode', doc.currency);
  text(xml, 'BuyerReference', oneLine(doc.buyerReference));
  const period = xml.ele(CAC, 'cac:InvoicePeriod');
  text(period, 'StartDate', doc.period.start);
  text(period, 'EndDate', doc.period.end);
  if (doc.corrects) {
    // BR-NL-24 advises against the corrected invoice's issue date: its number identifies it.
    const reference = xml.ele(CAC, 'cac:BillingReference').ele(CAC, 'cac:InvoiceDocumentReference');
    text(reference, 'ID', oneLine(doc.corrects.number));
  }
  party(xml.ele(CAC, 'cac:AccountingSupplierParty'), doc.supplier, doc.supplier.email);
  party(xml.ele(CAC, 'cac:AccountingCustomerParty'), doc.customer);

  const means = xml.ele(CAC, 'cac:PaymentMeans');
  text(means, 'PaymentMeansCode', SEPA_CREDIT_TRANSFER);
  text(means, 'PaymentID', oneLine(doc.paymentReference));
  text(means.ele(CAC, 'cac:PayeeFinancialAccount'), 'ID', doc.supplier.iban.replace(/\s+/g, ''));

  const taxTotal = xml.ele(CAC, 'cac:TaxTotal');
  amount(taxTotal, 'TaxAmount', doc.totals.vatCents);
  for (const vat of doc.vat) {
    const subtotal = taxTotal.ele(CAC, 'cac:TaxSubtotal');
    amount(subtotal, 'TaxableAmount', vat.taxableCents);
    amount(subtotal, 'TaxAmount', vat.vatCents);
    taxCategory(subtotal.ele(CAC, 'cac:TaxCategory'), vat.category, vat.ratePercent);
  }
  const totals = xml.ele(CAC, 'cac:LegalMonetaryTotal');
  amount(totals, 'LineExtensionAmount', doc.totals.netCents);
  amount(totals, 'TaxExclusiveAmount', doc.totals.netCents);
  amount(totals, 'TaxInclusiveAmount', doc.totals.grossCents);
  amount(totals, 'PayableAmount', doc.totals.payableCents);
  for (const line of doc.lines) documentLine(xml, doc.kind, line, amount);
  return xml.end({ prettyPrint: true });
}

function party(parent: XMLBuilder, of: InvoiceParty, email?: string): void {
  const p = parent.ele(CAC, 'cac:Party');
  p.ele(CBC, 'cbc:EndpointID').att('schemeID', KVK_SCHEME).txt(oneLine(of.kvk));
  p.ele(CAC, 'cac:PartyName').ele(CBC, 'cbc:Name').txt(oneLine(of.name));
  const address = p.ele(CAC, 'cac:PostalAddress');
  address.ele(CBC, 'cbc:StreetName').txt(oneLine(of.street));
  address.ele(CBC, 'cbc:CityName').txt(oneLine(of.city));
  address.ele(CBC, 'cbc:PostalZone').txt(oneLine(of.postcode));
  address.ele(CAC, 'cac:Country').ele(CBC, 'cbc:IdentificationCode').txt(of.country);
  if (of.vatId) {
    const taxScheme = p.ele(CAC, 'cac:PartyTaxScheme');
    taxScheme.ele(CBC, 'cbc:CompanyID').txt(oneLine(of.vatId));
    taxScheme.ele(CAC, 'cac:TaxScheme').ele(CBC, 'cbc:ID').txt('VAT');
  }
  const legal = p.ele(CAC, 'cac:PartyLegalEntity');
  legal.ele(CBC, 'cbc:RegistrationName').txt(oneLine(of.name));
  legal.ele(CBC, 'cbc:CompanyID').att('schemeID', KVK_SCHEME).txt(oneLine(of.kvk));
  if (email) p.ele(CAC, 'cac:Contact').ele(CBC, 'cbc:ElectronicMail').txt(oneLine(email));
}

function taxCategory(parent: XMLBuilder, category: string, ratePercent: string): void {
  parent.ele(CBC, 'cbc:ID').txt(category);
  parent.ele(CBC, 'cbc:Percent').txt(ratePercent);
  parent.ele(CAC, 'cac:TaxScheme').ele(CBC, 'cbc:ID').txt('VAT');
}

function documentLine(
  xml: XMLBuilder,
  kind: InvoiceDocument['kind'],
  line: InvoiceLine,
  amount: (parent: XMLBuilder, name: string, cents: number) => XMLBuilder,
): void {
  const invoice = kind === 'invoice';
  const l = xml.ele(CAC, invoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine');
  l.ele(CBC, 'cbc:ID').txt(oneLine(line.id));
  l.ele(CBC, invoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity')
    .att('unitCode', line.unitCode)
    .txt(line.quantity);
  amount(l, 'LineExtensionAmount', line.netCents);
  const item = l.ele(CAC, 'cac:Item');
  item.ele(CBC, 'cbc:Name').txt(oneLine(line.description));
  taxCategory(item.ele(CAC, 'cac:ClassifiedTaxCategory'), 'S', line.vatRatePercent);
  amount(l.ele(CAC, 'cac:Price'), 'PriceAmount', line.unitPriceCents);
}
