import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { CaseLists } from '../../application/queries/case-lists.query';
import { ReadCase } from '../../application/queries/read-case.query';
import { READ_REASONS, type ReadReason } from '../../domain/case/case.values';
import { AdvisorCasesView, CaseView } from './case-content.responses.dto';
import { DeadlinesView, HandoversView } from './case.responses.dto';
import { oneOf } from './query-params';
import { advisorOf } from './request-context';

/** An advisor's own cases. The advisor comes from the token; a case of someone else answers 404. */
@ApiTags('advisor')
@ApiBearerAuth()
@Controller()
@Roles('advisor')
@TenantScope('none')
export class AdvisorCasesHttpController {
  constructor(
    private readonly lists: CaseLists,
    private readonly reader: ReadCase,
  ) {}

  /** Opens the case, logging the read with the stated `reason` (closed list, `case-work` unless stated) for the auditor. */
  @Get('cases/:caseId')
  @ApiQuery({ name: 'reason', required: false, enum: READ_REASONS, description: 'Why the case is opened; default case-work' })
  @ApiProblemResponse(404, 'No such case of yours')
  @ApiOkResponse({ type: CaseView })
  read(
    @Param('caseId', UUID_PARAM) caseId: string,
    @CurrentPrincipal() principal: Principal,
    @Query('reason') reason?: string,
  ): Promise<CaseView> {
    const stated = oneOf('reason', reason, READ_REASONS) as ReadReason | undefined;
    return this.reader.read(caseId, advisorOf(principal), principal.agencyId, stated);
  }

  /** The advisor's cases with their legal clocks (`GET …/deadlines` lists only those with one pending or missed). */
  @Get('advisors/me/cases')
  @ApiOkResponse({ type: AdvisorCasesView })
  async mine(@CurrentPrincipal() principal: Principal) {
    return { cases: await this.lists.forAdvisor(advisorOf(principal), new Date()) };
  }

  /** Cases a colleague offered to this advisor: accept or decline with `POST /cases/:caseId/handover/{acceptance,refusal}`. */
  @Get('advisors/me/handovers')
  @ApiOkResponse({ type: HandoversView })
  async handovers(@CurrentPrincipal() principal: Principal) {
    const offered = await this.lists.handoversTo(advisorOf(principal));
    return { handovers: offered.map(({ caseId, organisationId, theme, receivedAt }) => ({ caseId, organisationId, theme, receivedAt })) };
  }

  @Get('advisors/me/deadlines')
  @ApiOkResponse({ type: DeadlinesView })
  async deadlines(@CurrentPrincipal() principal: Principal): Promise<DeadlinesView> {
    return { deadlines: await this.lists.deadlines({ advisorId: advisorOf(principal) }, undefined, new Date()) };
  }
}
