import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompiledSchema, PlainText } from '@vertrouwd/http';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { ADVISOR_GENDERS, ADVISOR_KINDS, ANONYMITY, CONTACT_CHANNELS, REGIONS, RELATIONS, THEMES } from '@vertrouwd/contracts';
import { OUT_OF_SCOPE_THEMES } from '../../domain/report/report-scope';
import type { AdvisorGender, AdvisorKind, Anonymity, ContactChannel, Relation, Site } from '../../domain/report/report.events';
import type { SubmittableTheme } from '../../domain/report/report-scope';
import { CONSENT_VERSIONS, FORM_LANGUAGES, type FormLanguage } from '../../i18n/translations';
import { SUBMIT_REPORT_SCHEMA } from './submit-report.request.schema';

const SUBMITTABLE_THEMES: readonly SubmittableTheme[] = [...THEMES, ...OUT_OF_SCOPE_THEMES];

export class ContactRequest {
  @ApiProperty({ enum: CONTACT_CHANNELS }) @IsIn(CONTACT_CHANNELS) channel!: ContactChannel;

  @ApiPropertyOptional({
    description:
      "Required for, and accepted only with, the channel email (else 422 ContactForAnotherChannelError); sealed under the reporter's key",
    maxLength: 254,
  })
  @ValidateIf((c: ContactRequest) => c.channel === 'email' || c.email !== undefined)
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({
    description:
      "Required for, and accepted only with, the channel phone (else 422 ContactForAnotherChannelError); sealed under the reporter's key",
    maxLength: 32,
  })
  @ValidateIf((c: ContactRequest) => c.channel === 'phone' || c.phone !== undefined)
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,32}$/)
  phone?: string;
}

export class IdentityRequest {
  @ApiProperty({ description: 'How the counsellor may know you; sealed under your key', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @PlainText()
  name!: string;
}

export class PreferencesRequest {
  @ApiPropertyOptional({ enum: ADVISOR_GENDERS }) @IsOptional() @IsIn(ADVISOR_GENDERS) advisorGender?: AdvisorGender;
  @ApiPropertyOptional({ enum: ADVISOR_KINDS }) @IsOptional() @IsIn(ADVISOR_KINDS) advisorKind?: AdvisorKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A counsellor chosen by name on the intake page: the `counsellorId` of one the page lists, else 422',
  })
  @IsOptional()
  @IsUUID()
  counsellorId?: string;
}

/** Checked by its compiled schema (ADR 0057); the decorators below declare the same rules. */
@CompiledSchema(SUBMIT_REPORT_SCHEMA)
export class SubmitReportRequest {
  @ApiProperty({ enum: SUBMITTABLE_THEMES, description: '`workload` is answered as out of scope and not stored' })
  @IsIn(SUBMITTABLE_THEMES)
  theme!: SubmittableTheme;

  @ApiProperty({ enum: RELATIONS }) @IsIn(RELATIONS) relation!: Relation;

  @ApiPropertyOptional({
    enum: REGIONS,
    description: "The province of the organisation's site where you work: one of the page's `sites`, else 422 (optional)",
  })
  @IsOptional()
  @IsIn(REGIONS)
  site?: Site;

  @ApiProperty({ description: 'What happened, in your words: sealed before it is stored', maxLength: 20_000 })
  @IsString()
  @Length(1, 20_000)
  account!: string;

  @ApiProperty({ enum: ANONYMITY }) @IsIn(ANONYMITY) anonymity!: Anonymity;

  @ApiProperty({ type: ContactRequest }) @IsDefined() @ValidateNested() @Type(() => ContactRequest) contact!: ContactRequest;

  @ApiPropertyOptional({ type: IdentityRequest, description: 'Only when known to the counsellor' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityRequest)
  identity?: IdentityRequest;

  @ApiProperty({ enum: FORM_LANGUAGES }) @IsIn(FORM_LANGUAGES) language!: FormLanguage;

  @ApiPropertyOptional({ type: PreferencesRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreferencesRequest)
  preferences?: PreferencesRequest;

  @ApiProperty({
    enum: CONSENT_VERSIONS,
    description: 'The version of the consent text accepted: one that exists (GET /intake/consent-texts/:version)',
  })
  @IsIn(CONSENT_VERSIONS)
  consentVersion!: string;
}
