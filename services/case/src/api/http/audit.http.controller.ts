import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { AuditReplay } from '../../application/queries/audit-replay.query';
import { ReplayView } from './case-content.responses.dto';

/**
 * Auditors replay a case of their own agency with pseudonyms and integrity proofs; they never see sealed content.
 * The path names the case, not the agency, so a case of another agency answers 404 like an unknown one.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audits/:auditId/cases/:caseId')
@Roles('auditor')
@TenantScope('none')
export class AuditHttpController {
  constructor(private readonly replays: AuditReplay) {}

  @Get('replay')
  @ApiProblemResponse(404, 'No such case in your agency')
  @ApiOkResponse({ type: ReplayView })
  replay(
    @Param('auditId', UUID_PARAM) auditId: string,
    @Param('caseId', UUID_PARAM) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplayView> {
    return this.replays.replay(auditId, caseId, principal.agencyId);
  }
}
