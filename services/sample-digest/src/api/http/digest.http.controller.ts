import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, TenantScope } from '@vertrouwd/auth';
import { DigestInfrastructure } from '../../infrastructure/digest.infrastructure';
import { DigestTopic } from '../../application/projections/digest/digest.read-model';

@ApiTags('digest')
@ApiBearerAuth()
@Controller('digest')
export class DigestHttpController {
  constructor(private readonly digest: DigestInfrastructure) {}

  /** Marks and weight per topic, for the agency's coordinator: counts only. */
  @Get()
  @Roles('coordinator')
  @TenantScope('none')
  async topics(): Promise<{ topics: DigestTopic[] }> {
    const topics = await this.digest.dataSource.manager.find(DigestTopic, { order: { topic: 'ASC' } });
    return { topics };
  }
}
