import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post, Req, Res, UnprocessableEntityException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@vertrouwd/auth';
import { ApiProblemResponse, NotStoredForReplay } from '@vertrouwd/http';
import { OpenFollowUp } from '../../application/follow-up/open-follow-up.command';
import { reporterContext } from '../../application/report-work';
import { SubmitReport } from '../../application/submit-report/submit-report.command';
import { SubmitReportRequest } from './submit-report.request.dto';
import { FollowUpRequest } from './reporter.request.dto';
import { FollowUpView, OutOfScopeView, ReceiptView } from './intake.responses.dto';
import { ClientAddresses, type ClientRequest } from './client-address';

interface HttpRequest extends ClientRequest {
  correlationId?: string;
}

/** Public and rate-limited: submitting a report, and coming back with receipt code and passphrase. */
@ApiTags('intake (public)')
@Controller('intake')
@Public()
export class ReportsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clients: ClientAddresses,
  ) {}

  @Post(':intakeCode/reports')
  @HttpCode(201)
  // Receipt code and passphrase are given once: a replayed submission answers without them, never stores them.
  @NotStoredForReplay('receiptCode', 'passphrase')
  @ApiProblemResponse(404, 'No organisation has this intake code')
  @ApiProblemResponse(422, "The chosen counsellor is not one of those the organisation's page lists")
  @ApiProblemResponse(429, 'Too many reports from this address; see Retry-After')
  @ApiProblemResponse(503, 'The report could not be stored now (its storing ended without a known outcome); try again later')
  @ApiCreatedResponse({ type: ReceiptView, description: 'Stored: the receipt, shown once' })
  @ApiOkResponse({ type: OutOfScopeView, description: 'Not for the counsellor (workload): nothing was stored' })
  async submit(
    @Param('intakeCode') intakeCode: string,
    @Body() body: SubmitReportRequest,
    @Req() req: HttpRequest,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<ReceiptView | OutOfScopeView> {
    if (body.identity && body.anonymity === 'anonymous') throw new UnprocessableEntityException('An anonymous report carries no identity');
    // The handler counts the submission against the client's limit in the report's own transaction (submissions fired
    // together are all counted, in the store every replica shares); an out-of-scope answer stores nothing and is not
    // counted.
    const result = await this.commands.execute<SubmitReport, ReceiptView | OutOfScopeView>(
      new SubmitReport(
        intakeCode,
        body.theme,
        body.relation,
        body.account,
        body.anonymity,
        {
          channel: body.contact.channel,
          ...(body.contact.email ? { email: body.contact.email } : {}),
          ...(body.contact.phone ? { phone: body.contact.phone } : {}),
        },
        body.identity ? { name: body.identity.name } : undefined,
        body.language,
        {
          advisorGender: body.preferences?.advisorGender ?? 'any',
          advisorKind: body.preferences?.advisorKind ?? 'any',
          ...(body.preferences?.counsellorId ? { counsellorId: body.preferences.counsellorId } : {}),
        },
        body.consentVersion,
        reporterContext(req.correlationId ?? randomUUID()),
        body.site,
        this.clients.keyOf(req),
      ),
    );
    if ('outOfScope' in result) res.status(200); // answered, nothing created
    return result;
  }

  @Post('follow-up')
  @HttpCode(200)
  // A live bearer token: a replayed follow-up answers without it, and it is never stored.
  @NotStoredForReplay('token')
  @ApiProblemResponse(401, 'The receipt code and passphrase do not match')
  @ApiProblemResponse(429, 'Too many failed attempts: wait, then try again; see Retry-After')
  @ApiOkResponse({ type: FollowUpView })
  followUp(@Body() body: FollowUpRequest, @Req() req: HttpRequest): Promise<FollowUpView> {
    return this.commands.execute(new OpenFollowUp(body.receiptCode, body.passphrase, this.clients.keyOf(req)));
  }
}
