/**
 * What an issued invoice or credit note says, field by field: the one input of every export (UBL 2.1 / SI-UBL 2.0,
 * the PDF/A-3 for people, the bookkeeping CSV). It is frozen when the document is issued and kept in the event that
 * issues it, so an export made years later has the same bytes.
 *
 * Amounts are integer euro cents. Dates are ISO calendar dates (`YYYY-MM-DD`, Europe/Amsterdam). Nothing here may
 * tie to a case: no case id, theme, date of case work or counsellor name (ADR on invoices that reveal no case).
 */
export interface InvoiceParty {
  /** The registered name (statutaire naam). */
  name: string;
  /** Street and number, one line. */
  street: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2, `NL` for every party today. */
  country: string;
  /** The KvK number: 8 digits. */
  kvk: string;
  /** The VAT id (btw-identificatienummer), `NL` + 9 digits + `B` + 2 digits; optional for a customer without one. */
  vatId?: string;
}

export interface InvoiceLine {
  /** 1-based, in order. */
  id: string;
  /** The description printed on the invoice: the nature of the service and its period, never a case. */
  description: string;
  /** Quantity with at most 2 decimals, as a string so it never passes through a float (`"1"`, `"12.25"`). */
  quantity: string;
  /** UN/ECE rec. 20 unit: `HUR` hours, `MON` month, `ANN` year, `C62` one (a period's fee). */
  unitCode: 'HUR' | 'MON' | 'ANN' | 'C62';
  /** Price per unit, cents. */
  unitPriceCents: number;
  /** The line's amount excluding VAT, cents (negative never: a credit note's lines are positive amounts). */
  netCents: number;
  /** VAT rate in percent as a decimal string (`"21"`). */
  vatRatePercent: string;
}

export interface VatBreakdown {
  /** EN 16931 VAT category: `S` standard rate. */
  category: 'S';
  ratePercent: string;
  taxableCents: number;
  /** VAT computed on the category total, rounded half up to a cent (never the sum of per-line VAT). */
  vatCents: number;
}

export interface InvoiceDocument {
  kind: 'invoice' | 'credit-note';
  /** The gapless number per agency and year: `2026-000001`; credit notes have their own series `C2026-000001`. */
  number: string;
  /** Issue date. */
  issueDate: string;
  /** Payment due date (invoices only). */
  dueDate?: string;
  /** ISO 4217, always `EUR`. */
  currency: 'EUR';
  /** The service period the document covers (date of supply), inclusive. */
  period: { start: string; end: string };
  /** The customer's reference (BT-10), required by the Dutch rules (BR-NL-2): the organisation's contract reference. */
  buyerReference: string;
  /** For a credit note: the invoice it corrects (number and issue date). */
  corrects?: { number: string; issueDate: string };
  /** Free note printed on the document (e.g. a credit note's reason). No personal data. */
  note?: string;
  supplier: InvoiceParty & { vatId: string; iban: string; email?: string };
  customer: InvoiceParty;
  lines: InvoiceLine[];
  vat: VatBreakdown[];
  totals: {
    /** Sum of the lines' net amounts. */
    netCents: number;
    vatCents: number;
    /** net + VAT. */
    grossCents: number;
    /** What is to be paid (the gross amount; for a credit note, what is credited). */
    payableCents: number;
  };
  /** The payment reference to quote (the document number). */
  paymentReference: string;
  /** Document language of the PDF (UBL is language-neutral). */
  language: 'nl' | 'en';
}
