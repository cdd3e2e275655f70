import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Max, Min, ValidateIf } from 'class-validator';
import { ACTIVITIES, CONSENT_SCOPES, CONVERSATION_MODES, LEGAL_DUTY_REASONS, OUTCOMES, REFERRAL_TYPES } from '@vertrouwd/contracts';
import type { Activity, ConsentScope, ConversationMode, LegalDutyReason, Outcome, ReferralType } from '../../domain/case/case.values';

const TEXT = { description: 'Free text: sealed before it is stored, read back only by the assigned advisor', maxLength: 10_000 };

export class AssignAdvisorRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() advisorId!: string;
}
export class RecordConversationRequest {
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) @Length(10, 10) heldOn!: string;
  @ApiProperty({ minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) minutes!: number;
  @ApiProperty({ enum: CONVERSATION_MODES }) @IsIn(CONVERSATION_MODES) mode!: ConversationMode;
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) summary!: string;
}
export class TextRequest {
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) text!: string;
}
/** One step, and for a referral exactly one target (required then, refused otherwise). */
export class ConsentTargetRequest {
  @ApiProperty({ enum: CONSENT_SCOPES }) @IsIn(CONSENT_SCOPES) scope!: ConsentScope;
  @ApiProperty({ enum: REFERRAL_TYPES, required: false, description: 'Required for a referral, absent for a formal report' })
  @ValidateIf((o: ConsentTargetRequest) => o.scope === 'referral' || o.referralType !== undefined)
  @IsIn(REFERRAL_TYPES)
  referralType?: ReferralType;
}
/** A consent the reporter gave in a recorded conversation (it counts once the reporter confirms it). */
export class ConsentRequest extends ConsentTargetRequest {
  @ApiProperty({ format: 'uuid', description: 'The recorded conversation in which the reporter gave it' })
  @IsUUID()
  conversationId!: string;
}
export class LegalDutyRequest extends ConsentTargetRequest {
  @ApiProperty({ enum: LEGAL_DUTY_REASONS }) @IsIn(LEGAL_DUTY_REASONS) reason!: LegalDutyReason;
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) explanation!: string;
}
export class SummaryRevisionRequest {
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) summary!: string;
}
export class ReferralRequest {
  @ApiProperty({ enum: REFERRAL_TYPES }) @IsIn(REFERRAL_TYPES) referralType!: ReferralType;
}
export class AftercareRequest {
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) @Length(10, 10) plannedFor!: string;
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) plan!: string;
}
export class AftercareRecordRequest {
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) note!: string;
}
export class HoursRequest {
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) @Length(10, 10) workedOn!: string;
  @ApiProperty({ minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) minutes!: number;
  @ApiProperty({ enum: ACTIVITIES }) @IsIn(ACTIVITIES) activity!: Activity;
}
export class TransferRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() toAdvisorId!: string;
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) reason!: string;
}
export class ClosureRequest {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
}
export class RetentionRequest {
  @ApiProperty({ minimum: 1, maximum: 120 }) @IsInt() @Min(1) @Max(120) monthsAfterClosure!: number;
}
