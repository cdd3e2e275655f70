import type { InvoiceDocument } from '../../domain/invoices/invoice-document';

/** Cents as a decimal string with a dot and two decimals (`123456` → `1234.56`, `-5` → `-0.05`): no float on the way. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`An amount must be whole cents, got ${cents}`);
  const digits = Math.abs(cents).toString().padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A euro amount for people: `€ 1.234,56` in Dutch, `€1,234.56` in English; a minus sign before the euro sign. */
export function formatEuro(cents: number, language: InvoiceDocument['language']): string {
  const [whole, fraction] = centsToDecimal(Math.abs(cents)).split('.');
  const sign = cents < 0 ? '-' : '';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'nl' ? '.' : ',');
  return language === 'nl' ? `${sign}€ ${grouped},${fraction}` : `${sign}€${grouped}.${fraction}`;
}

/** A decimal string (quantity, VAT rate) for people: `12.25` → `12,25` in Dutch; the digits are never re-rounded. */
export function formatDecimal(value: string, language: InvoiceDocument['language']): string {
  return language === 'nl' ? value.replace('.', ',') : value;
}
