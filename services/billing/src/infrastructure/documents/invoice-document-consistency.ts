import type { InvoiceDocument } from '../../domain/invoices/invoice-document';

export class InvoiceDocumentInconsistentError extends Error {
  constructor(
    readonly documentNumber: string,
    readonly problems: string[],
  ) {
    super(`Invoice document ${documentNumber} does not add up: ${problems.join('; ')}`);
    this.name = 'InvoiceDocumentInconsistentError';
  }
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A decimal string with at most two decimals, in hundredths (`"12.25"` → 1225n). */
function hundredths(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** `amount × factor / 10000`, rounded half up: a quantity or rate in hundredths times cents. */
function roundHalfUp(cents: number, factorHundredths: bigint): bigint {
  return (2n * BigInt(cents) * factorHundredths + 10_000n) / 20_000n;
}

/**
 * Every export refuses a document whose figures do not add up, rather than print an invoice that the Dutch rules
 * (EN 16931 BR-CO-10…17) or a reader would reject: lines sum to the net total, VAT is computed per rate on the
 * category total and rounded half up, gross is net plus VAT.
 */
export function assertConsistentDocument(doc: InvoiceDocument): void {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  for (const date of [doc.issueDate, doc.period.start, doc.period.end, doc.dueDate, doc.corrects?.issueDate]) {
    if (date !== undefined) check(DATE.test(date), `${date} is not a YYYY-MM-DD date`);
  }
  check(doc.period.start <= doc.period.end, 'the period ends before it starts');
  check(doc.lines.length > 0, 'a document needs at least one line');
  check((doc.kind === 'credit-note') === (doc.corrects !== undefined), 'a credit note, and only a credit note, corrects an invoice');
  for (const line of doc.lines) {
    const valid = DECIMAL.test(line.quantity) && DECIMAL.test(line.vatRatePercent);
    check(valid, `line ${line.id}: quantity and VAT rate must be decimals with at most two decimals`);
    check(line.netCents >= 0 && line.unitPriceCents >= 0, `line ${line.id}: amounts are never negative`);
    if (valid) {
      const expected = roundHalfUp(line.unitPriceCents, hundredths(line.quantity) * 100n);
      check(expected === BigInt(line.netCents), `line ${line.id}: quantity × price is ${expected} cents, not ${line.netCents}`);
    }
  }
  const lineRates = new Set(doc.lines.map((l) => hundredths(l.vatRatePercent)));
  check(lineRates.size === doc.vat.length, 'one VAT breakdown per rate used on the lines');
  for (const vat of doc.vat) {
    const rate = hundredths(vat.ratePercent);
    const taxable = doc.lines.filter((l) => hundredths(l.vatRatePercent) === rate).reduce((sum, l) => sum + l.netCents, 0);
    check(taxable === vat.taxableCents, `VAT ${vat.ratePercent} %: the lines sum to ${taxable} cents, not ${vat.taxableCents}`);
    const expected = roundHalfUp(vat.taxableCents, rate);
    check(expected === BigInt(vat.vatCents), `VAT ${vat.ratePercent} %: ${expected} cents, not ${vat.vatCents}`);
  }
  const net = doc.lines.reduce((sum, l) => sum + l.netCents, 0);
  const vat = doc.vat.reduce((sum, v) => sum + v.vatCents, 0);
  check(net === doc.totals.netCents, `the lines sum to ${net} cents, not ${doc.totals.netCents}`);
  check(vat === doc.totals.vatCents, `the VAT breakdown sums to ${vat} cents, not ${doc.totals.vatCents}`);
  check(doc.totals.grossCents === net + vat, 'gross is not net plus VAT');
  check(doc.totals.payableCents === doc.totals.grossCents, 'payable differs from gross (no prepayment is modelled)');
  if (problems.length > 0) throw new InvoiceDocumentInconsistentError(doc.number, problems);
}
