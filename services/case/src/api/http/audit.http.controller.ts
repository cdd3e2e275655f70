import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles, TenantScope } from '@vertrouwd/auth';
import { ApiProblemResponse } from '@vertrouwd/http';
import { AuditReplay, type Replay } from '../../application/queries/audit-replay.query';

/** Auditors replay a case with pseudonyms and integrity proofs; they never see sealed content. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audits/:auditId/cases/:caseId')
@Roles('auditor')
@TenantScope('none')
export class AuditHttpController {
  constructor(private readonly replays: AuditReplay) {}

  @Get('replay')
  @ApiProblemResponse(404, 'No such case')
  replay(@Param('auditId', new ParseUUIDPipe()) auditId: string, @Param('caseId', new ParseUUIDPipe()) caseId: string): Promise<Replay> {
    return this.replays.replay(auditId, caseId);
  }
}
