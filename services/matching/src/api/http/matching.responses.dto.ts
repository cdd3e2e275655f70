// What the matching service answers, for its OpenAPI document (and so the portal's generated types). Where a read
// already returns these shapes the handler declares the class as its return type, so an answer that loses or
// retypes a documented field does not compile.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { MATCH_TIERS } from '@vertrouwd/contracts';
import { EXCLUSIONS } from '../../domain/match/match-rules';

const NULLABLE_STRING: ApiPropertyOptions = { type: String, nullable: true };
const NULLABLE_UUID: ApiPropertyOptions = { ...NULLABLE_STRING, format: 'uuid' };
const DATE_TIME: ApiPropertyOptions = { type: String, format: 'date-time' };

export class AgencySettingsView {
  @ApiProperty({ description: 'Cases may go to counsellors of the whole agency when none of the organisation can act' })
  poolMatching!: boolean;
  @ApiProperty({ type: [String] }) languages!: string[];
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty(NULLABLE_STRING) name!: string | null;
  @ApiProperty({ enum: ['active', 'suspended'] }) status!: 'active' | 'suspended';
  @ApiProperty({ type: AgencySettingsView }) settings!: AgencySettingsView;
  @ApiProperty() coordinators!: number;
  @ApiProperty({ description: 'Active counsellors' }) counsellors!: number;
  @ApiProperty() organisations!: number;
  @ApiProperty(DATE_TIME) registeredAt!: string;
  @ApiPropertyOptional({ description: "Goes up with every change of the agency's record; also its ETag" }) version?: number;
}

export class AgenciesView {
  @ApiProperty({ type: [AgencyView] }) agencies!: AgencyView[];
}

export class AbsenceView {
  @ApiProperty({ format: 'uuid' }) absenceId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) until!: string;
  @ApiProperty(NULLABLE_UUID) substituteId!: string | null;
}

export class ConflictView {
  @ApiProperty({ format: 'uuid' }) conflictId!: string;
  @ApiProperty(NULLABLE_UUID) organisationId!: string | null;
  @ApiProperty(NULLABLE_UUID) caseId!: string | null;
  @ApiProperty({ format: 'date' }) reviewBy!: string;
}

export class CounsellorView {
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty() username!: string;
  @ApiProperty(NULLABLE_STRING) name!: string | null;
  @ApiProperty(NULLABLE_STRING) introduction!: string | null;
  @ApiProperty({ enum: ['active', 'inactive'] }) status!: 'active' | 'inactive';
  @ApiProperty({ enum: ['external', 'internal'] }) kind!: 'external' | 'internal';
  @ApiProperty({ ...NULLABLE_UUID, description: 'The organisation of an internal counsellor' }) organisationId!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() gender!: string;
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ type: [String] }) specialisms!: string[];
  @ApiProperty() capacityCases!: number;
  @ApiProperty() capacityHoursPerWeek!: number;
  @ApiProperty() openCases!: number;
  @ApiProperty({ description: "Goes up with every change of the counsellor's record" }) version!: number;
  @ApiProperty({ type: [AbsenceView] }) absences!: AbsenceView[];
  @ApiProperty({ type: [ConflictView] }) conflicts!: ConflictView[];
}

export class CounsellorsView {
  @ApiProperty({ type: [CounsellorView] }) counsellors!: CounsellorView[];
}

export class HeadcountEntryView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty() headcount!: number;
}

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty(NULLABLE_STRING) name!: string | null;
  @ApiProperty() intakeCode!: string;
  @ApiProperty() kvkNumber!: string;
  @ApiProperty(NULLABLE_STRING) vatId!: string | null;
  @ApiProperty() sbiCode!: string;
  @ApiProperty({ description: 'The headcount in force today (Europe/Amsterdam)' }) headcount!: number;
  @ApiProperty({ format: 'date', description: 'The day the headcount in force holds from' }) headcountFrom!: string;
  @ApiProperty({ description: 'The Wbk obliges a reporting procedure: 50 or more employees today' }) wbkObliged!: boolean;
  @ApiProperty({ description: 'The pending bill would oblige a counsellor: 10 or more employees today' }) pendingBillObliged!: boolean;
  @ApiProperty({ type: [HeadcountEntryView], description: 'Changes dated after today, each in force from its day' })
  scheduledHeadcounts!: HeadcountEntryView[];
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty(NULLABLE_UUID) primaryCounsellorId!: string | null;
  @ApiProperty(NULLABLE_UUID) substituteCounsellorId!: string | null;
  @ApiProperty({ type: [String] }) internalCounsellorIds!: string[];
  @ApiProperty() version!: number;
}

export class OrganisationsView {
  @ApiProperty({ type: [OrganisationView] }) organisations!: OrganisationView[];
}

export class AppointmentEntryView {
  @ApiProperty(NULLABLE_UUID) primaryId!: string | null;
  @ApiProperty(NULLABLE_UUID) substituteId!: string | null;
  @ApiProperty({ type: [String] }) internalIds!: string[];
  @ApiProperty() appointedBy!: string;
  @ApiProperty(DATE_TIME) appointedAt!: string;
}

/** The agreement's terms as recorded with that version (`termUntil` absent: open-ended). */
export class AgreementTermsView {
  @ApiPropertyOptional({ type: [String] }) tasks?: string[];
  @ApiPropertyOptional({ type: [String] }) powers?: string[];
  @ApiPropertyOptional({ type: [String] }) recorded?: string[];
  @ApiPropertyOptional({ format: 'date' }) termFrom?: string;
  @ApiPropertyOptional({ format: 'date' }) termUntil?: string;
  @ApiPropertyOptional() reportsToOrganisation?: string;
  @ApiPropertyOptional({ format: 'date' }) signedOn?: string;
}

export class AgreementVersionView {
  @ApiProperty() version!: number;
  @ApiProperty({ type: AgreementTermsView }) agreement!: AgreementTermsView;
  @ApiProperty(DATE_TIME) versionedAt!: string;
}

export class OrganisationDetailView extends OrganisationView {
  @ApiProperty({ type: [HeadcountEntryView] }) headcountHistory!: HeadcountEntryView[];
  @ApiProperty({ type: [AppointmentEntryView] }) appointmentHistory!: AppointmentEntryView[];
  @ApiProperty({ type: [AgreementVersionView] }) agreements!: AgreementVersionView[];
}

export class EngagementView {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty(NULLABLE_STRING) description!: string | null;
}

export class PageVisitsView {
  @ApiProperty({ format: 'date' }) day!: string;
  @ApiProperty() visits!: number;
}

export class EngagementsView {
  @ApiProperty({ type: [EngagementView] }) engagements!: EngagementView[];
  @ApiProperty({ type: [PageVisitsView], description: 'Visits to the intake page per day, newest first' })
  pageVisits!: PageVisitsView[];
}

/** The counsellor's own record, the organisations they serve and the engagements they recorded. */
export class MyRecordView extends CounsellorView {
  @ApiProperty({ type: [OrganisationView] }) serves!: OrganisationView[];
  @ApiProperty({ type: [EngagementView] }) engagements!: EngagementView[];
}

export class ColleagueView {
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty(NULLABLE_STRING) name!: string | null;
}

export class ColleaguesView {
  @ApiProperty({ type: [ColleagueView] }) colleagues!: ColleagueView[];
}

export class ScorePartsView {
  @ApiProperty() specialism!: number;
  @ApiProperty() languages!: number;
  @ApiProperty() region!: number;
  @ApiProperty() load!: number;
}

/** One candidate's verdict: the tier it was considered in, the hard rules that left it out, its score's parts. */
export class VerdictView {
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty({ enum: MATCH_TIERS }) tier!: string;
  @ApiProperty({ enum: EXCLUSIONS, isArray: true }) excludedBy!: string[];
  @ApiPropertyOptional() score?: number;
  @ApiPropertyOptional({ type: ScorePartsView }) parts?: ScorePartsView;
}

export class ChosenView {
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty({ enum: MATCH_TIERS }) tier!: string;
}

export class PoolView {
  @ApiProperty() considered!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Counsellors left out, per rule' })
  excluded!: Record<string, number>;
  @ApiProperty({ type: [VerdictView], description: 'The best scored, at most five' }) best!: VerdictView[];
}

export class MatchExplanationView {
  @ApiProperty() ruleSet!: string;
  @ApiPropertyOptional({ type: ChosenView }) chosen?: ChosenView;
  @ApiProperty() considered!: number;
  @ApiProperty({ type: [VerdictView] }) named!: VerdictView[];
  @ApiProperty({ type: PoolView }) pool!: PoolView;
}

export class WindowView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) until!: string;
}

/** What the case asked of matching: never what the reporter wrote. */
export class MatchRequestView {
  @ApiProperty() language!: string;
  @ApiProperty() preferredGender!: string;
  @ApiProperty() preferredKind!: string;
  @ApiProperty(NULLABLE_UUID) preferredCounsellorId!: string | null;
  @ApiProperty({ type: WindowView }) acknowledgementWindow!: WindowView;
  @ApiProperty({ type: [String] }) declinedIds!: string[];
}

export class DeclinedView {
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty() conflictWith!: string;
}

/** One round of a case's matching: metadata only; `request` and `explanation` only for one case's rounds. */
export class MatchRoundView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ enum: ['matched', 'no-counsellor-available'] }) outcome!: 'matched' | 'no-counsellor-available';
  @ApiProperty(NULLABLE_UUID) counsellorId!: string | null;
  @ApiProperty(NULLABLE_STRING) tier!: string | null;
  @ApiProperty(NULLABLE_STRING) reason!: string | null;
  @ApiProperty(DATE_TIME) decidedAt!: string;
  @ApiProperty({ type: DeclinedView, nullable: true }) declined!: DeclinedView | null;
  @ApiPropertyOptional({ type: MatchRequestView }) request?: MatchRequestView;
  @ApiPropertyOptional({ type: MatchExplanationView }) explanation?: MatchExplanationView;
}

export class MatchesView {
  @ApiProperty({ type: [MatchRoundView] }) matches!: MatchRoundView[];
}

export class CaseMatchView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [MatchRoundView] }) rounds!: MatchRoundView[];
}

export class OrganisationNameView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: 'null: erased' }) name!: string | null;
}

export class OrganisationNamesView {
  @ApiProperty({ type: [OrganisationNameView] }) organisations!: OrganisationNameView[];
}

// What a write answers: the ids it made, or what it decided.

export class AgencyRegisteredView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
}

export class CoordinatorAppointedView {
  @ApiProperty({ description: "The coordinator's account at the identity provider" }) userId!: string;
}

export class CounsellorOnboardedView {
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty({ description: "The counsellor's account at the identity provider" }) userId!: string;
}

export class AbsenceRecordedView {
  @ApiProperty({ format: 'uuid' }) absenceId!: string;
}

export class ConflictDeclaredView {
  @ApiProperty({ format: 'uuid' }) conflictId!: string;
}

export class EngagementRecordedView {
  @ApiProperty({ format: 'uuid' }) activityId!: string;
}

export class OrganisationRegisteredView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
}

export class AgreementVersionedView {
  @ApiProperty({ type: Number, description: 'The version this agreement now has' }) version!: number;
}

export class AppointmentScoreView {
  @ApiProperty({ format: 'uuid' }) counsellorId!: string;
  @ApiProperty({ type: Number }) score!: number;
  @ApiPropertyOptional({
    enum: ['inactive', 'internal', 'conflict-organisation', 'language'],
    description: 'Why the counsellor cannot serve it',
  })
  excludedBy?: 'inactive' | 'internal' | 'conflict-organisation' | 'language';
}

export class AppointmentProposalView {
  @ApiProperty({
    type: [AppointmentScoreView],
    description: "How each of the agency's counsellors scored for this organisation; the best two are appointed",
  })
  scores!: AppointmentScoreView[];
}
