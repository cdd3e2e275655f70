import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** Request bodies: validated at the edge (400 naming the field and the rule, never the value). */
export class OpenBillingRequest {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the client, so a retry opens nothing twice' }) @IsUUID() billingId!: string;
}
