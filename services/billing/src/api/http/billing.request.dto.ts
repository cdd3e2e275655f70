import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlainText } from '@vertrouwd/http';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  ArrayMaxSize,
  ArrayMinSize,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  MinLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CREDIT_REASONS, type CreditReason } from '../../application/credit-notes';
import { PERIOD_KINDS, type PeriodKind } from '../../domain/pricing/calendar';
import { PLANS, type Plan } from '../../domain/pricing/price-list';

// Request bodies: validated at the edge (400 naming the field and the rule, never the value).

const DAY = { format: 'date', example: '2027-01-01' };
const MAX_CENTS = 100_000_000_000;

function Day(): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true })(target, key);
    Length(10, 10)(target, key);
  };
}

function Line(max: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MaxLength(max)(target, key);
    MinLength(1)(target, key);
    PlainText()(target, key);
  };
}

export class AddressRequest {
  @ApiProperty({ maxLength: 140 }) @Line(140) name!: string;
  @ApiProperty({ maxLength: 140, description: 'Street and number (no PO box)' }) @Line(140) street!: string;
  @ApiProperty({ example: '3511 AA' }) @IsString() @Matches(/^[1-9][0-9]{3} ?[A-Z]{2}$/) postcode!: string;
  @ApiProperty({ maxLength: 80 }) @Line(80) city!: string;
  @ApiProperty({ enum: ['NL'] }) @IsIn(['NL']) country!: 'NL';
}

export class SupplierRequest extends AddressRequest {
  @ApiProperty({ example: '12345678' }) @IsString() @Matches(/^[0-9]{8}$/) kvk!: string;
  @ApiProperty({ example: 'NL123456789B01' }) @IsString() @Matches(/^NL[0-9]{9}B[0-9]{2}$/) vatId!: string;
  @ApiProperty({ example: 'NL91ABNA0417164300' }) @IsString() @Matches(/^NL[0-9]{2}[A-Z]{4}[0-9]{10}$/) iban!: string;
}

export class BillingAccountRequest {
  // IsDefined: ValidateNested alone lets a missing object through.
  @ApiProperty({ type: SupplierRequest }) @IsDefined() @ValidateNested() @Type(() => SupplierRequest) supplier!: SupplierRequest;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 120 }) @IsInt() @Min(1) @Max(120) paymentTermDays!: number;
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 5,
    maximum: 100,
    default: 5,
    description: 'Case work counts only in a period with at least k cases',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(100)
  k?: number;
}

export class BandRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 }) @IsInt() @Min(1) @Max(1_000_000) minHeadcount!: number;
  @ApiProperty({ enum: PLANS }) @IsIn(PLANS) plan!: Plan;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_CENTS, description: 'Cents per year, excluding VAT' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  yearlyFeeCents!: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10_000, description: 'Hours included per year (whole hours)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  includedHoursPerYear!: number;
}

export class PriceListRequest {
  @ApiProperty({ ...DAY, description: 'The first day of an invoicing period' }) @Day() effectiveFrom!: string;
  @ApiProperty({ enum: PERIOD_KINDS }) @IsIn(PERIOD_KINDS) period!: PeriodKind;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10_000_000, description: 'Cents per hour beyond the plan, excluding VAT' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  hourlyRateCents!: number;
  @ApiProperty({ enum: ['21'], description: 'The standard rate applies to these services' }) @IsIn(['21']) vatRatePercent!: '21';
  @ApiProperty({ type: [BandRequest] })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BandRequest)
  bands!: BandRequest[];
}

export class SubscriptionRequest {
  @ApiProperty({ ...DAY, description: 'The first day of the subscription (ignored when it exists: it cannot move)' })
  @Day()
  startsOn!: string;
  @ApiProperty({ type: AddressRequest, description: "The organisation's invoicing name and address" })
  @IsDefined()
  @ValidateNested()
  @Type(() => AddressRequest)
  address!: AddressRequest;
  @ApiProperty({ maxLength: 60, description: "The customer's reference on every invoice (BuyerReference)" })
  @Line(60)
  buyerReference!: string;
  @ApiProperty({ enum: ['nl', 'en'] }) @IsIn(['nl', 'en']) language!: 'nl' | 'en';
}

export class EndSubscriptionRequest {
  @ApiProperty(DAY) @Day() endsOn!: string;
}

export class InvoiceRunRequest {
  @ApiProperty({ ...DAY, description: 'Invoice every period that ended on or before this day (before today)' }) @Day() through!: string;
}

export class CreditLineRequest {
  @ApiProperty({ example: '1' }) @IsString() @Matches(/^[1-9][0-9]{0,2}$/) lineId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_CENTS, description: 'Cents to credit of that line, excluding VAT' })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;
}

export class CreditNoteRequest {
  @ApiProperty({ enum: CREDIT_REASONS, description: 'A fixed reason; its text is printed (no free text reaches a document)' })
  @IsIn(CREDIT_REASONS)
  reason!: CreditReason;
  @ApiPropertyOptional({ type: [CreditLineRequest], description: 'Credit these amounts, each line once; the whole invoice when left out' })
  @IsOptional()
  // A line named twice would be credited once: the document would differ from the request.
  @ArrayUnique((line: CreditLineRequest) => line?.lineId, { message: 'lines must name each invoice line once' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CreditLineRequest)
  lines?: CreditLineRequest[];
}
