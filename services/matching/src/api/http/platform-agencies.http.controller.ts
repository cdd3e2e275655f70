import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { contextOf, type ContextRequest } from '@vertrouwd/service-kit';
import { AppointCoordinator, ChangeAgencyStatus, RegisterAgency } from '../../application/agencies/agency.commands';
import { DirectoryQueries } from '../../application/queries/directory.queries';
import { RegisterAgencyRequest, StaffAccountRequest } from './directory.request.dto';
import { AgenciesView, AgencyRegisteredView, AgencyView, CoordinatorAppointedView } from './matching.responses.dto';

/** The platform admin's tenants: agencies created, listed, suspended, reinstated, given a coordinator. Never case content. */
@ApiTags('platform')
@ApiBearerAuth()
@Controller('platform/agencies')
@Roles('admin')
@TenantScope('none')
export class PlatformAgenciesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: DirectoryQueries,
  ) {}

  @Get()
  @ApiOkResponse({ type: AgenciesView })
  async list(): Promise<AgenciesView> {
    return { agencies: await this.queries.agencies() };
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: AgencyRegisteredView })
  @ApiProblemResponse(409, 'This agency exists already')
  async register(
    @Body() body: RegisterAgencyRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() req: ContextRequest,
  ): Promise<AgencyRegisteredView> {
    const agencyId = body.agencyId ?? randomUUID();
    const settings = { poolMatching: body.poolMatching, languages: body.languages };
    await this.commands.execute(new RegisterAgency(agencyId, body.name, settings, contextOf(principal, req)));
    return { agencyId };
  }

  @Get(':agencyId')
  @ApiProblemResponse(404, 'No such agency')
  @ApiOkResponse({ type: AgencyView })
  async get(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<AgencyView> {
    return this.queries.agency(agencyId);
  }

  @Post(':agencyId/suspension')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such agency')
  @ApiProblemResponse(409, 'Suspended already')
  async suspend(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: ContextRequest,
  ): Promise<void> {
    await this.commands.execute(new ChangeAgencyStatus(agencyId, 'suspended', contextOf(principal, req)));
  }

  @Post(':agencyId/reinstatement')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such agency')
  @ApiProblemResponse(409, 'Active already')
  async reinstate(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() req: ContextRequest,
  ): Promise<void> {
    await this.commands.execute(new ChangeAgencyStatus(agencyId, 'active', contextOf(principal, req)));
  }

  @Post(':agencyId/coordinators')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CoordinatorAppointedView })
  @ApiProblemResponse(404, 'No such agency')
  @ApiProblemResponse(409, "The agency is suspended, or the username is an account outside it or another staff member's of it")
  async appointCoordinator(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: StaffAccountRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() req: ContextRequest,
  ): Promise<CoordinatorAppointedView> {
    return this.commands.execute<AppointCoordinator, { userId: string }>(
      new AppointCoordinator(agencyId, body.username, body.email, contextOf(principal, req)),
    );
  }
}
