import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { AnswerHandover } from '../../application/answer-handover/answer-handover.command';
import { EraseCase } from '../../application/erase-case/erase-case.command';
import { PlanAftercare } from '../../application/plan-aftercare/plan-aftercare.command';
import { RecordAftercare } from '../../application/record-aftercare/record-aftercare.command';
import { TransferCase } from '../../application/transfer-case/transfer-case.command';
import * as D from './case-work.request.dto';
import { advisorOf, contextOf, type HttpRequest } from './request-context';
import { AftercarePlannedView } from './case-work.responses.dto';

/** Aftercare, transfer and erasure of a case. */
@ApiTags('case work')
@ApiBearerAuth()
@Controller('cases/:caseId')
@TenantScope('none')
@ApiProblemResponse(404, 'No such case of yours')
export class CaseHandoverHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('aftercare')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AftercarePlannedView })
  @Roles('advisor')
  async aftercare(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.AftercareRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<AftercarePlannedView> {
    const aftercareId = randomUUID();
    await this.commands.execute(new PlanAftercare(id, advisorOf(p), aftercareId, b.plannedFor, b.plan, contextOf(p, r)));
    return { aftercareId };
  }

  /** The planned aftercare took place: a sealed note against the plan (404 for a plan this case does not have). */
  @Post('aftercare/:aftercareId/completion')
  @HttpCode(204)
  @Roles('advisor')
  @ApiProblemResponse(409, 'The case does not allow this now (closed, erased)')
  async aftercareDone(
    @Param('caseId', UUID_PARAM) id: string,
    @Param('aftercareId', UUID_PARAM) aftercareId: string,
    @Body() b: D.AftercareRecordRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(new RecordAftercare(id, advisorOf(p), aftercareId, b.note, contextOf(p, r)));
  }

  /**
   * Offers the case to a colleague of the agency who can act on it; it stays yours until they accept. 422 for an
   * advisor who cannot act (unknown, another agency, the nil UUID); 409 while another offer waits.
   */
  @Post('transfer')
  @HttpCode(204)
  @Roles('advisor')
  @ApiProblemResponse(422, 'Not an advisor of this agency who can act on the case')
  async transfer(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.TransferRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(new TransferCase(id, advisorOf(p), b.toAdvisorId, b.reason, contextOf(p, r)));
  }

  /** The advisor a handover is offered to takes the case over (404 for anyone else). */
  @Post('handover/acceptance')
  @HttpCode(204)
  @Roles('advisor')
  async acceptHandover(@Param('caseId', UUID_PARAM) id: string, @CurrentPrincipal() p: Principal, @Req() r: HttpRequest): Promise<void> {
    await this.commands.execute(new AnswerHandover(id, advisorOf(p), 'accept', contextOf(p, r)));
  }

  /** The advisor a handover is offered to declines it: the case stays with the advisor who offered it. */
  @Post('handover/refusal')
  @HttpCode(204)
  @Roles('advisor')
  async declineHandover(@Param('caseId', UUID_PARAM) id: string, @CurrentPrincipal() p: Principal, @Req() r: HttpRequest): Promise<void> {
    await this.commands.execute(new AnswerHandover(id, advisorOf(p), 'decline', contextOf(p, r)));
  }

  /** Crypto-shredding, by an admin or by the assigned advisor on the reporter's request. */
  @Post('erasure')
  @HttpCode(204)
  @Roles('admin', 'advisor')
  async erase(@Param('caseId', UUID_PARAM) id: string, @CurrentPrincipal() p: Principal, @Req() r: HttpRequest): Promise<void> {
    const requester = p.roles.includes('admin') ? ({ kind: 'admin' } as const) : ({ kind: 'advisor', advisorId: advisorOf(p) } as const);
    await this.commands.execute(new EraseCase(id, requester, contextOf(p, r)));
  }
}
