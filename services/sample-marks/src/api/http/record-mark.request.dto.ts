import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { MARK_TOPICS, type MarkTopic } from '../../domain/mark/mark.events';

export class RecordMarkRequest {
  @ApiProperty({ enum: MARK_TOPICS })
  @IsIn(MARK_TOPICS)
  topic!: MarkTopic;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  weight!: number;

  @ApiProperty({ description: 'Free text: sealed before it is stored, read back only by its advisor', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  remark!: string;
}
