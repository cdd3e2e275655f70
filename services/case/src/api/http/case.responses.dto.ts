// What the case service answers its coordinators and advisors, for its OpenAPI document (and so the portal's
// generated types). Where a query already returns these shapes the handler declares the class as its return type, so
// an answer that loses or retypes a documented field does not compile.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { REGIMES } from '@vertrouwd/contracts';
import { CASE_STATUSES, DEADLINES, type CaseStatus, type Deadline, type Regime } from '../../domain/case/case.values';

const DATE_TIME: ApiPropertyOptions = { type: String, format: 'date-time' };
const NULLABLE_DATE_TIME: ApiPropertyOptions = { ...DATE_TIME, nullable: true };
const NULLABLE_STRING: ApiPropertyOptions = { type: String, nullable: true };
const DEADLINE_STATES = ['pending', 'met', 'missed', 'stopped'] as const;

/** Any JSON object: an event's data, its sealed fields opened (or `{ erased: true }` and the like). */
export const FREE_OBJECT: ApiPropertyOptions = { type: 'object', additionalProperties: true };

/** A case as a coordinator may see it: metadata only, never content or anything about the reporter. */
export class CaseOverviewView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() theme!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ ...NULLABLE_STRING, format: 'uuid' }) advisorId!: string | null;
  @ApiProperty(DATE_TIME) receivedAt!: string;
  @ApiProperty(NULLABLE_DATE_TIME) acknowledgedAt!: string | null;
  @ApiProperty(NULLABLE_DATE_TIME) closedAt!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, format: 'uuid', description: 'The advisor a handover is offered to, until they answer' })
  handoverTo!: string | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'What the reporter asked for at intake; null for older cases' })
  language!: string | null;
  @ApiProperty(NULLABLE_STRING) preferredAdvisorGender!: string | null;
  @ApiProperty(NULLABLE_STRING) preferredAdvisorKind!: string | null;
}

export class CasesView {
  @ApiProperty({ type: [CaseOverviewView] }) cases!: CaseOverviewView[];
}

export class AttentionView {
  @ApiProperty({ type: [CaseOverviewView] }) waitingForAssignment!: CaseOverviewView[];
  @ApiProperty({ type: [CaseOverviewView] }) handoverPending!: CaseOverviewView[];
  @ApiProperty({ type: [CaseOverviewView], description: 'No longer an advisor of this agency who can act' })
  advisorCannotAct!: CaseOverviewView[];
}

/** A case offered to this advisor by a colleague, waiting for their answer. */
export class OfferedHandoverView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() theme!: string;
  @ApiProperty(DATE_TIME) receivedAt!: string;
}

export class HandoversView {
  @ApiProperty({ type: [OfferedHandoverView] }) handovers!: OfferedHandoverView[];
}

/** One legal deadline: `metAt` once met (or met late: missed), `stoppedAt` when nothing is owed any more. */
export class DeadlineStateView {
  @ApiProperty({ enum: DEADLINES }) deadline!: Deadline;
  @ApiProperty(DATE_TIME) dueAt!: string;
  @ApiProperty({ enum: DEADLINE_STATES }) state!: (typeof DEADLINE_STATES)[number];
  @ApiPropertyOptional(DATE_TIME) metAt?: string;
  @ApiPropertyOptional(DATE_TIME) stoppedAt?: string;
}

export class CaseDeadlinesView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ ...NULLABLE_STRING, format: 'uuid' }) advisorId!: string | null;
  @ApiProperty({ enum: REGIMES, description: '`wbk`: the law; `service-standard`: the agency’s own promise' }) regime!: Regime;
  @ApiProperty({ type: DeadlineStateView }) acknowledgement!: DeadlineStateView;
  @ApiProperty({ type: DeadlineStateView }) feedback!: DeadlineStateView;
}

export class DeadlinesView {
  @ApiProperty({ type: [CaseDeadlinesView] }) deadlines!: CaseDeadlinesView[];
}

export class StateCounts {
  @ApiProperty() met!: number;
  @ApiProperty() missed!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() stopped!: number;
}

export class DeadlineCounts {
  @ApiProperty({ type: StateCounts }) acknowledgement!: StateCounts;
  @ApiProperty({ type: StateCounts }) feedback!: StateCounts;
}

export class RegimeCounts {
  @ApiProperty({ type: DeadlineCounts }) wbk!: DeadlineCounts;
  @ApiProperty({ type: DeadlineCounts }) 'service-standard'!: DeadlineCounts;
}

export class PeriodView {
  @ApiPropertyOptional({ format: 'date', description: 'Amsterdam day, included' }) from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Amsterdam day, included' }) to?: string;
}

export class ComplianceView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiPropertyOptional({ type: PeriodView, description: 'Present when the deadlines counted were limited to days' })
  period?: PeriodView;
  @ApiProperty({ type: RegimeCounts }) counts!: RegimeCounts;
}

export class RetentionView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: none set, no case is erased by time' })
  monthsAfterClosure!: number | null;
}
