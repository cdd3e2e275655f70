// What the case service answers about a case's content and its audit, for its OpenAPI document (and so the portal's
// generated types): the advisor's case view and consultations, the auditor's lists and replay.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { REGIMES } from '@vertrouwd/contracts';
import type { Regime } from '../../domain/case/case.values';
import { CaseOverviewView, DeadlineStateView, FREE_OBJECT } from './case.responses.dto';

const DATE_TIME: ApiPropertyOptions = { type: String, format: 'date-time' };
const NULLABLE_STRING: ApiPropertyOptions = { type: String, nullable: true };

/** A sealed text as the reader is shown it: the text, or why it cannot be shown. */
const SHOWN_TEXT: ApiPropertyOptions = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      required: ['erased'],
      properties: { erased: { type: 'boolean', enum: [true] } },
      description: 'Its key was shredded',
    },
    {
      type: 'object',
      required: ['refused'],
      properties: { refused: { type: 'boolean', enum: [true] } },
      description: 'Sealed for another case',
    },
  ],
};
type ShownText = string | { readonly erased: true } | { readonly refused: true };

/** One event of the case as its advisor reads it: sealed fields opened (or `{ erased: true }` and the like). */
export class CaseEntryView {
  @ApiProperty() type!: string;
  @ApiProperty() version!: number;
  @ApiProperty(DATE_TIME) recordedAt!: string;
  @ApiProperty(FREE_OBJECT) data!: Record<string, unknown>;
}

export class SummaryVersionsView {
  @ApiProperty({ format: 'uuid' }) summaryId!: string;
  @ApiProperty({ description: 'The latest version shared with the reporter' }) version!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: none approved yet' }) approvedVersion!: number | null;
}

export class ConsentView {
  @ApiProperty({ format: 'uuid' }) consentId!: string;
  @ApiProperty() scope!: string;
  @ApiProperty(NULLABLE_STRING) referralType!: string | null;
  @ApiProperty({ enum: ['reporter', 'advisor'] }) recordedBy!: 'reporter' | 'advisor';
  @ApiProperty({ enum: ['given', 'awaiting-confirmation', 'withdrawn'] }) status!: 'given' | 'awaiting-confirmation' | 'withdrawn';
}

export class LegalDutyView {
  @ApiProperty({ format: 'uuid' }) dutyId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() scope!: string;
  @ApiProperty(NULLABLE_STRING) referralType!: string | null;
}

export class ReporterAskedView {
  @ApiPropertyOptional() language?: string;
  @ApiPropertyOptional() advisorGender?: string;
  @ApiPropertyOptional() advisorKind?: string;
}

export class AuditClocksView {
  @ApiProperty({ type: DeadlineStateView }) acknowledgement!: DeadlineStateView;
  @ApiProperty({ type: DeadlineStateView }) feedback!: DeadlineStateView;
}

export class LegalClocksView extends AuditClocksView {
  @ApiProperty({ enum: REGIMES }) regime!: Regime;
}

/** A case of the advisor's own list: its overview and its legal clocks now (absent before they start). */
export class AdvisorCaseView extends CaseOverviewView {
  @ApiPropertyOptional({ type: LegalClocksView, description: 'Both deadlines with their state, met and stopped ones too' })
  clocks?: LegalClocksView;
}

export class AdvisorCasesView {
  @ApiProperty({ type: [AdvisorCaseView] }) cases!: AdvisorCaseView[];
}

export class CaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() status!: string;
  @ApiPropertyOptional({ format: 'uuid' }) advisorId?: string;
  @ApiProperty({ type: [SummaryVersionsView] }) summaries!: SummaryVersionsView[];
  @ApiProperty({ type: [ConsentView] }) consents!: ConsentView[];
  @ApiProperty({ type: [LegalDutyView] }) legalDuties!: LegalDutyView[];
  @ApiPropertyOptional({ type: ReporterAskedView, description: 'What the reporter asked for at intake; absent for older cases' })
  reporterAsked?: ReporterAskedView;
  @ApiPropertyOptional({ type: LegalClocksView, description: "The case's legal clocks now, as its replay computes them" })
  clocks?: LegalClocksView;
  @ApiProperty({ type: [CaseEntryView] }) history!: CaseEntryView[];
}

/** A consultation of the advisor's case: the colleague asked, the question and the answer (null: none yet). */
export class AskedConsultationView {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty({ format: 'uuid' }) colleagueId!: string;
  @ApiProperty(DATE_TIME) requestedAt!: string;
  @ApiProperty(SHOWN_TEXT) question!: ShownText;
  @ApiProperty({ ...SHOWN_TEXT, nullable: true }) answer!: ShownText | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) answeredAt!: string | null;
}

export class AskedConsultationsView {
  @ApiProperty({ type: [AskedConsultationView] }) consultations!: AskedConsultationView[];
}

/** A consultation asked of this colleague: who asked, never the case, its theme or anything of the reporter. */
export class ConsultationForColleagueView {
  @ApiProperty({ format: 'uuid' }) consultationId!: string;
  @ApiProperty({ format: 'uuid' }) askedBy!: string;
  @ApiProperty(DATE_TIME) requestedAt!: string;
  @ApiProperty(SHOWN_TEXT) question!: ShownText;
  @ApiProperty({ ...SHOWN_TEXT, nullable: true }) answer!: ShownText | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) answeredAt!: string | null;
}

export class ConsultationsForColleagueView {
  @ApiProperty({ type: [ConsultationForColleagueView] }) consultations!: ConsultationForColleagueView[];
}

/** A case as the auditor's list shows it: metadata and clocks, the advisor as this audit's pseudonym. */
export class AuditedCaseView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'Where its replay is' }) replay!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() theme!: string;
  @ApiProperty({ enum: REGIMES }) regime!: Regime;
  @ApiProperty() status!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: "The advisor as this audit's pseudonym" }) advisorId!: string | null;
  @ApiProperty(DATE_TIME) receivedAt!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) feedbackAt!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: AuditClocksView }) clocks!: AuditClocksView;
}

export class AuditedCasesView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty({ description: 'Cases matching the filter, all pages' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [AuditedCaseView] }) cases!: AuditedCaseView[];
}

/** A read of sealed content: the reader as this audit's pseudonym, the reason they stated (null: before reasons). */
export class AccessReadView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() actor!: string;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty(NULLABLE_STRING) reason!: string | null;
  @ApiProperty({ type: [String] }) fields!: string[];
}

export class AccessLogView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: [AccessReadView] }) reads!: AccessReadView[];
}

export class ChainVerificationView {
  @ApiProperty() valid!: boolean;
  @ApiProperty() eventsChecked!: number;
  @ApiPropertyOptional({ description: 'The first version whose hash does not match, when invalid' }) brokenAt?: number;
  @ApiPropertyOptional() reason?: string;
}

export class ReplayChainsView {
  @ApiProperty({ type: ChainVerificationView }) case!: ChainVerificationView;
  @ApiProperty({ type: ChainVerificationView }) access!: ChainVerificationView;
}

export class ReplayEntryView {
  @ApiProperty({ enum: ['case', 'access'] }) stream!: 'case' | 'access';
  @ApiProperty() type!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Position in the store, as a decimal string' }) position!: string;
  @ApiProperty(DATE_TIME) recordedAt!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: "As this audit's pseudonym" }) actor!: string | null;
  @ApiProperty({ ...FREE_OBJECT, description: 'Sealed fields as sealed, erased or foreign; people as pseudonyms' })
  data!: Record<string, unknown>;
}

export class ReplayView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: ReplayChainsView }) chain!: ReplayChainsView;
  @ApiPropertyOptional({ type: LegalClocksView, description: 'Absent when the events hold no clock' }) clocks?: LegalClocksView;
  @ApiProperty({ type: [ReplayEntryView] }) timeline!: ReplayEntryView[];
}
