import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, TenantScope } from '@vertrouwd/auth';
import { amsterdamDay } from '@vertrouwd/domain';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { BenchmarksService } from '../../application/benchmarks/benchmarks.service';
import { ComplianceService } from '../../application/compliance/compliance.service';
import { YEAR } from './reporting.params';
import {
  AgencyBenchmarksView,
  ComplianceView,
  EmployerComplianceView,
  OrganisationBenchmarksView,
} from './compliance-benchmarks.responses.dto';

// The compliance view and benchmarks (ADR 0035): the agency's staff see an organisation's compliance in full and the
// agency's benchmarks; the employer contact sees their own organisation's compliance as rates above k, and its
// published rate beside the agency's and its sector's benchmarks.

const today = () => amsterdamDay(new Date());

@ApiTags('reporting (agency)')
@ApiBearerAuth()
@Controller('agencies/:agencyId')
@TenantScope({ agency: 'params.agencyId' })
export class AgencyComplianceHttpController {
  constructor(
    private readonly complianceViews: ComplianceService,
    private readonly benchmarkFigures: BenchmarksService,
  ) {}

  @Get('organisations/:organisationId/compliance/:year')
  @Roles('coordinator', 'advisor', 'auditor')
  @ApiProblemResponse(400, 'A parameter is not a uuid or not a year')
  @ApiProblemResponse(404, 'No client organisation of your agency by that id')
  @ApiProblemResponse(422, 'That year has not started yet')
  @ApiOkResponse({ type: ComplianceView })
  async compliance(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
  ): Promise<ComplianceView> {
    return this.complianceViews.forAgency(agencyId, organisationId, year, today());
  }

  @Get('benchmarks/:year')
  @Roles('coordinator', 'advisor', 'auditor')
  @ApiProblemResponse(400, 'A parameter is not a uuid or not a year')
  @ApiProblemResponse(422, 'That year has not started yet')
  @ApiOkResponse({ type: AgencyBenchmarksView })
  async benchmarks(@Param('agencyId', UUID_PARAM) agencyId: string, @Param('year', YEAR) year: number): Promise<AgencyBenchmarksView> {
    return this.benchmarkFigures.forAgency(agencyId, year, today());
  }
}

@ApiTags('reporting (employer)')
@ApiBearerAuth()
@Controller('organisations/:organisationId')
@Roles('employer')
@TenantScope({ organisation: 'params.organisationId' })
export class EmployerComplianceHttpController {
  constructor(
    private readonly complianceViews: ComplianceService,
    private readonly benchmarkFigures: BenchmarksService,
  ) {}

  @Get('compliance/:year')
  @ApiProblemResponse(400, 'A parameter is not a uuid or not a year')
  @ApiProblemResponse(404, 'No client organisation by that id is known to reporting')
  @ApiProblemResponse(422, 'That year has not started yet')
  @ApiOkResponse({ type: EmployerComplianceView })
  async compliance(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
  ): Promise<EmployerComplianceView> {
    return this.complianceViews.forEmployer(organisationId, year, today());
  }

  @Get('benchmarks/:year')
  @ApiProblemResponse(400, 'A parameter is not a uuid or not a year')
  @ApiProblemResponse(404, 'No client organisation by that id is known to reporting')
  @ApiProblemResponse(422, 'That year has not started yet')
  @ApiOkResponse({ type: OrganisationBenchmarksView })
  async benchmarks(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Param('year', YEAR) year: number,
  ): Promise<OrganisationBenchmarksView> {
    return this.benchmarkFigures.forOrganisation(organisationId, year, today());
  }
}
