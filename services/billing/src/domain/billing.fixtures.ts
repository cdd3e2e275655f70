import type { InvoiceHeader } from './invoices/invoice-builder';
import type { PriceListVersion } from './pricing/price-list';

// Shared test data of the billing domain: a price list in the shape of seed 001 (collective below 25, custom from 25).

export const PRICES: PriceListVersion = {
  version: 1,
  effectiveFrom: '2026-01-01',
  period: 'quarter',
  hourlyRateCents: 12_500,
  vatRatePercent: '21',
  bands: [
    { minHeadcount: 1, plan: 'collective', yearlyFeeCents: 45_000, includedMinutesPerYear: 0 },
    { minHeadcount: 25, plan: 'custom', yearlyFeeCents: 120_000, includedMinutesPerYear: 8 * 60 },
    { minHeadcount: 50, plan: 'custom', yearlyFeeCents: 180_000, includedMinutesPerYear: 12 * 60 },
    { minHeadcount: 100, plan: 'custom', yearlyFeeCents: 300_000, includedMinutesPerYear: 20 * 60 },
    { minHeadcount: 250, plan: 'custom', yearlyFeeCents: 480_000, includedMinutesPerYear: 32 * 60 },
    { minHeadcount: 500, plan: 'custom', yearlyFeeCents: 720_000, includedMinutesPerYear: 48 * 60 },
  ],
};

export const HEADER: InvoiceHeader = {
  number: '2026-000001',
  issueDate: '2028-01-05',
  dueDate: '2028-02-04',
  supplier: {
    name: 'Vertrouwd Demo Bureau B.V.',
    street: 'Oudegracht 1',
    postcode: '3511 AA',
    city: 'Utrecht',
    country: 'NL',
    kvk: '12345678',
    vatId: 'NL123456789B01',
    iban: 'NL91ABNA0417164300',
  },
  customer: { name: 'Bakkerij De Korenbloem', street: 'Dorpsstraat 4', postcode: '1234 AB', city: 'Ede', country: 'NL', kvk: '87654321' },
  buyerReference: 'VP-2026-17',
  language: 'nl',
};
