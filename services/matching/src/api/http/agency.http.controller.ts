import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, ConditionalWrite, UUID_PARAM, ValidationFailedException, VersionedRead } from '@vertrouwd/http';
import { contextOf, type ContextRequest } from '@vertrouwd/service-kit';
import { ConfigureAgency } from '../../application/agencies/agency.commands';
import { today } from '../../application/calendar';
import {
  CancelAbsence,
  ChangeCounsellorProfile,
  DeactivateCounsellor,
  ReactivateCounsellor,
  DeclareConflict,
  OnboardCounsellor,
  RecordAbsence,
  WithdrawConflict,
  type ProfileInput,
} from '../../application/counsellors/counsellor.commands';
import {
  AppointByMatching,
  AppointCounsellors,
  ChangeHeadcount,
  ChangeOrganisationDetails,
  RecordEngagement,
  RegisterOrganisation,
  VersionAgreement,
} from '../../application/organisations/organisation.commands';
import { DirectoryQueries } from '../../application/queries/directory.queries';
import type { AppointmentScore } from '../../domain/match/appointment-proposal';
import * as R from './matching.responses.dto';
import {
  AbsenceRequest,
  AgencySettingsRequest,
  AgreementRequest,
  AppointmentRequest,
  ConflictRequest,
  CounsellorProfileRequest,
  EngagementRequest,
  HeadcountRequest,
  OnboardCounsellorRequest,
  OrganisationDetailsRequest,
  RegisterOrganisationRequest,
} from './directory.request.dto';

export function profileOf(body: CounsellorProfileRequest): ProfileInput {
  const { name, introduction, kind, organisationId, roles, languages, gender, regions, specialisms, capacityCases, capacityHoursPerWeek } =
    body;
  return {
    name,
    ...(introduction ? { introduction } : {}),
    kind,
    ...(organisationId ? { organisationId } : {}),
    roles,
    languages,
    gender,
    regions,
    specialisms,
    capacityCases,
    capacityHoursPerWeek,
  };
}

function detailsOf(body: OrganisationDetailsRequest) {
  const { name, intakeCode, kvkNumber, vatId, sbiCode, regions, languages } = body;
  return { name, intakeCode, kvkNumber, ...(vatId ? { vatId } : {}), sbiCode, regions, languages };
}

/**
 * The agency's coordinator: its settings, counsellors (onboarding, profiles, absences, conflicts, leaving), client
 * organisations (details, headcount, who serves them, agreements, engagement), and matching's decisions with their
 * explanations. Metadata only: never case content.
 */
@ApiTags('coordinator')
@ApiBearerAuth()
@Controller('agencies/:agencyId')
@Roles('coordinator')
@TenantScope({ agency: 'params.agencyId' })
export class AgencyHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: DirectoryQueries,
  ) {}

  @Get('settings')
  @VersionedRead()
  @ApiOkResponse({ type: R.AgencyView })
  async settings(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<R.AgencyView> {
    return this.queries.agency(agencyId);
  }

  @Put('settings')
  @HttpCode(204)
  @ConditionalWrite()
  @ApiProblemResponse(409, 'The agency is suspended')
  async configure(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: AgencySettingsRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ) {
    await this.commands.execute(
      new ConfigureAgency(agencyId, { poolMatching: body.poolMatching, languages: body.languages }, contextOf(p, req)),
    );
  }

  // Counsellors

  @Get('counsellors')
  @ApiOkResponse({ type: R.CounsellorsView })
  async counsellors(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<R.CounsellorsView> {
    return { counsellors: await this.queries.counsellors(agencyId) };
  }

  @Post('counsellors')
  @HttpCode(201)
  @ApiCreatedResponse({ type: R.CounsellorOnboardedView })
  @ApiProblemResponse(
    409,
    "This counsellor exists already, the username is already a staff account of the agency (another counsellor's, a coordinator's, an auditor's) or one outside it, or the agency is suspended",
  )
  @ApiProblemResponse(422, "An internal counsellor names their organisation, an external one doesn't")
  @ApiProblemResponse(503, 'The identity provider is unavailable: nothing was written')
  async onboard(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: OnboardCounsellorRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<R.CounsellorOnboardedView> {
    const counsellorId = body.counsellorId ?? randomUUID();
    const { userId } = await this.commands.execute<OnboardCounsellor, { userId: string }>(
      new OnboardCounsellor(agencyId, counsellorId, body.username, body.email, profileOf(body), contextOf(p, req)),
    );
    return { counsellorId, userId };
  }

  @Get('counsellors/:counsellorId')
  @VersionedRead()
  @ApiProblemResponse(404, 'No such counsellor of your agency')
  @ApiOkResponse({ type: R.CounsellorView })
  async counsellor(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('counsellorId', UUID_PARAM) counsellorId: string,
  ): Promise<R.CounsellorView> {
    return this.queries.counsellor(agencyId, counsellorId);
  }

  @Put('counsellors/:counsellorId/profile')
  @HttpCode(204)
  @ConditionalWrite()
  @ApiProblemResponse(404, 'No such counsellor of your agency')
  @ApiProblemResponse(409, 'The counsellor has left, or the profile changed meanwhile')
  async changeProfile(
    @Param('counsellorId', UUID_PARAM) counsellorId: string,
    @Body() body: CounsellorProfileRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ) {
    await this.commands.execute(new ChangeCounsellorProfile(counsellorId, profileOf(body), contextOf(p, req)));
  }

  @Post('counsellors/:counsellorId/deactivation')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such counsellor of your agency')
  @ApiProblemResponse(409, 'The counsellor has left already')
  async deactivate(@Param('counsellorId', UUID_PARAM) counsellorId: string, @CurrentPrincipal() p: Principal, @Req() req: ContextRequest) {
    await this.commands.execute(new DeactivateCounsellor(counsellorId, contextOf(p, req)));
  }

  @Post('counsellors/:counsellorId/reactivation')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such counsellor of your agency')
  @ApiProblemResponse(409, 'The agency is suspended, or the counsellor left or came back meanwhile')
  @ApiProblemResponse(422, "An internal counsellor's organisation is no longer one of the agency's")
  async reactivate(@Param('counsellorId', UUID_PARAM) counsellorId: string, @CurrentPrincipal() p: Principal, @Req() req: ContextRequest) {
    await this.commands.execute(new ReactivateCounsellor(counsellorId, contextOf(p, req)));
  }

  @Post('counsellors/:counsellorId/absences')
  @HttpCode(201)
  @ApiCreatedResponse({ type: R.AbsenceRecordedView })
  @ApiProblemResponse(404, 'No such counsellor of your agency')
  @ApiProblemResponse(
    409,
    'absenceId is already used for another absence (the same absence again answers 201), a concurrent change, or a request with the same Idempotency-Key still in progress',
  )
  @ApiProblemResponse(422, 'The absence ends before it starts, or the stand-in cannot stand in')
  async recordAbsence(
    @Param('counsellorId', UUID_PARAM) counsellorId: string,
    @Body() body: AbsenceRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<R.AbsenceRecordedView> {
    const absenceId = body.absenceId ?? randomUUID();
    await this.commands.execute(new RecordAbsence(counsellorId, absenceId, body.from, body.until, body.substituteId, contextOf(p, req)));
    return { absenceId };
  }

  @Delete('counsellors/:counsellorId/absences/:absenceId')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such absence of this counsellor')
  async cancelAbsence(
    @Param('counsellorId', UUID_PARAM) counsellorId: string,
    @Param('absenceId', UUID_PARAM) absenceId: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ) {
    await this.commands.execute(new CancelAbsence(counsellorId, absenceId, contextOf(p, req)));
  }

  @Post('counsellors/:counsellorId/conflicts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: R.ConflictDeclaredView })
  @ApiProblemResponse(404, 'No such counsellor or organisation of your agency')
  async declareConflict(
    @Param('counsellorId', UUID_PARAM) counsellorId: string,
    @Body() body: ConflictRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<R.ConflictDeclaredView> {
    const conflictId = randomUUID();
    await this.commands.execute(
      new DeclareConflict(counsellorId, conflictId, { organisationId: body.organisationId }, body.reviewBy, contextOf(p, req)),
    );
    return { conflictId };
  }

  @Delete('counsellors/:counsellorId/conflicts/:conflictId')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such declared conflict of this counsellor')
  async withdrawConflict(
    @Param('counsellorId', UUID_PARAM) counsellorId: string,
    @Param('conflictId', UUID_PARAM) conflictId: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ) {
    await this.commands.execute(new WithdrawConflict(counsellorId, conflictId, contextOf(p, req)));
  }

  // Client organisations

  @Get('organisations')
  @ApiOkResponse({ type: R.OrganisationsView })
  async organisations(@Param('agencyId', UUID_PARAM) agencyId: string): Promise<R.OrganisationsView> {
    return { organisations: await this.queries.organisations(agencyId) };
  }

  @Post('organisations')
  @HttpCode(201)
  @ApiCreatedResponse({ type: R.OrganisationRegisteredView })
  @ApiProblemResponse(409, 'This organisation or its intake code exists already, or the agency is suspended')
  async register(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Body() body: RegisterOrganisationRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<R.OrganisationRegisteredView> {
    const organisationId = body.organisationId ?? randomUUID();
    await this.commands.execute(
      new RegisterOrganisation(agencyId, organisationId, detailsOf(body), body.headcount, body.headcountFrom ?? today(), contextOf(p, req)),
    );
    return { organisationId };
  }

  @Get('organisations/:organisationId')
  @VersionedRead()
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiOkResponse({ type: R.OrganisationDetailView })
  async organisation(@Param('agencyId', UUID_PARAM) agencyId: string, @Param('organisationId', UUID_PARAM) organisationId: string) {
    return this.queries.organisation(agencyId, organisationId);
  }

  @Put('organisations/:organisationId/details')
  @HttpCode(204)
  @ConditionalWrite()
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiProblemResponse(409, 'Another organisation has this intake code')
  async changeDetails(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Body() body: OrganisationDetailsRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ) {
    await this.commands.execute(new ChangeOrganisationDetails(organisationId, detailsOf(body), contextOf(p, req)));
  }

  @Post('organisations/:organisationId/headcount')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiProblemResponse(
    409,
    'The headcount is that already from that day, a concurrent change, or a request with the same Idempotency-Key still in progress',
  )
  @ApiProblemResponse(422, 'A change takes effect on or after the day of the headcount in force today, and at most a year ahead')
  async changeHeadcount(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Body() body: HeadcountRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ) {
    await this.commands.execute(new ChangeHeadcount(organisationId, body.headcount, body.from, contextOf(p, req)));
  }

  @Put('organisations/:organisationId/appointment')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiProblemResponse(422, 'Two different active counsellors of the agency; internal ones only of this organisation')
  async appoint(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Body() body: AppointmentRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ) {
    await this.commands.execute(
      new AppointCounsellors(
        organisationId,
        { primaryId: body.primaryId, substituteId: body.substituteId, internalIds: body.internalIds },
        contextOf(p, req),
      ),
    );
  }

  /** Matching chooses the primary and substitute and appoints them; the answer explains the choice. */
  @Post('organisations/:organisationId/appointment/matching')
  @HttpCode(200)
  @ApiOkResponse({ type: R.AppointmentProposalView })
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiProblemResponse(409, 'No two counsellors of the agency can serve this organisation')
  async appointByMatching(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<R.AppointmentProposalView> {
    return this.commands.execute<AppointByMatching, { scores: AppointmentScore[] }>(
      new AppointByMatching(organisationId, contextOf(p, req)),
    );
  }

  @Post('organisations/:organisationId/agreements')
  @HttpCode(201)
  @ApiCreatedResponse({ type: R.AgreementVersionedView })
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiProblemResponse(422, 'The term ends before it starts')
  async versionAgreement(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Body() body: AgreementRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<R.AgreementVersionedView> {
    const { tasks, powers, recorded, termFrom, termUntil, reportsToOrganisation, signedOn } = body;
    const agreement = { tasks, powers, recorded, termFrom, ...(termUntil ? { termUntil } : {}), reportsToOrganisation, signedOn };
    return this.commands.execute<VersionAgreement, { version: number }>(new VersionAgreement(organisationId, agreement, contextOf(p, req)));
  }

  /** Work outside cases (prevention, advice) and the intake page's visits per day, counted without tracking anyone. */
  @Get('organisations/:organisationId/engagements')
  @ApiOkResponse({ type: R.EngagementsView })
  async engagements(
    @Param('agencyId', UUID_PARAM) agencyId: string,
    @Param('organisationId', UUID_PARAM) organisationId: string,
  ): Promise<R.EngagementsView> {
    const [engagements, pageVisits] = await Promise.all([
      this.queries.engagements(agencyId, organisationId),
      this.queries.pageVisits(agencyId, organisationId),
    ]);
    return { engagements, pageVisits };
  }

  @Post('organisations/:organisationId/engagements')
  @HttpCode(201)
  @ApiCreatedResponse({ type: R.EngagementRecordedView })
  @ApiProblemResponse(404, 'No such organisation of your agency')
  @ApiProblemResponse(409, 'This activity is recorded already')
  @ApiProblemResponse(422, 'Not an active counsellor of the agency')
  async recordEngagement(
    @Param('organisationId', UUID_PARAM) organisationId: string,
    @Body() body: EngagementRequest,
    @CurrentPrincipal() p: Principal,
    @Req() req: ContextRequest,
  ): Promise<R.EngagementRecordedView> {
    const activityId = body.activityId ?? randomUUID();
    const { counsellorId, kind, on, minutes, description } = body;
    await this.commands.execute(
      new RecordEngagement(organisationId, { activityId, counsellorId, kind, on, minutes, description }, false, contextOf(p, req)),
    );
    return { activityId };
  }

  // Matching's decisions

  @Get('matches')
  @ApiQuery({ name: 'state', required: false, enum: ['all', 'unmatched'] })
  @ApiOkResponse({ type: R.MatchesView, description: 'Every round, newest first, without request and explanation' })
  async matches(@Param('agencyId', UUID_PARAM) agencyId: string, @Query('state') state?: string) {
    if (state !== undefined && state !== 'all' && state !== 'unmatched') {
      throw new ValidationFailedException([{ field: 'state', rule: 'isIn', message: 'state must be one of: all, unmatched' }]);
    }
    return { matches: await this.queries.decisions(agencyId, state === 'unmatched') };
  }

  /** Every round of one case's matching with its explanation: candidates, the rules that left each out, the scores. */
  @Get('matches/:caseId')
  @ApiProblemResponse(404, 'No matching of this case in your agency')
  @ApiOkResponse({ type: R.CaseMatchView })
  async match(@Param('agencyId', UUID_PARAM) agencyId: string, @Param('caseId', UUID_PARAM) caseId: string) {
    return { caseId, rounds: await this.queries.decisionsOfCase(agencyId, caseId) };
  }
}
