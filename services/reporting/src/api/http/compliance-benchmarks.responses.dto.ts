// What the reporting service answers about compliance and benchmarks (ADR 0035), for its OpenAPI document. The
// handlers declare these classes as their return types: an answer that loses or retypes a documented field does not
// compile.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { THEMES } from '@vertrouwd/contracts';
import type { SuppressionReason } from '../../domain/benchmarks/benchmark-rules';
import { SBI_SECTIONS, type SbiSection } from '../../domain/benchmarks/sbi-sections';
import { COMPLIANCE_REASONS, type ComplianceReason } from '../../domain/compliance/compliance';

const NULLABLE_STRING: ApiPropertyOptions = { type: String, nullable: true };
const NULLABLE_DATE: ApiPropertyOptions = { ...NULLABLE_STRING, format: 'date' };
const SUPPRESSION_REASONS: SuppressionReason[] = [
  'fewer-than-k-cases',
  'too-few-organisations',
  'one-organisation-dominates',
  'too-little-room',
  'complementary',
];
const SECTIONS = SBI_SECTIONS.map((s) => s.section);

export class WbkDutyView {
  @ApiProperty() applies!: boolean;
  @ApiProperty() reportingProcedureRequired!: boolean;
  @ApiProperty() threshold!: number;
}

export class PendingBillDutyView {
  @ApiProperty() applies!: boolean;
  @ApiProperty() counsellorRequired!: boolean;
  @ApiProperty() threshold!: number;
}

export class DutiesView {
  @ApiProperty({ type: WbkDutyView }) wbk!: WbkDutyView;
  @ApiProperty({ type: PendingBillDutyView }) pendingBill!: PendingBillDutyView;
}

export class CounsellorCoverView {
  @ApiProperty() appointed!: boolean;
  @ApiProperty() primary!: boolean;
  @ApiProperty() substitute!: boolean;
  @ApiProperty({ description: 'How many internal counsellors' }) internal!: number;
}

export class AgreementView {
  @ApiProperty() inForce!: boolean;
  @ApiProperty(NULLABLE_DATE) startsOn!: string | null;
  @ApiProperty(NULLABLE_DATE) endsOn!: string | null;
}

export class DeadlineCountsView {
  @ApiProperty() met!: number;
  @ApiProperty() missed!: number;
  @ApiProperty() open!: number;
}

export class DeadlineCountsPerDeadlineView {
  @ApiProperty({ type: DeadlineCountsView }) acknowledgement!: DeadlineCountsView;
  @ApiProperty({ type: DeadlineCountsView }) feedback!: DeadlineCountsView;
}

export class DeadlineCountsPerRegimeView {
  @ApiProperty({ type: DeadlineCountsPerDeadlineView }) wbk!: DeadlineCountsPerDeadlineView;
  @ApiProperty({ type: DeadlineCountsPerDeadlineView }) 'service-standard'!: DeadlineCountsPerDeadlineView;
}

class ComplianceBaseView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'date', description: 'The day the appointment and the agreement are judged on' }) referenceDay!: string;
  @ApiProperty({ type: Number, nullable: true }) headcount!: number | null;
  @ApiProperty({ type: DutiesView }) duties!: DutiesView;
  @ApiProperty({ type: CounsellorCoverView }) counsellor!: CounsellorCoverView;
  @ApiProperty({ type: AgreementView }) agreement!: AgreementView;
  @ApiProperty({ enum: ['compliant', 'attention'] }) state!: 'compliant' | 'attention';
  @ApiProperty({ enum: COMPLIANCE_REASONS, isArray: true }) reasons!: ComplianceReason[];
}

/** The agency's view: true counts per regime and deadline. */
export class ComplianceView extends ComplianceBaseView {
  @ApiProperty({ type: DeadlineCountsPerRegimeView }) deadlines!: DeadlineCountsPerRegimeView;
}

export class EmployerDeadlineView {
  @ApiProperty({ type: Number, nullable: true, description: 'Whole per cent of the decided deadlines that were met' })
  metPercent!: number | null;
  @ApiProperty({ enum: ['fewer-than-k'], nullable: true, description: 'null when shown' }) suppressed!: 'fewer-than-k' | null;
}

export class EmployerDeadlinesPerDeadlineView {
  @ApiProperty({ type: EmployerDeadlineView }) acknowledgement!: EmployerDeadlineView;
  @ApiProperty({ type: EmployerDeadlineView }) feedback!: EmployerDeadlineView;
}

export class EmployerDeadlinesPerRegimeView {
  @ApiProperty({ type: EmployerDeadlinesPerDeadlineView }) wbk!: EmployerDeadlinesPerDeadlineView;
  @ApiProperty({ type: EmployerDeadlinesPerDeadlineView }) 'service-standard'!: EmployerDeadlinesPerDeadlineView;
}

/** The employer's view: no counts, the share met only where at least k deadlines were decided. */
export class EmployerComplianceView extends ComplianceBaseView {
  @ApiProperty() k!: number;
  @ApiProperty({ type: EmployerDeadlinesPerRegimeView }) deadlines!: EmployerDeadlinesPerRegimeView;
}

export class BenchmarkRulesView {
  @ApiProperty() k!: number;
  @ApiProperty() minOrganisations!: number;
  @ApiProperty() maxSharePercent!: number;
}

/** A benchmark cell: reports per 100 employees as a decimal string, or null and why it is not shown. */
export class BenchmarkCellView {
  @ApiProperty(NULLABLE_STRING) reportsPer100!: string | null;
  @ApiProperty({ enum: SUPPRESSION_REASONS, nullable: true }) suppressed!: SuppressionReason | null;
}

export class SectorBenchmarkView extends BenchmarkCellView {
  @ApiProperty({ enum: SECTIONS, description: 'SBI section' }) sector!: SbiSection;
}

export class ThemeBenchmarkView extends BenchmarkCellView {
  @ApiProperty({ enum: THEMES }) theme!: (typeof THEMES)[number];
}

export class AgencyBenchmarksView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: BenchmarkRulesView }) rules!: BenchmarkRulesView;
  @ApiProperty({ type: BenchmarkCellView }) agency!: BenchmarkCellView;
  @ApiProperty({ type: [SectorBenchmarkView] }) sectors!: SectorBenchmarkView[];
  @ApiProperty({ type: [ThemeBenchmarkView] }) themes!: ThemeBenchmarkView[];
}

export class OwnRateView {
  @ApiProperty(NULLABLE_STRING) reportsPer100!: string | null;
  @ApiProperty({ enum: ['not-published'], nullable: true }) suppressed!: 'not-published' | null;
}

export class OrganisationBenchmarksView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: BenchmarkRulesView }) rules!: BenchmarkRulesView;
  @ApiProperty({ type: OwnRateView }) own!: OwnRateView;
  @ApiProperty({ type: BenchmarkCellView }) agency!: BenchmarkCellView;
  @ApiProperty({ type: SectorBenchmarkView, nullable: true }) sector!: SectorBenchmarkView | null;
  @ApiProperty({ type: [ThemeBenchmarkView] }) themes!: ThemeBenchmarkView[];
}

export class RuleBoundView {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class RuleBoundsView {
  @ApiProperty({ type: RuleBoundView }) k!: RuleBoundView;
  @ApiProperty({ type: RuleBoundView }) minOrganisations!: RuleBoundView;
  @ApiProperty({ type: RuleBoundView }) maxSharePercent!: RuleBoundView;
}

export class RulesChangeView extends BenchmarkRulesView {
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

/** The agency's disclosure rules (ADR 0063), what each may be set to, and every change, oldest first. */
export class DisclosureRulesView extends BenchmarkRulesView {
  @ApiProperty({ type: RuleBoundsView, description: 'What each rule may be set to: never laxer than the default' })
  bounds!: RuleBoundsView;
  @ApiProperty({ type: [RulesChangeView] }) changes!: RulesChangeView[];
  @ApiPropertyOptional({ description: 'Goes up with every change, once the agency set rules; also the ETag of the read' })
  version?: number;
}
