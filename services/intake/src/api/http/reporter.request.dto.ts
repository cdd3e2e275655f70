import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CONSENT_SCOPES, REFERRAL_TYPES } from '@vertrouwd/contracts';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ConsentScope, ReferralType } from '../../domain/report/report.events';

export class FollowUpRequest {
  @ApiProperty({ example: 'ABCD-EFGH-JKMN-PQRS-TVWX', description: 'Case, spaces and dashes do not matter' })
  @IsString()
  @Length(16, 40)
  receiptCode!: string;

  @ApiProperty({ description: 'The passphrase given with the receipt' }) @IsString() @Length(20, 60) passphrase!: string;
}

/** Visits of an intake page the reporter's site served from one answer of intake's (ADR 0052's shared secret). */
export class PageVisitsRequest {
  @ApiProperty({ minimum: 1, maximum: 100_000, description: 'Visits served since the last report' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  visits!: number;
}

export class MessageRequest {
  @ApiProperty({ description: 'Sealed before it is stored', maxLength: 10_000 }) @IsString() @Length(1, 10_000) body!: string;
}

/** Which version of a summary the answer is for; absent: the latest shared. An earlier one than the latest is refused (409). */
export class ApprovalRequest {
  @ApiProperty({ required: false, minimum: 1, maximum: 1000, description: 'The version you approve; absent: the latest' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  version?: number;
}

export class CorrectionRequest extends ApprovalRequest {
  @ApiProperty({ description: 'Your correction of the summary; sealed', maxLength: 10_000 })
  @IsString()
  @Length(1, 10_000)
  correction!: string;
}

/** Your consent to one step: a referral to one target (`referralType` required then), or a formal report. */
export class ConsentRequest {
  @ApiProperty({ enum: CONSENT_SCOPES }) @IsIn(CONSENT_SCOPES) scope!: ConsentScope;
  @ApiProperty({ enum: REFERRAL_TYPES, required: false, description: 'Required for a referral, absent for a formal report' })
  @ValidateIf((o: ConsentRequest) => o.scope === 'referral' || o.referralType !== undefined)
  @IsIn(REFERRAL_TYPES)
  referralType?: ReferralType;
}

export class ProofRequestBody {
  @ApiProperty() @IsString() @Matches(/^[0-9a-f]{64}$/) receiptHash!: string;
  @ApiProperty() @IsISO8601() submittedAt!: string;
  @ApiProperty() @IsString() @Length(1, 200) signature!: string;
  @ApiProperty() @IsString() @Length(1, 64) keyId!: string;
}

export class VerifyProofRequest {
  @ApiProperty({ type: ProofRequestBody }) @IsDefined() @ValidateNested() @Type(() => ProofRequestBody) proof!: ProofRequestBody;
}
