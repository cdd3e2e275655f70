import type { InvoiceDocument, InvoiceLine } from '../../domain/invoices/invoice-document';

const nl = {
  invoice: 'Factuur',
  creditNote: 'Creditnota',
  number: { invoice: 'Factuurnummer', 'credit-note': 'Creditnotanummer' },
  issueDate: { invoice: 'Factuurdatum', 'credit-note': 'Datum creditnota' },
  dueDate: 'Vervaldatum',
  period: 'Periode',
  buyerReference: 'Uw referentie',
  corrects: 'Correctie op factuur',
  of: 'van',
  to: 't/m',
  customer: 'Aan',
  kvk: 'KvK-nummer',
  vatId: 'Btw-nummer',
  iban: 'IBAN',
  description: 'Omschrijving',
  quantity: 'Aantal',
  unitPrice: 'Prijs',
  vatRate: 'Btw',
  net: 'Bedrag excl. btw',
  subtotal: 'Totaal excl. btw',
  vatOver: (rate: string, over: string) => `Btw ${rate}% over ${over}`,
  total: 'Totaal incl. btw',
  payable: { invoice: 'Te betalen', 'credit-note': 'Te crediteren' },
  payment: (amount: string, iban: string, reference: string, due?: string) =>
    `Graag ${amount}${due ? ` vóór ${due}` : ''} overmaken op ${iban} onder vermelding van ${reference}.`,
  credit: (amount: string, reference: string) => `Wij crediteren u ${amount}; kenmerk ${reference}.`,
  paymentReference: 'Betalingskenmerk',
  attachment: (file: string) => `De e-factuur (UBL, SI-UBL 2.0) zit als ${file} in dit PDF-bestand.`,
  units: { HUR: 'uur', MON: 'maand', ANN: 'jaar', C62: 'st.' },
  months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  attachmentName: 'factuur.xml',
};

const en: typeof nl = {
  invoice: 'Invoice',
  creditNote: 'Credit note',
  number: { invoice: 'Invoice number', 'credit-note': 'Credit note number' },
  issueDate: { invoice: 'Invoice date', 'credit-note': 'Credit note date' },
  dueDate: 'Due date',
  period: 'Period',
  buyerReference: 'Your reference',
  corrects: 'Corrects invoice',
  of: 'of',
  to: 'to',
  customer: 'Bill to',
  kvk: 'Chamber of Commerce (KvK)',
  vatId: 'VAT number',
  iban: 'IBAN',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Price',
  vatRate: 'VAT',
  net: 'Amount excl. VAT',
  subtotal: 'Total excl. VAT',
  vatOver: (rate, over) => `VAT ${rate}% on ${over}`,
  total: 'Total incl. VAT',
  payable: { invoice: 'Amount due', 'credit-note': 'Amount credited' },
  payment: (amount, iban, reference, due) => `Please transfer ${amount}${due ? ` by ${due}` : ''} to ${iban}, quoting ${reference}.`,
  credit: (amount, reference) => `We credit you ${amount}; reference ${reference}.`,
  paymentReference: 'Payment reference',
  attachment: (file) => `The e-invoice (UBL, SI-UBL 2.0) is attached to this PDF as ${file}.`,
  units: { HUR: 'hours', MON: 'month', ANN: 'year', C62: 'unit' },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  attachmentName: 'invoice.xml',
};

export type Labels = typeof nl;
export const LABELS: Record<InvoiceDocument['language'], Labels> = { nl, en };

/** `2026-04-03` → `3 april 2026` / `3 April 2026`: from the ISO string, never through a time zone. */
export function formatDate(iso: string, labels: Labels): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${labels.months[month - 1]} ${year}`;
}

export function unitLabel(unit: InvoiceLine['unitCode'], labels: Labels): string {
  return labels.units[unit];
}
