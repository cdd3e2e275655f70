import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PlainText } from '@vertrouwd/http';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { RULE_BOUNDS } from '../../domain/disclosure-rules/disclosure-rules.aggregate';

// Request bodies: validated at the edge (400 naming the field and the rule, never the value).

export class NarrativeRequest {
  @ApiProperty({ maxLength: 4000, description: 'Signals for the board and works council (published as written)' })
  @IsString()
  @MaxLength(4000)
  @PlainText({ lines: 'many' })
  signals!: string;
  @ApiProperty({ maxLength: 4000, description: 'Advice to the board and works council (published as written)' })
  @IsString()
  @MaxLength(4000)
  @PlainText({ lines: 'many' })
  advice!: string;
}

/** The agency's disclosure rules: only stricter than the defaults (ADR 0063). */
export class DisclosureRulesRequest {
  @ApiProperty({
    minimum: RULE_BOUNDS.k.min,
    maximum: RULE_BOUNDS.k.max,
    description: 'A published cell with fewer than k cases is left blank (reports and benchmarks); 5 at least',
  })
  @IsInt()
  @Min(RULE_BOUNDS.k.min)
  @Max(RULE_BOUNDS.k.max)
  k!: number;
  @ApiPropertyOptional({
    minimum: RULE_BOUNDS.minOrganisations.min,
    maximum: RULE_BOUNDS.minOrganisations.max,
    default: RULE_BOUNDS.minOrganisations.min,
    description: 'A benchmark cell needs a case of at least this many organisations',
  })
  @IsOptional()
  @IsInt()
  @Min(RULE_BOUNDS.minOrganisations.min)
  @Max(RULE_BOUNDS.minOrganisations.max)
  minOrganisations?: number;
  @ApiPropertyOptional({
    minimum: RULE_BOUNDS.maxSharePercent.min,
    maximum: RULE_BOUNDS.maxSharePercent.max,
    default: RULE_BOUNDS.maxSharePercent.max,
    description: "No organisation may have more than this share (per cent) of a benchmark cell's cases",
  })
  @IsOptional()
  @IsInt()
  @Min(RULE_BOUNDS.maxSharePercent.min)
  @Max(RULE_BOUNDS.maxSharePercent.max)
  maxSharePercent?: number;
}
