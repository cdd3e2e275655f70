import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse } from '@vertrouwd/http';
import { CaseLists } from '../../application/queries/case-lists.query';
import { ReadCase, type CaseView } from '../../application/queries/read-case.query';
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

  @Get('cases/:caseId')
  @ApiProblemResponse(404, 'No such case of yours')
  read(@Param('caseId', new ParseUUIDPipe()) caseId: string, @CurrentPrincipal() principal: Principal): Promise<CaseView> {
    return this.reader.read(caseId, advisorOf(principal), principal.agencyId);
  }

  @Get('advisors/me/cases')
  async mine(@CurrentPrincipal() principal: Principal) {
    return { cases: await this.lists.forAdvisor(advisorOf(principal)) };
  }

  /** Cases a colleague offered to this advisor: accept or decline with `POST /cases/:caseId/handover/{acceptance,refusal}`. */
  @Get('advisors/me/handovers')
  async handovers(@CurrentPrincipal() principal: Principal) {
    const offered = await this.lists.handoversTo(advisorOf(principal));
    return { handovers: offered.map(({ caseId, organisationId, theme, receivedAt }) => ({ caseId, organisationId, theme, receivedAt })) };
  }

  @Get('advisors/me/deadlines')
  async deadlines(@CurrentPrincipal() principal: Principal) {
    return { deadlines: await this.lists.deadlines({ advisorId: advisorOf(principal) }, undefined, new Date()) };
  }
}
