import { Aggregate, type Evolution } from '@vertrouwd/domain';
import {
  AlreadyInvoicedError,
  CreditExceedsInvoiceError,
  InvoiceNotFoundError,
  NothingToCreditError,
  NumberTakenError,
} from '../billing.errors';
import type { InvoiceDocument } from './invoice-document';
import type { DocumentDigests, InvoiceSeriesEvent } from './invoice-series.events';

interface IssuedInvoice {
  organisationId: string;
  /** Net cents per line id, and what credit notes took of each. */
  lines: Map<string, { netCents: number; creditedCents: number }>;
}

export interface InvoiceSeriesState {
  seriesId: string;
  agencyId: string;
  year: number;
  /** The last number given (0 before the first): the next is always this + 1, so the series has no gap. */
  sequence: number;
  /** `<organisationId>/<periodKey>` → number: a period is invoiced once. */
  invoiced: Map<string, string>;
  invoices: Map<string, IssuedInvoice>;
}

const invoicedKey = (organisationId: string, periodKey: string) => `${organisationId}/${periodKey}`;

const evolution: Evolution<InvoiceSeriesState, InvoiceSeriesEvent> = {
  InvoiceIssued: (state, event) => {
    const lines = new Map(event.document.lines.map((line) => [line.id, { netCents: line.netCents, creditedCents: 0 }]));
    state.invoiced.set(invoicedKey(event.organisationId, event.periodKey), event.document.number);
    state.invoices.set(event.document.number, { organisationId: event.organisationId, lines });
    return { ...state, agencyId: event.agencyId, sequence: event.sequence };
  },
  CreditNoteIssued: (state, event) => {
    const invoice = state.invoices.get(event.corrects);
    for (const [lineId, cents] of Object.entries(event.credited)) {
      const line = invoice?.lines.get(lineId);
      if (line) line.creditedCents += cents;
    }
    return { ...state, agencyId: event.agencyId, sequence: event.sequence };
  },
};

/** `2026-000042`: the series year and the sequence, six digits (more when a year has a million documents). */
export function documentNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * An agency's invoice series for one year (stream `invoiceseries-<agencyId>.<year>`): invoices for the periods of
 * that year and the credit notes that correct them, numbered 1, 2, 3… by the stream's own order. Appending with
 * the expected version makes the numbering gapless and unique under concurrent runs (ADR 0032): a run that lost
 * the race reloads and numbers again; an issued document is never changed.
 */
export class InvoiceSeries extends Aggregate<InvoiceSeriesEvent, InvoiceSeriesState> {
  constructor(seriesId: string) {
    const [agencyId = '', year = '0'] = seriesId.split('.');
    super({ seriesId, agencyId, year: Number(year), sequence: 0, invoiced: new Map(), invoices: new Map() }, evolution);
  }

  static idOf(agencyId: string, year: number): string {
    return `${agencyId}.${year}`;
  }

  get id(): string {
    return this.state.seriesId;
  }

  /** The number the next document gets. */
  nextNumber(): string {
    return documentNumber(this.state.year, this.state.sequence + 1);
  }

  isInvoiced(organisationId: string, periodKey: string): boolean {
    return this.state.invoiced.has(invoicedKey(organisationId, periodKey));
  }

  issueInvoice(organisationId: string, periodKey: string, document: InvoiceDocument, digests: DocumentDigests, at: Date): void {
    if (this.isInvoiced(organisationId, periodKey)) throw new AlreadyInvoicedError();
    if (document.number !== this.nextNumber() || document.kind !== 'invoice') throw new NumberTakenError();
    this.apply({
      type: 'InvoiceIssued',
      agencyId: this.state.agencyId,
      organisationId,
      periodKey,
      sequence: this.state.sequence + 1,
      document,
      digests,
      at: at.toISOString(),
    });
  }

  /** What is left to credit of each line of an invoice (cents by line id). */
  creditable(invoiceNumber: string): Map<string, number> {
    const invoice = this.state.invoices.get(invoiceNumber);
    if (!invoice) throw new InvoiceNotFoundError();
    return new Map([...invoice.lines].map(([id, line]) => [id, line.netCents - line.creditedCents]));
  }

  /** Checks a credit against what is left of the invoice's lines; throws the rule it breaks. */
  assertCreditable(invoiceNumber: string, credited: ReadonlyMap<string, number>): void {
    const left = this.creditable(invoiceNumber);
    if ([...left.values()].every((cents) => cents === 0)) throw new NothingToCreditError();
    let total = 0;
    for (const [lineId, cents] of credited) {
      const available = left.get(lineId);
      if (available === undefined || !Number.isInteger(cents) || cents < 0 || cents > available) throw new CreditExceedsInvoiceError();
      total += cents;
    }
    if (total === 0) throw new CreditExceedsInvoiceError();
  }

  issueCreditNote(
    invoiceNumber: string,
    credited: ReadonlyMap<string, number>,
    document: InvoiceDocument,
    digests: DocumentDigests,
    at: Date,
  ): void {
    const invoice = this.state.invoices.get(invoiceNumber);
    if (!invoice) throw new InvoiceNotFoundError();
    this.assertCreditable(invoiceNumber, credited);
    if (document.number !== this.nextNumber() || document.kind !== 'credit-note') throw new NumberTakenError();
    this.apply({
      type: 'CreditNoteIssued',
      agencyId: this.state.agencyId,
      organisationId: invoice.organisationId,
      sequence: this.state.sequence + 1,
      corrects: invoiceNumber,
      credited: Object.fromEntries([...credited].filter(([, cents]) => cents > 0)),
      document,
      digests,
      at: at.toISOString(),
    });
  }
}
