import { ApiProperty } from '@nestjs/swagger';
import { PlainText } from '@vertrouwd/http';
import { IsString, MaxLength } from 'class-validator';

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
