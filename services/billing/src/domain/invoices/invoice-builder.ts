import { vatOn, quartersAsHours } from '../pricing/money';
import type { Period } from '../pricing/calendar';
import type { PeriodCharge } from '../pricing/charges';
import type { PriceListVersion } from '../pricing/price-list';
import type { InvoiceDocument, InvoiceLine, InvoiceParty } from './invoice-document';

/** The parties and references an invoice needs besides its charge; snapshotted into the document at issue. */
export interface InvoiceHeader {
  number: string;
  issueDate: string;
  dueDate: string;
  supplier: InvoiceDocument['supplier'];
  customer: InvoiceParty;
  buyerReference: string;
  language: 'nl' | 'en';
}

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `november 2026`, `Q4 2026`, `2026`: how a period is named on an invoice. */
export function periodLabel(period: Period, language: 'nl' | 'en'): string {
  const year = period.start.slice(0, 4);
  if (period.kind === 'year') return year;
  if (period.kind === 'quarter') return `${period.key.slice(5)} ${year}`;
  return `${MONTHS[language][Number(period.start.slice(5, 7)) - 1]} ${year}`;
}

/**
 * The invoice for one organisation and period. Its lines say what the service was and for which period, never a
 * case: the subscription fee, and hours beyond the plan as one line that pools case work with prevention work.
 */
export function buildInvoice(header: InvoiceHeader, charge: PeriodCharge, prices: PriceListVersion): InvoiceDocument {
  const { language } = header;
  const label = periodLabel(charge.period, language);
  const partial =
    charge.coveredDays === charge.periodDays
      ? ''
      : language === 'nl'
        ? ` (${charge.coveredDays} van ${charge.periodDays} dagen)`
        : ` (${charge.coveredDays} of ${charge.periodDays} days)`;
  const plan =
    charge.band.plan === 'collective'
      ? language === 'nl'
        ? 'Collectieve regeling externe vertrouwenspersoon'
        : 'Collective arrangement, external confidential counsellor'
      : language === 'nl'
        ? 'Abonnement externe vertrouwenspersoon'
        : 'Subscription, external confidential counsellor';
  const employees = language === 'nl' ? 'medewerkers' : 'employees';
  const lines: InvoiceLine[] = [
    {
      id: '1',
      description: `${plan}, ${charge.bandLabel} ${employees}, ${label}${partial}`,
      quantity: '1',
      unitCode: 'C62',
      unitPriceCents: charge.feeCents,
      netCents: charge.feeCents,
      vatRatePercent: prices.vatRatePercent,
    },
  ];
  if (charge.extraQuarters > 0) {
    lines.push({
      id: '2',
      description:
        language === 'nl'
          ? `Inzet vertrouwenspersoon boven het abonnement (advies, preventie, voorlichting), ${label}`
          : `Counsellor's work beyond the subscription (advice, prevention, information), ${label}`,
      quantity: quartersAsHours(charge.extraQuarters),
      unitCode: 'HUR',
      unitPriceCents: prices.hourlyRateCents,
      netCents: charge.extraCents,
      vatRatePercent: prices.vatRatePercent,
    });
  }
  return complete({
    kind: 'invoice',
    number: header.number,
    issueDate: header.issueDate,
    dueDate: header.dueDate,
    period: { ...charge.covered },
    buyerReference: header.buyerReference,
    supplier: header.supplier,
    customer: header.customer,
    language,
    lines,
  });
}

/** A credit note: the lines credited (all of the invoice, or an amount of some lines), referring to the invoice. */
export function buildCreditNote(
  invoice: InvoiceDocument,
  header: { number: string; issueDate: string; reason: string },
  credited: ReadonlyMap<string, number>,
): InvoiceDocument {
  const prefix = invoice.language === 'nl' ? 'Creditering' : 'Credit';
  const lines: InvoiceLine[] = [];
  for (const line of invoice.lines) {
    const amount = credited.get(line.id);
    if (amount === undefined || amount === 0) continue;
    const whole = amount === line.netCents;
    lines.push({
      id: String(lines.length + 1),
      description: `${prefix}: ${line.description}`,
      quantity: whole ? line.quantity : '1',
      unitCode: whole ? line.unitCode : 'C62',
      unitPriceCents: whole ? line.unitPriceCents : amount,
      netCents: amount,
      vatRatePercent: line.vatRatePercent,
    });
  }
  return complete({
    kind: 'credit-note',
    number: header.number,
    issueDate: header.issueDate,
    period: invoice.period,
    buyerReference: invoice.buyerReference,
    corrects: { number: invoice.number, issueDate: invoice.issueDate },
    note: header.reason,
    supplier: invoice.supplier,
    customer: invoice.customer,
    language: invoice.language,
    lines,
  });
}

type Draft = Omit<InvoiceDocument, 'vat' | 'totals' | 'currency' | 'paymentReference'>;

/** Adds the VAT breakdown (per rate, on the rate's total) and the totals. */
function complete(draft: Draft): InvoiceDocument {
  const rates = [...new Set(draft.lines.map((line) => line.vatRatePercent))].sort();
  const vat = rates.map((rate) => {
    const taxableCents = draft.lines.filter((line) => line.vatRatePercent === rate).reduce((sum, line) => sum + line.netCents, 0);
    return { category: 'S' as const, ratePercent: rate, taxableCents, vatCents: vatOn(taxableCents, rate) };
  });
  const netCents = draft.lines.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = vat.reduce((sum, row) => sum + row.vatCents, 0);
  return {
    ...draft,
    currency: 'EUR',
    vat,
    totals: { netCents, vatCents, grossCents: netCents + vatCents, payableCents: netCents + vatCents },
    paymentReference: draft.number,
  };
}
