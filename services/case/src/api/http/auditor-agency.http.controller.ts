import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles, TenantScope } from '@vertrouwd/auth';
import { REGIMES } from '@vertrouwd/contracts';
import { UUID_PARAM } from '@vertrouwd/http';
import { AuditViews } from '../../application/queries/audit-views.query';
import { AccessLogView, AuditedCasesView } from './case-content.responses.dto';
import { ComplianceView } from './case.responses.dto';
import { CASE_STATUSES, READ_REASONS, type Regime } from '../../domain/case/case.values';
import { booleanOf, oneOf, pageOf, periodOf, uuidOf } from './query-params';

/**
 * The auditor of an agency: its cases with their clocks, deadline compliance and the access log, so a replay starts
 * from a list rather than from an id found elsewhere. Metadata only; people as the audit's pseudonyms. Only the
 * agency's own auditor (the token's agency is the path's): everyone else is refused.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audits/:auditId/agencies/:agencyId')
@Roles('auditor')
@TenantScope({ agency: 'params.agencyId' })
export class AuditorAgencyHttpController {
  constructor(private readonly views: AuditViews) {}

  @Get('cases')
  @ApiQuery({ name: 'status', required: false, enum: CASE_STATUSES })
  @ApiQuery({ name: 'regime', required: false, enum: REGIMES })
  @ApiQuery({ name: 'missed', required: false, enum: ['true', 'false'], description: 'Only cases with a deadline missed' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiQuery({ name: 'offset', required: false, description: 'from 0' })
  @ApiOkResponse({ type: AuditedCasesView })
  cases(
    @Param('auditId', UUID_PARAM) auditId: string,
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AuditedCasesView> {
    const filter = {
      status: oneOf('status', query.status, CASE_STATUSES),
      regime: oneOf('regime', query.regime, REGIMES) as Regime | undefined,
      missed: booleanOf('missed', query.missed),
    };
    return this.views.cases(auditId, agencyId, filter, pageOf(query.limit, query.offset), new Date());
  }

  /** Per regime and deadline: met, missed, pending, stopped; with `from`/`to`, the deadlines due in those days. */
  @Get('deadlines/compliance')
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD, Amsterdam day, included' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD, Amsterdam day, included' })
  @ApiOkResponse({ type: ComplianceView })
  compliance(
    @Param('auditId', UUID_PARAM) _auditId: string,
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<ComplianceView> {
    return this.views.compliance(agencyId, periodOf(query.from, query.to), new Date());
  }

  /** Every read of sealed content of the agency's cases, in time order: who (pseudonym), when, which case, why. */
  @Get('access-log')
  @ApiQuery({ name: 'caseId', required: false })
  @ApiQuery({ name: 'reason', required: false, enum: READ_REASONS })
  @ApiQuery({ name: 'from', required: false, description: 'YYYY-MM-DD, Amsterdam day, included' })
  @ApiQuery({ name: 'to', required: false, description: 'YYYY-MM-DD, Amsterdam day, included' })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiQuery({ name: 'offset', required: false, description: 'from 0' })
  @ApiOkResponse({ type: AccessLogView })
  accessLog(
    @Param('auditId', UUID_PARAM) auditId: string,
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<AccessLogView> {
    const where = {
      ...periodOf(query.from, query.to),
      ...defined({ caseId: uuidOf('caseId', query.caseId), reason: oneOf('reason', query.reason, READ_REASONS) }),
    };
    return this.views.accessLog(auditId, agencyId, where, pageOf(query.limit, query.offset));
  }
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
