import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse } from '@vertrouwd/http';
import { AuditReplay, type Replay } from '../../application/queries/audit-replay.query';

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
  replay(
    @Param('auditId', new ParseUUIDPipe()) auditId: string,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Replay> {
    return this.replays.replay(auditId, caseId, principal.agencyId);
  }
}
