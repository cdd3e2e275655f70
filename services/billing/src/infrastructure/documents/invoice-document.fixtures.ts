import type { InvoiceDocument } from '../../domain/invoices/invoice-document';

const supplier: InvoiceDocument['supplier'] = {
  name: 'Vertrouwenspersonen Zuid & Co B.V.',
  street: 'Stationsplein 12',
  postcode: '5611 AB',
  city: 'Eindhoven',
  country: 'NL',
  kvk: '12345678',
  vatId: 'NL123456789B01',
  iban: 'NL91ABNA0417164300',
  email: 'facturen@vp-zuid.example',
};

/** A 300-person organisation's quarter: the yearly fee's share and hours beyond the plan. */
export const typicalInvoice: InvoiceDocument = {
  kind: 'invoice',
  number: '2026-000042',
  issueDate: '2026-04-03',
  dueDate: '2026-05-03',
  currency: 'EUR',
  period: { start: '2026-01-01', end: '2026-03-31' },
  buyerReference: 'CONTRACT-2026-017',
  supplier,
  customer: {
    name: 'Bakkerij "De Korenaar" <Noord>',
    street: 'Molenstraat 3',
    postcode: '1011 AA',
    city: "'s-Hertogenbosch",
    country: 'NL',
    kvk: '87654321',
    vatId: 'NL987654321B01',
  },
  lines: [
    {
      id: '1',
      description: 'Abonnement vertrouwenspersoon, 250–499 medewerkers, Q1 2026',
      quantity: '1',
      unitCode: 'C62',
      unitPriceCents: 312_500,
      netCents: 312_500,
      vatRatePercent: '21',
    },
    {
      id: '2',
      description: 'Inzet vertrouwenspersoon (advies, preventie, voorlichting) boven het pakket, Q1 2026',
      quantity: '12.25',
      unitCode: 'HUR',
      unitPriceCents: 9_500,
      netCents: 116_375,
      vatRatePercent: '21',
    },
  ],
  vat: [{ category: 'S', ratePercent: '21', taxableCents: 428_875, vatCents: 90_064 }],
  totals: { netCents: 428_875, vatCents: 90_064, grossCents: 518_939, payableCents: 518_939 },
  paymentReference: '2026-000042',
  language: 'nl',
};

/** Nothing to pay: a period whose fee is zero (a free trial quarter), still a numbered invoice. */
export const zeroInvoice: InvoiceDocument = {
  ...typicalInvoice,
  number: '2026-000043',
  lines: [{ ...typicalInvoice.lines[0], unitPriceCents: 0, netCents: 0, description: 'Proefperiode, Q1 2026' }],
  vat: [{ category: 'S', ratePercent: '21', taxableCents: 0, vatCents: 0 }],
  totals: { netCents: 0, vatCents: 0, grossCents: 0, payableCents: 0 },
  paymentReference: '2026-000043',
  language: 'en',
};

/** Two standard rates, each rounded half up on its own total (21 % of 0.50 is 0.105 → 0.11; 9 % of 0.50 → 0.05). */
export const twoRateInvoice: InvoiceDocument = {
  ...typicalInvoice,
  number: '2026-000044',
  lines: [
    { id: '1', description: 'Training', quantity: '0.5', unitCode: 'HUR', unitPriceCents: 100, netCents: 50, vatRatePercent: '21' },
    { id: '2', description: 'Brochures', quantity: '1', unitCode: 'C62', unitPriceCents: 50, netCents: 50, vatRatePercent: '9' },
  ],
  vat: [
    { category: 'S', ratePercent: '21', taxableCents: 50, vatCents: 11 },
    { category: 'S', ratePercent: '9', taxableCents: 50, vatCents: 5 },
  ],
  totals: { netCents: 100, vatCents: 16, grossCents: 116, payableCents: 116 },
  paymentReference: '2026-000044',
  language: 'en',
};

/** The whole invoice taken back. */
export const fullCreditNote: InvoiceDocument = {
  ...typicalInvoice,
  kind: 'credit-note',
  number: 'C2026-000003',
  issueDate: '2026-04-20',
  dueDate: undefined,
  corrects: { number: '2026-000042', issueDate: '2026-04-03' },
  note: 'Creditering van factuur 2026-000042: verkeerde tariefgroep.',
  paymentReference: 'C2026-000003',
};

/** Part of the hours taken back. */
export const partialCreditNote: InvoiceDocument = {
  ...fullCreditNote,
  number: 'C2026-000004',
  note: 'Correction of invoice 2026-000042: 2 hours counted twice.',
  lines: [{ ...typicalInvoice.lines[1], id: '1', quantity: '2', netCents: 19_000 }],
  vat: [{ category: 'S', ratePercent: '21', taxableCents: 19_000, vatCents: 3_990 }],
  totals: { netCents: 19_000, vatCents: 3_990, grossCents: 22_990, payableCents: 22_990 },
  paymentReference: 'C2026-000004',
  language: 'en',
};
