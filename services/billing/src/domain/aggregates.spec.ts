import { given } from '@vertrouwd/domain';
import { BillingAccount } from './account/billing-account.aggregate';
import type { BillingAccountEvent, BillingSettings } from './account/billing-account.events';
import * as E from './billing.errors';
import { HEADER, PRICES } from './billing.fixtures';
import { buildCreditNote, buildInvoice } from './invoices/invoice-builder';
import type { InvoiceDocument } from './invoices/invoice-document';
import { documentNumber, InvoiceSeries } from './invoices/invoice-series.aggregate';
import type { InvoiceSeriesEvent } from './invoices/invoice-series.events';
import { periodContaining } from './pricing/calendar';
import { chargeFor } from './pricing/charges';
import { Subscription } from './subscription/subscription.aggregate';
import type { SubscriptionEvent, SubscriptionTerms } from './subscription/subscription.events';

const agencyId = '46a843af-5ca5-490d-8839-a84730e4ca31';
const organisationId = '0b7cdbd3-7f55-4b2c-9a83-8d0f1d1a4d11';
const at = new Date('2026-12-05T10:00:00Z');
const iso = at.toISOString();
const settings: BillingSettings = { supplier: HEADER.supplier, paymentTermDays: 30, k: 5 };
const opened: BillingAccountEvent = { type: 'BillingAccountOpened', agencyId, ...settings, at: iso };
const { version: _v, ...priceInput } = PRICES;

describe('a billing account', () => {
  it('opens with the supplier and k, then changes them', () => {
    given(BillingAccount)
      .when((a) => a.configure(agencyId, settings, at))
      .then(opened);
    given(BillingAccount, opened)
      .when((a) => a.configure(agencyId, { ...settings, k: 10 }, at))
      .then({ type: 'BillingSettingsChanged', ...settings, k: 10, at: iso });
  });

  it('refuses a threshold below 5', () => {
    given(BillingAccount)
      .when((a) => a.configure(agencyId, { ...settings, k: 4 }, at))
      .thenThrows(E.ThresholdError);
  });

  it('publishes price lists as versions that apply from a period start, later than the previous one', () => {
    given(BillingAccount, opened)
      .when((a) => a.publishPrices(priceInput, at))
      .then({ type: 'PriceListPublished', prices: PRICES, at: iso });
    const first: BillingAccountEvent = { type: 'PriceListPublished', prices: PRICES, at: iso };
    given(BillingAccount, opened, first)
      .when((a) => a.publishPrices({ ...priceInput, effectiveFrom: '2027-04-01', hourlyRateCents: 13_000 }, at))
      .then({
        type: 'PriceListPublished',
        prices: { ...PRICES, version: 2, effectiveFrom: '2027-04-01', hourlyRateCents: 13_000 },
        at: iso,
      });
    given(BillingAccount, opened, first)
      .when((a) => a.publishPrices({ ...priceInput, effectiveFrom: '2026-01-01' }, at))
      .thenThrows(E.EffectiveFromError);
    given(BillingAccount, opened)
      .when((a) => a.publishPrices({ ...priceInput, effectiveFrom: '2026-02-01' }, at))
      .thenThrows(E.EffectiveFromError);
    given(BillingAccount, opened, first)
      .when((a) => a.publishPrices({ ...priceInput, effectiveFrom: '2027-04-01', period: 'month' }, at))
      .thenThrows(E.EffectiveFromError);
    given(BillingAccount, opened, first)
      .when((a) => a.publishPrices({ ...priceInput, effectiveFrom: '2027-01-01', period: 'month' }, at))
      .then({ type: 'PriceListPublished', prices: { ...PRICES, version: 2, effectiveFrom: '2027-01-01', period: 'month' }, at: iso });
  });

  it('refuses bands that do not start at 1, overlap, or carry fractions', () => {
    const bands = PRICES.bands;
    for (const bad of [[], [{ ...bands[1] }], [bands[0], { ...bands[1], minHeadcount: 1 }], [{ ...bands[0], yearlyFeeCents: 10.5 }]]) {
      given(BillingAccount, opened)
        .when((a) => a.publishPrices({ ...priceInput, bands: bad }, at))
        .thenThrows(E.BandsError);
    }
  });
});

describe('a subscription', () => {
  const terms: SubscriptionTerms = {
    address: { name: 'Bakkerij', street: 'Dorpsstraat 4', postcode: '1234 AB', city: 'Ede', country: 'NL' },
    buyerReference: 'VP-17',
    language: 'nl',
  };
  const started: SubscriptionEvent = { type: 'SubscriptionStarted', organisationId, agencyId, startsOn: '2026-01-01', ...terms, at: iso };

  it('starts once, ends once, not before it starts', () => {
    given(Subscription)
      .when((s) => s.start(organisationId, agencyId, '2026-01-01', terms, at))
      .then(started);
    given(Subscription, started)
      .when((s) => s.start(organisationId, agencyId, '2026-01-01', terms, at))
      .thenThrows(E.SubscriptionExistsError);
    given(Subscription, started)
      .when((s) => s.end('2025-12-31', at))
      .thenThrows(E.SubscriptionEndError);
    const ended: SubscriptionEvent = { type: 'SubscriptionEnded', endsOn: '2026-12-31', at: iso };
    given(Subscription, started)
      .when((s) => s.end('2026-12-31', at))
      .then(ended);
    given(Subscription, started, ended)
      .when((s) => s.end('2027-01-31', at))
      .thenThrows(E.SubscriptionEndedError);
    given(Subscription, started, ended)
      .when((s) => s.changeTerms(terms, at))
      .thenThrows(E.SubscriptionEndedError);
  });
});

describe('an invoice series', () => {
  const seriesId = InvoiceSeries.idOf(agencyId, 2026);
  const series = () => new InvoiceSeries(seriesId);
  const digests = { ubl: 'a'.repeat(64), pdf: 'b'.repeat(64) };
  const charge = chargeFor({
    period: periodContaining('quarter', '2026-10-01'),
    subscription: { startsOn: '2026-01-01' },
    headcount: 300,
    prices: PRICES,
    usage: [{ source: 'activity', on: '2026-10-02', minutes: 600 }],
    deferredCaseMinutes: 0,
    k: 5,
  });
  const invoice = (sequence: number): InvoiceDocument =>
    buildInvoice({ ...HEADER, number: documentNumber(2026, sequence) }, charge, PRICES);
  const issued = (sequence: number, org = organisationId, periodKey = '2026-Q4'): InvoiceSeriesEvent => ({
    type: 'InvoiceIssued',
    agencyId,
    organisationId: org,
    periodKey,
    sequence,
    document: invoice(sequence),
    digests,
    at: iso,
  });

  it('numbers invoices 1, 2, 3 by the series and refuses any other number', () => {
    given(series)
      .when((s) => s.issueInvoice(organisationId, '2026-Q4', invoice(1), digests, at))
      .then({ ...issued(1), agencyId: agencyId });
    given(series, issued(1))
      .when((s) => s.issueInvoice('other', '2026-Q4', invoice(1), digests, at))
      .thenThrows(E.NumberTakenError);
    given(series, issued(1))
      .when((s) => s.issueInvoice('other', '2026-Q4', invoice(3), digests, at))
      .thenThrows(E.NumberTakenError);
    expect(given(series, issued(1), issued(2, 'other')).aggregate.nextNumber()).toBe('2026-000003');
  });

  it('invoices an organisation and period once', () => {
    given(series, issued(1))
      .when((s) => s.issueInvoice(organisationId, '2026-Q4', invoice(2), digests, at))
      .thenThrows(E.AlreadyInvoicedError);
  });

  it('credits a line in part, then the rest, then refuses more; every credit note takes the next number', () => {
    const doc = invoice(1);
    const fee = doc.lines[0];
    const partial = new Map([[fee.id, 10_000]]);
    const note2 = buildCreditNote(doc, { number: '2026-000002', issueDate: '2026-12-05', reason: 'Tarief gecorrigeerd' }, partial);
    const credited: InvoiceSeriesEvent = {
      type: 'CreditNoteIssued',
      agencyId,
      organisationId,
      sequence: 2,
      corrects: doc.number,
      credited: { [fee.id]: 10_000 },
      document: note2,
      digests,
      at: iso,
    };
    given(series, issued(1))
      .when((s) => s.issueCreditNote(doc.number, partial, note2, digests, at))
      .then(credited);
    expect(note2).toMatchObject({ kind: 'credit-note', corrects: { number: doc.number, issueDate: doc.issueDate } });
    expect(note2.totals).toEqual({ netCents: 10_000, vatCents: 2_100, grossCents: 12_100, payableCents: 12_100 });

    const tooMuch = new Map([[fee.id, fee.netCents - 10_000 + 1]]);
    const note3 = buildCreditNote(doc, { number: '2026-000003', issueDate: '2026-12-05', reason: 'x' }, tooMuch);
    given(series, issued(1), credited)
      .when((s) => s.issueCreditNote(doc.number, tooMuch, note3, digests, at))
      .thenThrows(E.CreditExceedsInvoiceError);

    const rest = new Map(doc.lines.map((line) => [line.id, line.id === fee.id ? fee.netCents - 10_000 : line.netCents]));
    const full = buildCreditNote(doc, { number: '2026-000003', issueDate: '2026-12-05', reason: 'Vervallen' }, rest);
    const fullyCredited: InvoiceSeriesEvent = { ...credited, sequence: 3, credited: Object.fromEntries(rest), document: full };
    given(series, issued(1), credited)
      .when((s) => s.issueCreditNote(doc.number, rest, full, digests, at))
      .then(fullyCredited);
    given(series, issued(1), credited, fullyCredited)
      .when((s) => s.issueCreditNote(doc.number, rest, { ...full, number: '2026-000004' }, digests, at))
      .thenThrows(E.NothingToCreditError);
    given(series, issued(1))
      .when((s) => s.issueCreditNote('2026-000099', rest, full, digests, at))
      .thenThrows(E.InvoiceNotFoundError);
  });
});
