import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsISO8601, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class FollowUpRequest {
  @ApiProperty({ example: 'ABCD-EFGH-JKMN-PQRS-TVWX', description: 'Case, spaces and dashes do not matter' })
  @IsString()
  @Length(16, 40)
  receiptCode!: string;

  @ApiProperty({ description: 'The passphrase given with the receipt' }) @IsString() @Length(20, 60) passphrase!: string;
}

export class MessageRequest {
  @ApiProperty({ description: 'Sealed before it is stored', maxLength: 10_000 }) @IsString() @Length(1, 10_000) body!: string;
}

export class CorrectionRequest {
  @ApiProperty({ description: 'Your correction of the summary; sealed', maxLength: 10_000 })
  @IsString()
  @Length(1, 10_000)
  correction!: string;
}

export class ProofRequestBody {
  @ApiProperty() @IsString() @Matches(/^[0-9a-f]{64}$/) receiptHash!: string;
  @ApiProperty() @IsISO8601() submittedAt!: string;
  @ApiProperty() @IsString() @Length(1, 200) signature!: string;
  @ApiProperty() @IsString() @Length(1, 64) keyId!: string;
}

export class VerifyProofRequest {
  @ApiProperty({ type: ProofRequestBody }) @IsDefined() @ValidateNested() @Type(() => ProofRequestBody) proof!: ProofRequestBody;
}
