import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlainText } from '@vertrouwd/http';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateBy,
} from 'class-validator';
import { amsterdamToday } from '@vertrouwd/domain';
import { COUNSELLOR_GENDERS, COUNSELLOR_KINDS, COUNSELLOR_ROLES, ENGAGEMENT_KINDS, REGIONS, SPECIALISMS } from '@vertrouwd/contracts';
import {
  AGREEMENT_POWERS,
  AGREEMENT_RECORDS,
  AGREEMENT_TASKS,
  REPORT_FREQUENCIES,
  type AgreementPower,
  type AgreementRecord,
  type AgreementTask,
  type CounsellorGender,
  type CounsellorKind,
  type CounsellorRole,
  type EngagementKind,
  type Region,
  type Specialism,
} from '../../domain/directory/directory.values';
import { HEADCOUNT_MAX_DAYS_AHEAD } from '../../domain/directory/headcount-history';

// Request bodies: validated at the edge (400 naming the field and the rule, never the value).

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const LANGUAGE = /^[a-z]{2}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,62}$/;
const DAY = { format: 'date', example: '2027-01-04' };

function Day(): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true })(target, key);
    Length(10, 10)(target, key);
  };
}

/** A day at most `days` after today in the Netherlands (rule `maxDaysAhead`): a later one is a typing error, not a plan. */
function AtMostDaysAhead(days: number): PropertyDecorator {
  return ValidateBy({
    name: 'maxDaysAhead',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || value <= amsterdamToday(days),
      defaultMessage: (args) => `${args?.property ?? 'day'} must be at most ${days} days after today (Europe/Amsterdam)`,
    },
  });
}

export class AgencySettingsRequest {
  @ApiProperty({ description: "Whether a case may go to the agency's pool when the organisation's own counsellors cannot take it" })
  @IsBoolean()
  poolMatching!: boolean;
  @ApiProperty({ type: [String], example: ['nl', 'en'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(LANGUAGE, { each: true, message: 'languages must be ISO 639-1 codes' })
  languages!: string[];
}

export class RegisterAgencyRequest extends AgencySettingsRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the client, so a retry creates nothing twice' })
  @IsOptional()
  @IsUUID()
  @NotEquals(NIL_UUID)
  agencyId?: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) @PlainText({ lines: 'many' }) name!: string;
}

export class StaffAccountRequest {
  @ApiProperty({ pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3–63 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;
  @ApiProperty({ format: 'email', maxLength: 254 }) @IsEmail() @MaxLength(254) email!: string;
}

export class CounsellorProfileRequest {
  @ApiProperty({ maxLength: 200, description: 'Public: employees find their counsellor by name' })
  @IsString()
  @Length(1, 200)
  @PlainText({ lines: 'many' })
  name!: string;
  @ApiPropertyOptional({ maxLength: 2000, description: 'Public: shown on the intake page' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  @PlainText({ lines: 'many' })
  introduction?: string;
  @ApiProperty({ enum: COUNSELLOR_KINDS }) @IsIn(COUNSELLOR_KINDS) kind!: CounsellorKind;
  @ApiPropertyOptional({
    format: 'uuid',
    description: "An internal counsellor's own organisation (required for internal, refused for external)",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiProperty({ enum: COUNSELLOR_ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(COUNSELLOR_ROLES, { each: true })
  roles!: CounsellorRole[];
  @ApiProperty({ type: [String], example: ['nl', 'en'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(LANGUAGE, { each: true, message: 'languages must be ISO 639-1 codes' })
  languages!: string[];
  @ApiProperty({ enum: COUNSELLOR_GENDERS }) @IsIn(COUNSELLOR_GENDERS) gender!: CounsellorGender;
  @ApiProperty({ enum: REGIONS, isArray: true }) @ArrayMaxSize(12) @ArrayUnique() @IsIn(REGIONS, { each: true }) regions!: Region[];
  @ApiProperty({ enum: SPECIALISMS, isArray: true })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIn(SPECIALISMS, { each: true })
  specialisms!: Specialism[];
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 200, description: 'Open cases at most' })
  @IsInt()
  @Min(0)
  @Max(200)
  capacityCases!: number;
  @ApiProperty({ minimum: 0, maximum: 60, description: 'Hours of case work per week at most' })
  @IsInt()
  @Min(0)
  @Max(60)
  capacityHoursPerWeek!: number;
}

export class OnboardCounsellorRequest extends CounsellorProfileRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the client, so a retry onboards nobody twice' })
  @IsOptional()
  @IsUUID()
  @NotEquals(NIL_UUID)
  counsellorId?: string;
  @ApiProperty({ pattern: USERNAME.source })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3–63 lower-case letters, digits, dots, dashes or underscores' })
  username!: string;
  @ApiProperty({ format: 'email', maxLength: 254 }) @IsEmail() @MaxLength(254) email!: string;
}

export class AbsenceRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Chosen by the client, so a retry records nothing twice; the same id with other days or stand-in is 409',
  })
  @IsOptional()
  @IsUUID()
  absenceId?: string;
  @ApiProperty(DAY) @Day() from!: string;
  @ApiProperty(DAY) @Day() until!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Who stands in for them meanwhile' })
  @IsOptional()
  @IsUUID()
  @NotEquals(NIL_UUID)
  substituteId?: string;
}

export class ConflictRequest {
  @ApiProperty({ format: 'uuid', description: 'The organisation the conflict of interest is with' }) @IsUUID() organisationId!: string;
  @ApiPropertyOptional({ ...DAY, description: 'When the declaration is reviewed; a year from now by default' })
  @IsOptional()
  @Day()
  reviewBy?: string;
}

export class OrganisationDetailsRequest {
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) @PlainText({ lines: 'many' }) name!: string;
  @ApiProperty({ pattern: '^[a-z0-9][a-z0-9-]{2,62}$', description: "The code in the organisation's intake page address" })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{2,62}$/, { message: 'intakeCode must be 3–63 lower-case letters, digits or dashes' })
  intakeCode!: string;
  @ApiProperty({ pattern: '^[0-9]{8}$', description: 'Chamber of Commerce (KvK) number' })
  @IsString()
  @Matches(/^[0-9]{8}$/, { message: 'kvkNumber must be 8 digits' })
  kvkNumber!: string;
  @ApiPropertyOptional({ pattern: '^NL[0-9]{9}B[0-9]{2}$', description: 'VAT id, for invoices' })
  @IsOptional()
  @IsString()
  @Matches(/^NL[0-9]{9}B[0-9]{2}$/, { message: 'vatId must be a Dutch VAT id (NL, 9 digits, B, 2 digits)' })
  vatId?: string;
  @ApiProperty({ pattern: '^[0-9]{2,5}$', description: 'Sector (SBI code)' })
  @IsString()
  @Matches(/^[0-9]{2,5}$/, { message: 'sbiCode must be 2 to 5 digits' })
  sbiCode!: string;
  @ApiProperty({ enum: REGIONS, isArray: true, description: 'Where its sites are' })
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ArrayUnique()
  @IsIn(REGIONS, { each: true })
  regions!: Region[];
  @ApiProperty({ type: [String], description: 'Languages of the workforce' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(LANGUAGE, { each: true, message: 'languages must be ISO 639-1 codes' })
  languages!: string[];
}

export class RegisterOrganisationRequest extends OrganisationDetailsRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the client, so a retry registers nothing twice' })
  @IsOptional()
  @IsUUID()
  @NotEquals(NIL_UUID)
  organisationId?: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 }) @IsInt() @Min(1) @Max(1_000_000) headcount!: number;
  @ApiPropertyOptional({ ...DAY, description: 'From when the headcount holds; today by default, at most a year (365 days) ahead' })
  @IsOptional()
  @Day()
  @AtMostDaysAhead(HEADCOUNT_MAX_DAYS_AHEAD)
  headcountFrom?: string;
}

export class HeadcountRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000 }) @IsInt() @Min(1) @Max(1_000_000) headcount!: number;
  @ApiProperty({
    ...DAY,
    description:
      'From when the headcount holds: a past day back to the one in force today, today, or a scheduled day at most a year (365 days) ahead',
  })
  @Day()
  @AtMostDaysAhead(HEADCOUNT_MAX_DAYS_AHEAD)
  from!: string;
}

export class AppointmentRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() @NotEquals(NIL_UUID) primaryId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() @NotEquals(NIL_UUID) substituteId!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: "The organisation's own internal counsellors" })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  internalIds!: string[];
}

export class AgreementRequest {
  @ApiProperty({ enum: AGREEMENT_TASKS, isArray: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsIn(AGREEMENT_TASKS, { each: true })
  tasks!: AgreementTask[];
  @ApiProperty({ enum: AGREEMENT_POWERS, isArray: true })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsIn(AGREEMENT_POWERS, { each: true })
  powers!: AgreementPower[];
  @ApiProperty({ enum: AGREEMENT_RECORDS, isArray: true })
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsIn(AGREEMENT_RECORDS, { each: true })
  recorded!: AgreementRecord[];
  @ApiProperty(DAY) @Day() termFrom!: string;
  @ApiPropertyOptional(DAY) @IsOptional() @Day() termUntil?: string;
  @ApiProperty({ enum: REPORT_FREQUENCIES }) @IsIn(REPORT_FREQUENCIES) reportsToOrganisation!: 'annual' | 'semi-annual' | 'quarterly';
  @ApiProperty(DAY) @Day() signedOn!: string;
}

export class EngagementRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Chosen by the client, so a retry records nothing twice' })
  @IsOptional()
  @IsUUID()
  activityId?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() @NotEquals(NIL_UUID) counsellorId!: string;
  @ApiProperty({ enum: ENGAGEMENT_KINDS }) @IsIn(ENGAGEMENT_KINDS) kind!: EngagementKind;
  @ApiProperty(DAY) @Day() on!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) minutes!: number;
  @ApiProperty({ maxLength: 500, description: 'Public: what was done (no names)' })
  @IsString()
  @Length(1, 500)
  @PlainText({ lines: 'many' })
  description!: string;
}

export class OwnEngagementRequest {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() activityId?: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiProperty({ enum: ENGAGEMENT_KINDS }) @IsIn(ENGAGEMENT_KINDS) kind!: EngagementKind;
  @ApiProperty(DAY) @Day() on!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) minutes!: number;
  @ApiProperty({ maxLength: 500, description: 'Public: what was done (no names)' })
  @IsString()
  @Length(1, 500)
  @PlainText({ lines: 'many' })
  description!: string;
}
