import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

// Request bodies: validated at the edge (400 naming the field and the rule, never the value).

/** Text meant for publication: printable, line breaks allowed, no other control characters, no lone surrogates. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const TEXT = /^(?:[^\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

export class NarrativeRequest {
  @ApiProperty({ maxLength: 4000, description: 'Signals for the board and works council (published as written)' })
  @IsString()
  @MaxLength(4000)
  @Matches(TEXT)
  signals!: string;
  @ApiProperty({ maxLength: 4000, description: 'Advice to the board and works council (published as written)' })
  @IsString()
  @MaxLength(4000)
  @Matches(TEXT)
  advice!: string;
}
