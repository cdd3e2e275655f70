import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { AssignAdvisor } from '../../application/assign-advisor/assign-advisor.command';
import { CaseLists, type DeadlineFilter } from '../../application/queries/case-lists.query';
import { AttentionView, CasesView, ComplianceView, DeadlinesView, RetentionView } from './case.responses.dto';
import { AssignAdvisorRequest, RetentionRequest } from './case-work.request.dto';
import { oneOf, uuidOf } from './query-params';
import { contextOf, type HttpRequest } from './request-context';

const STATUSES = ['waiting-for-assignment', 'open', 'closed'];
const DEADLINE_FILTERS = ['due', 'overdue'];

/** The agency's coordinator: case metadata, assignment, deadlines, retention. Never case content. */
@ApiTags('coordinator')
@ApiBearerAuth()
@Controller('agencies/:agencyId')
@Roles('coordinator')
@TenantScope({ agency: 'params.agencyId' })
export class CoordinatorHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly lists: CaseLists,
  ) {}

  @Get('cases')
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiOkResponse({ type: CasesView })
  cases(@Param('agencyId', UUID_PARAM) agencyId: string, @Query('status') status?: string) {
    return this.lists.forAgency(agencyId, oneOf('status', status, STATUSES)).then((cases) => ({ cases }));
  }

  /** The queue of cases that need someone: waiting for assignment, a handover unanswered, an advisor who cannot act. */
  @Get('cases/attention')
  @ApiOkResponse({ type: AttentionView })
  attention(@Param('agencyId', UUID_PARAM) agencyId: string) {
    return this.lists.attention(agencyId);
  }

  @Post('cases/:caseId/assignment')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such case in this agency')
  @ApiProblemResponse(422, 'Not an advisor of this agency who can act on the case')
  async assign(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('caseId', UUID_PARAM) caseId: string,
    @Body() body: AssignAdvisorRequest,
    @CurrentPrincipal() principal: Principal,
    @Req() req: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(
      new AssignAdvisor(caseId, agencyId, body.advisorId, { ...contextOf(principal, req), actor: principal.subject }),
    );
  }

  @Get('deadlines')
  @ApiQuery({ name: 'state', required: false, enum: DEADLINE_FILTERS })
  @ApiQuery({ name: 'advisorId', required: false })
  @ApiOkResponse({ type: DeadlinesView })
  async deadlines(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Query('state') state?: string,
    @Query('advisorId') advisorId?: string,
  ): Promise<DeadlinesView> {
    const filter = oneOf('state', state, DEADLINE_FILTERS) as DeadlineFilter | undefined;
    const advisor = uuidOf('advisorId', advisorId);
    return { deadlines: await this.lists.deadlines({ agencyId, ...(advisor ? { advisorId: advisor } : {}) }, filter, new Date()) };
  }

  /** Deadline compliance of the agency's cases, per regime (the law, the agency's own standard) and deadline. */
  @Get('deadlines/compliance')
  @ApiOkResponse({ type: ComplianceView })
  compliance(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<ComplianceView> {
    return this.lists.compliance(agencyId, new Date());
  }

  /** The agency's retention period; `null` while none is set, and then no case of the agency is erased by time. */
  @Get('retention')
  @ApiOkResponse({ type: RetentionView })
  async currentRetention(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<RetentionView> {
    return this.lists.retentionOf(agencyId);
  }

  @Put('retention')
  @ApiOkResponse({ type: RetentionView })
  retention(@Param('agencyId', UUID_PARAM) agencyId: string, @Body() body: RetentionRequest): Promise<RetentionView> {
    return this.lists.setRetention(agencyId, body.monthsAfterClosure);
  }
}
