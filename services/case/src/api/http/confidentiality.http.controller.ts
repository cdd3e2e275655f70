import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { RequestIdentityReveal } from '../../application/identity-reveal/identity-reveal.commands';
import { AnswerPeerConsultation, RequestPeerConsultation } from '../../application/peer-consultation/peer-consultation.commands';
import { PeerConsultationViews } from '../../application/queries/peer-consultation-views.query';
import { READ_REASONS, type ReadReason } from '../../domain/case/case.values';
import { AskedConsultationsView, ConsultationsForColleagueView } from './case-content.responses.dto';
import * as D from './case-work.request.dto';
import { oneOf } from './query-params';
import { advisorOf, contextOf, type HttpRequest } from './request-context';
import { ConsultationRequestedView, IdentityRevealRequestedView } from './case-work.responses.dto';

const REASON = { name: 'reason', required: false, enum: READ_REASONS, description: 'Why the content is opened; default case-work' };
const reasonOf = (reason: unknown) => oneOf('reason', reason, READ_REASONS) as ReadReason | undefined;

/**
 * What stays confidential inside the agency: revealing the reporter's identity under dual control, and peer
 * consultation (intervisie) on a de-identified question, sealed under its own key.
 */
@ApiTags('case work')
@ApiBearerAuth()
@Controller()
@Roles('advisor')
@TenantScope('none')
export class ConfidentialityHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly consultations: PeerConsultationViews,
  ) {}

  /**
   * Asks that the reporter's identity be revealed to `viewerId` (you, or a colleague of the agency), with a reason.
   * The reporter decides through their receipt; where they chose at intake to be known to their counsellor, that
   * agreement approves it for you at once. 422 when the reporter gave no identity.
   */
  @Post('cases/:caseId/identity-reveals')
  @HttpCode(201)
  @ApiCreatedResponse({ type: IdentityRevealRequestedView })
  @ApiProblemResponse(404, 'No such case of yours')
  @ApiProblemResponse(422, 'No identity to reveal, or the viewer cannot act on the case')
  async reveal(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.RevealRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<IdentityRevealRequestedView> {
    const revealId = randomUUID();
    await this.commands.execute(new RequestIdentityReveal(id, advisorOf(p), revealId, b.viewerId, b.reason, contextOf(p, r)));
    return { revealId };
  }

  /** Asks a colleague of the agency for a second opinion on a question written for it, without the case's details. */
  @Post('cases/:caseId/consultations')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ConsultationRequestedView })
  @ApiProblemResponse(404, 'No such case of yours')
  @ApiProblemResponse(422, 'The colleague cannot act on the case, or is yourself')
  async consult(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.ConsultationRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<ConsultationRequestedView> {
    const consultationId = randomUUID();
    await this.commands.execute(new RequestPeerConsultation(id, advisorOf(p), consultationId, b.colleagueId, b.question, contextOf(p, r)));
    return { consultationId };
  }

  /** Opens the case's consultations, logging the read with the stated `reason` (`case-work` unless stated). */
  @Get('cases/:caseId/consultations')
  @ApiQuery(REASON)
  @ApiProblemResponse(404, 'No such case of yours')
  @ApiOkResponse({ type: AskedConsultationsView })
  async consultationsOfCase(
    @Param('caseId', UUID_PARAM) id: string,
    @CurrentPrincipal() p: Principal,
    @Query('reason') reason?: string,
  ): Promise<AskedConsultationsView> {
    return { consultations: await this.consultations.forCase(id, advisorOf(p), p.agencyId, reasonOf(reason)) };
  }

  /** The consultations colleagues asked of you: the question and who asked, never the case; each read logged. */
  @Get('advisors/me/consultations')
  @ApiQuery(REASON)
  @ApiOkResponse({ type: ConsultationsForColleagueView })
  async askedOfMe(@CurrentPrincipal() p: Principal, @Query('reason') reason?: string): Promise<ConsultationsForColleagueView> {
    return { consultations: await this.consultations.askedOf(advisorOf(p), reasonOf(reason)) };
  }

  @Post('consultations/:consultationId/answer')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such consultation asked of you')
  @ApiProblemResponse(409, 'Already answered')
  async answer(
    @Param('consultationId', UUID_PARAM) consultationId: string,
    @Body() b: D.ConsultationAnswerRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(new AnswerPeerConsultation(consultationId, advisorOf(p), b.answer, contextOf(p, r)));
  }
}
