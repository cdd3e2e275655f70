import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, ConditionalWrite, UUID_PARAM, VersionedRead } from '@vertrouwd/http';
import { contextOf, type ContextRequest } from '@vertrouwd/service-kit';
import { DisclosureRulesService } from '../../application/disclosure-rules/disclosure-rules.service';
import { DEFAULT_BENCHMARK_RULES } from '../../domain/benchmarks/benchmark-rules';
import { DisclosureRulesView } from './compliance-benchmarks.responses.dto';
import { DisclosureRulesRequest } from './reporting.request.dto';

/**
 * The agency's disclosure rules (ADR 0063): its staff read them, its coordinator sets them (only stricter than the
 * defaults). What is published keeps the k it was published at.
 */
@ApiTags('reporting (agency)')
@ApiBearerAuth()
@Controller('agencies/:agencyId/disclosure-rules')
@TenantScope({ agency: 'params.agencyId' })
export class DisclosureRulesHttpController {
  constructor(private readonly rules: DisclosureRulesService) {}

  @Get()
  @VersionedRead()
  @Roles('coordinator', 'advisor', 'auditor')
  @ApiProblemResponse(400, 'The agency id is not a uuid')
  @ApiOkResponse({ type: DisclosureRulesView })
  get(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<DisclosureRulesView> {
    return this.rules.get(agencyId);
  }

  @Put()
  @ConditionalWrite()
  @Roles('coordinator')
  @ApiProblemResponse(400, 'A rule is missing, not a whole number, or laxer than the default (k below 5, …) or above its bound')
  @ApiProblemResponse(409, 'The rules were changed meanwhile')
  @ApiOkResponse({ type: DisclosureRulesView, description: 'The rules as set' })
  set(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: DisclosureRulesRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<DisclosureRulesView> {
    const {
      k,
      minOrganisations = DEFAULT_BENCHMARK_RULES.minOrganisations,
      maxSharePercent = DEFAULT_BENCHMARK_RULES.maxSharePercent,
    } = body;
    return this.rules.set(agencyId, { k, minOrganisations, maxSharePercent }, contextOf(p, req));
  }
}
