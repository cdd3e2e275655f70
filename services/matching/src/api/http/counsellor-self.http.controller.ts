import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse } from '@vertrouwd/http';
import { contextOf, type ContextRequest } from '@vertrouwd/service-kit';
import { DeclareConflict, RecordAbsence } from '../../application/counsellors/counsellor.commands';
import { RecordEngagement } from '../../application/organisations/organisation.commands';
import { DirectoryQueries } from '../../application/queries/directory.queries';
import { AbsenceRequest, ConflictRequest, OwnEngagementRequest } from './directory.request.dto';
import { AbsenceRecordedView, ColleaguesView, ConflictDeclaredView, EngagementRecordedView, MyRecordView } from './matching.responses.dto';

/** A counsellor's own page: their profile and the organisations they serve; their absences, conflicts and prevention work. */
@ApiTags('counsellor')
@ApiBearerAuth()
@Controller('counsellors/me')
@Roles('advisor')
@TenantScope('none')
export class CounsellorSelfHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: DirectoryQueries,
  ) {}

  @Get()
  @ApiProblemResponse(404, 'You are not a counsellor of an agency')
  @ApiOkResponse({ type: MyRecordView })
  async me(@CurrentPrincipal() p: Principal): Promise<MyRecordView> {
    return this.queries.me(p.agencyId, p.advisorId);
  }

  /** Whom the advisor can name in a handover, a peer consultation or an identity reveal: active colleagues, id and name. */
  @Get('colleagues')
  @ApiProblemResponse(404, 'You are not a counsellor of an agency')
  @ApiOkResponse({ type: ColleaguesView })
  async colleagues(@CurrentPrincipal() p: Principal): Promise<ColleaguesView> {
    return { colleagues: await this.queries.colleagues(p.agencyId, p.advisorId) };
  }

  @Post('absences')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AbsenceRecordedView })
  @ApiProblemResponse(404, 'You are not a counsellor of an agency')
  @ApiProblemResponse(
    409,
    'absenceId is already used for another absence (the same absence again answers 201), a concurrent change, or a request with the same Idempotency-Key still in progress',
  )
  async recordAbsence(
    @Body() body: AbsenceRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<AbsenceRecordedView> {
    const absenceId = body.absenceId ?? randomUUID();
    await this.commands.execute(new RecordAbsence(this.self(p), absenceId, body.from, body.until, body.substituteId, contextOf(p, req)));
    return { absenceId };
  }

  @Post('conflicts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ConflictDeclaredView })
  @ApiProblemResponse(404, 'You are not a counsellor of an agency, or no such organisation')
  async declareConflict(
    @Body() body: ConflictRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<ConflictDeclaredView> {
    const conflictId = randomUUID();
    await this.commands.execute(
      new DeclareConflict(this.self(p), conflictId, { organisationId: body.organisationId }, body.reviewBy, contextOf(p, req)),
    );
    return { conflictId };
  }

  @Post('engagements')
  @HttpCode(201)
  @ApiCreatedResponse({ type: EngagementRecordedView })
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiProblemResponse(422, 'You do not serve this organisation')
  async recordEngagement(
    @Body() body: OwnEngagementRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<EngagementRecordedView> {
    const activityId = body.activityId ?? randomUUID();
    const { organisationId, kind, on, minutes, description } = body;
    await this.commands.execute(
      new RecordEngagement(
        organisationId,
        { activityId, counsellorId: this.self(p), kind, on, minutes, description },
        true,
        contextOf(p, req),
      ),
    );
    return { activityId };
  }

  /** The caller's counsellor id; a token without one names nobody (the runner then finds no such counsellor). */
  private self(p: Principal): string {
    return p.advisorId ?? '00000000-0000-0000-0000-000000000000';
  }
}
