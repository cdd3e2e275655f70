// What the case service answers when an advisor records something new on a case: the id it was given, for the
// OpenAPI document and so the portal's generated types. Each handler declares its class as its return type, so an
// answer that loses or renames a documented field does not compile.
import { ApiProperty } from '@nestjs/swagger';

export class ConversationRecordedView {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid', description: "The conversation's summary: the same id" }) summaryId!: string;
}

export class AdviceGivenView {
  @ApiProperty({ format: 'uuid' }) adviceId!: string;
}

export class ConsentRecordedView {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
}

export class LegalDutyInvokedView {
  @ApiProperty({ format: 'uuid' }) dutyId!: string;
}

export class ReferralMadeView {
  @ApiProperty({ format: 'uuid' }) referralId!: string;
}

export class FeedbackGivenView {
  @ApiProperty({ format: 'uuid' }) feedbackId!: string;
}

export class MessageSentView {
  @ApiProperty({ format: 'uuid' }) messageId!: string;
}

export class AftercarePlannedView {
  @ApiProperty({ format: 'uuid' }) aftercareId!: string;
}

export class IdentityRevealRequestedView {
  @ApiProperty({ format: 'uuid' }) revealId!: string;
}

export class ConsultationRequestedView {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
}
