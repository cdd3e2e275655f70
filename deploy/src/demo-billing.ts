import type { DevIssuer } from '@vertrouwd/auth';
import { DEMO_DIRECTORY } from './demo-directory';

/** The demo agencies as suppliers (made up: test KvK numbers, VAT ids and IBANs). */
export const SUPPLIERS: Record<string, object> = {
  [DEMO_DIRECTORY[0].agencyId]: {
    name: 'Vertrouwenspunt Midden B.V.',
    street: 'Oudegracht 120',
    postcode: '3511 AW',
    city: 'Utrecht',
    country: 'NL',
    kvk: '30999111',
    vatId: 'NL899911122B01',
    iban: 'NL91ABNA0417164300',
  },
  [DEMO_DIRECTORY[1].agencyId]: {
    name: 'Vertrouwenspersonen Noord B.V.',
    street: 'Grote Markt 5',
    postcode: '9711 LV',
    city: 'Groningen',
    country: 'NL',
    kvk: '30999222',
    vatId: 'NL899922233B01',
    iban: 'NL20INGB0001234567',
  },
};

/** Seed 001's market: a collective arrangement below 25 employees, a custom subscription from 25 (fees made up). */
export const DEMO_PRICE_LIST = {
  effectiveFrom: '2025-01-01',
  period: 'quarter',
  hourlyRateCents: 12_500,
  vatRatePercent: '21',
  bands: [
    { minHeadcount: 1, plan: 'collective', yearlyFeeCents: 45_000, includedHoursPerYear: 0 },
    { minHeadcount: 25, plan: 'custom', yearlyFeeCents: 120_000, includedHoursPerYear: 8 },
    { minHeadcount: 50, plan: 'custom', yearlyFeeCents: 180_000, includedHoursPerYear: 12 },
    { minHeadcount: 100, plan: 'custom', yearlyFeeCents: 300_000, includedHoursPerYear: 20 },
    { minHeadcount: 250, plan: 'custom', yearlyFeeCents: 480_000, includedHoursPerYear: 32 },
    { minHeadcount: 500, plan: 'custom', yearlyFeeCents: 720_000, includedHoursPerYear: 48 },
  ],
};

type Call = (url: string, init: { method: string; token?: string; body?: object }, ok: number[]) => Promise<unknown>;
type Until = <T>(what: string, attempt: () => Promise<T>) => Promise<T>;

/**
 * Billing for both demo agencies through billing's API, as their coordinators would set it up: the supplier, the
 * price list, and a subscription from 1 January 2026 for every client organisation (once billing knows it from
 * matching's events). No invoice is issued: the README tour runs the first invoice run.
 */
export async function seedDemoBilling(billing: string, issuer: DevIssuer, call: Call, until: Until): Promise<void> {
  for (const agency of DEMO_DIRECTORY) {
    const token = `Bearer ${await issuer.mintToken(agency.coordinator)}`;
    const base = `${billing}/agencies/${agency.agencyId}/billing`;
    await call(`${base}/account`, { method: 'PUT', token, body: { supplier: SUPPLIERS[agency.agencyId], paymentTermDays: 30 } }, [204]);
    await call(`${base}/price-lists`, { method: 'POST', token, body: DEMO_PRICE_LIST }, [201, 422]);
    for (const org of agency.organisations) {
      const body = {
        startsOn: '2026-01-01',
        address: { name: org.name, street: 'Stationsweg 1', postcode: '3811 MA', city: 'Amersfoort', country: 'NL' },
        buyerReference: `VP-${org.intakeCode}`,
        language: 'nl',
      };
      await until(`billing knows ${org.label}`, () =>
        call(`${base}/subscriptions/${org.organisationId}`, { method: 'PUT', token, body }, [204]),
      );
    }
  }
}
