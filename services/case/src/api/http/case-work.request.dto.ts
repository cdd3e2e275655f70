import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min, NotEquals, ValidateIf } from 'class-validator';
import { ACTIVITIES, CONSENT_SCOPES, CONVERSATION_MODES, LEGAL_DUTY_REASONS, OUTCOMES, REFERRAL_TYPES } from '@vertrouwd/contracts';
import type { Activity, ConsentScope, ConversationMode, LegalDutyReason, Outcome, ReferralType } from '../../domain/case/case.values';

const TEXT = { description: 'Free text: sealed before it is stored, read back only by the assigned advisor', maxLength: 10_000 };

/** The nil UUID names nobody: refused where an advisor is named. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export class AssignAdvisorRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() @NotEquals(NIL_UUID, { message: 'advisorId must name an advisor' }) advisorId!: string;
}
export class RecordConversationRequest {
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) @Length(10, 10) heldOn!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) minutes!: number;
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
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) minutes!: number;
  @ApiProperty({ enum: ACTIVITIES }) @IsIn(ACTIVITIES) activity!: Activity;
}
export class TransferRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  @NotEquals(NIL_UUID, { message: 'toAdvisorId must name an advisor' })
  toAdvisorId!: string;
  @ApiProperty(TEXT) @IsString() @Length(1, 10_000) reason!: string;
}
export class ClosureRequest {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome!: Outcome;
  @ApiPropertyOptional({ ...TEXT, description: 'Feedback to the reporter on what was done (meets the feedback deadline); sealed' })
  @IsOptional()
  @IsString()
  @Length(1, 10_000)
  feedback?: string;
}
export class FeedbackRequest {
  @ApiProperty({ ...TEXT, description: 'What was done with the report, for the reporter: sealed, shown in their thread' })
  @IsString()
  @Length(1, 10_000)
  feedback!: string;
}
export class RetentionRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 120 }) @IsInt() @Min(1) @Max(120) monthsAfterClosure!: number;
}
export class RevealRequest {
  @ApiProperty({ format: 'uuid', description: 'Who may see the identity: you, or a colleague advisor of the agency' })
  @IsUUID()
  @NotEquals(NIL_UUID, { message: 'viewerId must name an advisor' })
  viewerId!: string;
  @ApiProperty({ ...TEXT, description: 'Why the identity is needed: sealed, shown to the reporter who decides' })
  @IsString()
  @Length(1, 2_000)
  reason!: string;
}
export class ConsultationRequest {
  @ApiProperty({ format: 'uuid', description: 'The colleague advisor of the agency asked for a second opinion' })
  @IsUUID()
  @NotEquals(NIL_UUID, { message: 'colleagueId must name an advisor' })
  colleagueId!: string;
  @ApiProperty({ ...TEXT, description: 'A de-identified question written for the colleague: sealed under its own key' })
  @IsString()
  @Length(1, 5_000)
  question!: string;
}
export class ConsultationAnswerRequest {
  @ApiProperty({ ...TEXT, description: "Your second opinion: sealed under the consultation's key" })
  @IsString()
  @Length(1, 5_000)
  answer!: string;
}

/** A conflict of interest the advisor declares in declining a case: with the organisation (every case of it), or with people in this case. */
export class DeclinationRequest {
  @ApiProperty({ enum: ['organisation', 'people-in-case'] }) @IsIn(['organisation', 'people-in-case']) conflictWith!:
    'organisation' | 'people-in-case';
}
