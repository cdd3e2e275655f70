// What the billing service answers, for its OpenAPI document (and so the portal's generated types). The handlers
// declare these classes as their return types: an answer that loses or retypes a documented field does not compile.
// Amounts are integer euro cents; dates ISO calendar days (Europe/Amsterdam).
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { PERIOD_KINDS, type PeriodKind } from '../../domain/pricing/calendar';
import { PLANS, type Plan } from '../../domain/pricing/price-list';

const DATE: ApiPropertyOptions = { type: String, format: 'date' };
const LANGUAGES = ['nl', 'en'] as const;
const KINDS = ['invoice', 'credit-note'] as const;

export class AddressView {
  @ApiProperty({ description: 'The registered name' }) name!: string;
  @ApiProperty({ description: 'Street and number, one line' }) street!: string;
  @ApiProperty() postcode!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
}

export class PartyView extends AddressView {
  @ApiProperty({ description: 'The KvK number: 8 digits' }) kvk!: string;
  @ApiPropertyOptional() vatId?: string;
}

export class SupplierView extends AddressView {
  @ApiProperty({ description: 'The KvK number: 8 digits' }) kvk!: string;
  @ApiProperty() vatId!: string;
  @ApiProperty() iban!: string;
  @ApiPropertyOptional() email?: string;
}

export class BandView {
  @ApiProperty() minHeadcount!: number;
  @ApiProperty({ enum: PLANS }) plan!: Plan;
  @ApiProperty({ description: 'Cents a year, excluding VAT' }) yearlyFeeCents!: number;
  @ApiProperty({ description: 'Hours of counsellor work the fee includes per year' }) includedHoursPerYear!: number;
}

export class PriceListView {
  @ApiProperty() version!: number;
  @ApiProperty(DATE) effectiveFrom!: string;
  @ApiProperty({ type: [BandView], description: 'Sorted by minHeadcount' }) bands!: BandView[];
  @ApiProperty({ description: 'Cents per hour beyond the plan, excluding VAT' }) hourlyRateCents!: number;
  @ApiProperty({ example: '21' }) vatRatePercent!: string;
  @ApiProperty({ enum: PERIOD_KINDS }) period!: PeriodKind;
}

export class BillingAccountView {
  @ApiProperty({ type: SupplierView }) supplier!: SupplierView;
  @ApiProperty({ description: 'Days from issue to due date' }) paymentTermDays!: number;
  @ApiProperty({ description: 'Case work counts only in a period with at least k cases' }) k!: number;
  @ApiProperty({ type: [PriceListView] }) priceLists!: PriceListView[];
  @ApiProperty({ description: 'Goes up with every change of the account (its settings, a price list); also its ETag' })
  version!: number;
}

export class SubscriptionView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty(DATE) startsOn!: string;
  @ApiProperty({ ...DATE, nullable: true }) endsOn!: string | null;
  @ApiProperty({ type: AddressView }) address!: AddressView;
  @ApiProperty() buyerReference!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: (typeof LANGUAGES)[number];
  @ApiPropertyOptional({ description: 'Goes up with every change of the subscription; send it as If-Match to change its terms' })
  version?: number;
}

export class SubscriptionsView {
  @ApiProperty({ type: [SubscriptionView] }) subscriptions!: SubscriptionView[];
}

export class DocumentSummaryView {
  @ApiProperty({ example: '2026-000001' }) number!: string;
  @ApiProperty({ enum: KINDS }) kind!: (typeof KINDS)[number];
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiPropertyOptional({ description: 'The period invoiced (`2026-11`, `2026-Q4`, `2026`); absent on credit notes' })
  periodKey?: string;
  @ApiProperty(DATE) issueDate!: string;
  @ApiPropertyOptional({ description: 'The invoice a credit note corrects' }) corrects?: string;
  @ApiProperty() payableCents!: number;
}

export class DocumentsView {
  @ApiProperty({ type: [DocumentSummaryView] }) documents!: DocumentSummaryView[];
}

export class PeriodView {
  @ApiProperty(DATE) start!: string;
  @ApiProperty(DATE) end!: string;
}

export class CorrectedView {
  @ApiProperty() number!: string;
  @ApiProperty(DATE) issueDate!: string;
}

export class InvoiceLineView {
  @ApiProperty({ description: '1-based, in order' }) id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'At most 2 decimals, as a string', example: '12.25' }) quantity!: string;
  @ApiProperty({ enum: ['HUR', 'MON', 'ANN', 'C62'] }) unitCode!: 'HUR' | 'MON' | 'ANN' | 'C62';
  @ApiProperty() unitPriceCents!: number;
  @ApiProperty() netCents!: number;
  @ApiProperty({ example: '21' }) vatRatePercent!: string;
}

export class VatBreakdownView {
  @ApiProperty({ enum: ['S'] }) category!: 'S';
  @ApiProperty() ratePercent!: string;
  @ApiProperty() taxableCents!: number;
  @ApiProperty() vatCents!: number;
}

export class TotalsView {
  @ApiProperty() netCents!: number;
  @ApiProperty() vatCents!: number;
  @ApiProperty() grossCents!: number;
  @ApiProperty() payableCents!: number;
}

export class DigestsView {
  @ApiProperty({ description: 'SHA-256 (hex) of the UBL export' }) ubl!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the PDF export' }) pdf!: string;
}

/** An issued invoice or credit note, field by field, as frozen at issue, with its exports' digests. */
export class IssuedDocumentView {
  @ApiProperty({ enum: KINDS }) kind!: (typeof KINDS)[number];
  @ApiProperty() number!: string;
  @ApiProperty(DATE) issueDate!: string;
  @ApiPropertyOptional({ ...DATE, description: 'Invoices only' }) dueDate?: string;
  @ApiProperty({ enum: ['EUR'] }) currency!: 'EUR';
  @ApiProperty({ type: PeriodView }) period!: PeriodView;
  @ApiProperty() buyerReference!: string;
  @ApiPropertyOptional({ type: CorrectedView, description: 'A credit note: the invoice it corrects' }) corrects?: CorrectedView;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ type: SupplierView }) supplier!: SupplierView;
  @ApiProperty({ type: PartyView }) customer!: PartyView;
  @ApiProperty({ type: [InvoiceLineView] }) lines!: InvoiceLineView[];
  @ApiProperty({ type: [VatBreakdownView] }) vat!: VatBreakdownView[];
  @ApiProperty({ type: TotalsView }) totals!: TotalsView;
  @ApiProperty() paymentReference!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: (typeof LANGUAGES)[number];
  @ApiProperty({ type: DigestsView }) digests!: DigestsView;
}

// What a write answers.

export class PriceListPublishedView {
  @ApiProperty({ type: Number, description: 'The version this price list now has' }) version!: number;
}

export class SkippedSubscriptionView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ description: 'The rule that stopped its invoice (nothing else about it)' }) rule!: string;
}

export class InvoiceRunView {
  @ApiProperty(DATE) issueDate!: string;
  @ApiProperty(DATE) through!: string;
  @ApiProperty({ type: [String], description: 'The numbers this run gave, in order' }) issued!: string[];
  @ApiProperty({ type: [SkippedSubscriptionView], description: 'Subscriptions the run could not invoice' })
  skipped!: SkippedSubscriptionView[];
}

export class CreditNoteIssuedView {
  @ApiProperty({ description: "The credit note's number" }) number!: string;
}
