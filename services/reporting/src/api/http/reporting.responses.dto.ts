// What the reporting service answers about annual reports, for its OpenAPI document (and so the portal's generated
// types). The handlers declare these classes as their return types: an answer that loses or retypes a documented
// field does not compile.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';

const NULLABLE_NUMBER: ApiPropertyOptions = { type: Number, nullable: true };
const NULLABLE_STRING: ApiPropertyOptions = { type: String, nullable: true };
const SCHEMAS = ['vertrouwd.annual-report/1', 'vertrouwd.annual-report/2'] as const;
const ANY_JSON: ApiPropertyOptions = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
  nullable: true,
};

export class PublicationSummaryView {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Its number within the year, from 1' }) publication!: number;
  @ApiProperty({ format: 'date' }) publishedOn!: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical content' }) digest!: string;
}

export class PublicationsView {
  @ApiProperty({ type: [PublicationSummaryView] }) publications!: PublicationSummaryView[];
}

/** A cell of a published table: a suppressed cell has no value (null) and the reason it was left out. */
export class ReportCellView {
  @ApiProperty() key!: string;
  @ApiProperty(NULLABLE_NUMBER) value!: number | null;
  @ApiProperty({ ...NULLABLE_STRING, description: 'Why the value was left out; null when shown' }) reason!: string | null;
}

export class ReportTableView {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [ReportCellView] }) cells!: ReportCellView[];
}

export class ReportHoursView {
  @ApiProperty() activitiesMinutes!: number;
  @ApiProperty(NULLABLE_NUMBER) caseWorkMinutes!: number | null;
}

export class ReportActivityView {
  @ApiProperty() kind!: string;
  @ApiProperty() count!: number;
  @ApiProperty() minutes!: number;
}

export class ReportTrendView {
  @ApiProperty(NULLABLE_NUMBER) thisYear!: number | null;
  @ApiProperty(NULLABLE_NUMBER) lastYear!: number | null;
  @ApiProperty({ enum: ['up', 'down', 'same'], nullable: true }) direction!: 'up' | 'down' | 'same' | null;
}

export class SectorVisibilityView {
  @ApiProperty({ ...NULLABLE_STRING, description: 'SBI section' }) section!: string | null;
  @ApiProperty(NULLABLE_STRING) reportsPer100!: string | null;
}

export class ReportVisibilityView {
  @ApiProperty() low!: boolean;
  @ApiProperty({ type: [String] }) suggestions!: string[];
  @ApiProperty(NULLABLE_STRING) agencyReportsPer100!: string | null;
  @ApiPropertyOptional({ type: SectorVisibilityView, description: 'Absent in reports published before ADR 0035' })
  sector?: SectorVisibilityView;
}

export class ReportNarrativeView {
  @ApiProperty() signals!: string;
  @ApiProperty() advice!: string;
}

/** An annual report's content: what is signed when it is published (a draft: the same, not signed). */
export class ReportContentView {
  @ApiProperty({ enum: SCHEMAS }) schema!: (typeof SCHEMAS)[number];
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() publication!: number;
  @ApiProperty({ format: 'date' }) publishedOn!: string;
  @ApiProperty() k!: number;
  @ApiProperty() algorithm!: string;
  @ApiProperty({ description: "The version of the organisation's facts the figures were computed from" }) factsVersion!: number;
  @ApiProperty(NULLABLE_NUMBER) headcount!: number | null;
  @ApiProperty({ type: [ReportTableView] }) tables!: ReportTableView[];
  @ApiProperty({ type: ReportHoursView }) hours!: ReportHoursView;
  @ApiProperty({ type: [ReportActivityView] }) activities!: ReportActivityView[];
  @ApiProperty({ type: ReportTrendView }) trend!: ReportTrendView;
  @ApiProperty({ type: ReportVisibilityView }) visibility!: ReportVisibilityView;
  @ApiProperty({ type: ReportNarrativeView }) narrative!: ReportNarrativeView;
}

export class PublishedReportView extends ReportContentView {
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical content (RFC 8785)' }) digest!: string;
  @ApiProperty({ description: 'Ed25519 signature of the digest, base64; verify with GET /report-signing-keys' }) signature!: string;
}

export class NarrativeWarningView {
  @ApiProperty({ enum: ['signals', 'advice'] }) field!: 'signals' | 'advice';
  @ApiProperty({ enum: ['name-like', 'small-number'] }) rule!: 'name-like' | 'small-number';
  @ApiProperty({ description: 'Character offset in the field' }) at!: number;
}

export class NarrativeWarningsView {
  @ApiProperty({ type: [NarrativeWarningView] }) warnings!: NarrativeWarningView[];
}

export class ReproductionDifferenceView {
  @ApiProperty() path!: string;
  @ApiProperty({ ...ANY_JSON, description: 'As published' }) published!: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'As reproduced' }) reproduced!: unknown;
}

export class ReproductionView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() publication!: number;
  @ApiProperty() publishedDigest!: string;
  @ApiProperty() reproducedDigest!: string;
  @ApiProperty() same!: boolean;
  @ApiProperty({ type: [ReproductionDifferenceView] }) differences!: ReproductionDifferenceView[];
  @ApiProperty({ description: 'Events after the cut-off the reproduction left out' }) factsAfterCutOff!: number;
}

export class SigningJwkView {
  @ApiProperty({ enum: ['OKP'] }) kty!: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv!: 'Ed25519';
  @ApiProperty() x!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ enum: ['EdDSA'] }) alg!: 'EdDSA';
  @ApiProperty({ enum: ['sig'] }) use!: 'sig';
}

export class SignatureSchemeView {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'What is signed' }) message!: string;
  @ApiProperty({ enum: ['base64'] }) encoding!: 'base64';
  @ApiProperty() digest!: string;
}

export class ReportSigningKeysView {
  @ApiProperty({ type: [SigningJwkView], description: 'The key as a JWK set (RFC 7517/8037)' }) keys!: SigningJwkView[];
  @ApiProperty({ description: 'The same key as PEM (SPKI)' }) pem!: string;
  @ApiProperty({ type: SignatureSchemeView }) signature!: SignatureSchemeView;
}

/** A publication just made: its number, and the digest and signature an auditor reproduces it to. */
export class PublishedView {
  @ApiProperty({ description: 'Its number within the year, from 1' }) publication!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the canonical content' }) digest!: string;
  @ApiProperty({ description: "The agency's signature over the digest" }) signature!: string;
}
