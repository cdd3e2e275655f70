import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReporterAccess } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { AnswerSummary } from '../../application/answer-summary/answer-summary.command';
import { ConfirmConsent, GiveConsent, WithdrawConsent } from '../../application/consent/consent.commands';
import { EraseReporterData } from '../../application/erase-reporter-data/erase-reporter-data.command';
import { ReporterCaseReader } from '../../application/read-reporter-case/reporter-case.reader';
import { reporterContext } from '../../application/report-work';
import { SendReporterMessage } from '../../application/send-message/send-message.command';
import { WithdrawReport } from '../../application/withdraw-report/withdraw-report.command';
import { ResumeReport } from '../../application/resume-report/resume-report.command';
import { AnswerIdentityReveal } from '../../application/identity-reveal/answer-identity-reveal.command';
import {
  ConsentGivenView,
  ConsentsView,
  IdentityRevealsView,
  MessageSentView,
  MessagesView,
  ReportStatusView,
  SummariesView,
} from './intake.responses.dto';
import { ApprovalRequest, ConsentRequest, CorrectionRequest, MessageRequest } from './reporter.request.dto';

interface HttpRequest {
  correlationId?: string;
  headers: Record<string, string | undefined>;
}
// The correlation id the HTTP kit checked (or made), never the raw header: it ends up in event metadata.
const correlationOf = (req: HttpRequest) => req.correlationId ?? randomUUID();

/** The reporter's own case, with a reporter token for exactly that case. */
@ApiTags('intake (reporter)')
@ApiBearerAuth()
@Controller('intake/cases/:caseId')
@ReporterAccess({ caseParam: 'caseId' })
@ApiProblemResponse(404, 'No such report')
export class ReporterCaseHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ReporterCaseReader,
  ) {}

  @Get('status')
  @ApiOkResponse({ type: ReportStatusView })
  status(@Param('caseId', UUID_PARAM) caseId: string): Promise<ReportStatusView> {
    return this.reader.status(caseId);
  }

  @Get('messages')
  @ApiOkResponse({ type: MessagesView })
  messages(@Param('caseId', UUID_PARAM) caseId: string): Promise<MessagesView> {
    return this.reader.messages(caseId);
  }

  @Post('messages')
  @HttpCode(201)
  @ApiProblemResponse(422, 'The report was withdrawn')
  @ApiCreatedResponse({ type: MessageSentView })
  send(@Param('caseId', UUID_PARAM) caseId: string, @Body() body: MessageRequest, @Req() req: HttpRequest): Promise<MessageSentView> {
    return this.commands.execute(new SendReporterMessage(caseId, body.body, reporterContext(correlationOf(req))));
  }

  @Get('summaries')
  @ApiOkResponse({ type: SummariesView })
  summaries(@Param('caseId', UUID_PARAM) caseId: string): Promise<SummariesView> {
    return this.reader.summaries(caseId);
  }

  @Post('summaries/:summaryId/approval')
  @HttpCode(204)
  @ApiProblemResponse(409, 'A newer version of this summary was shared')
  @ApiProblemResponse(422, 'This version was already answered, or the report was withdrawn')
  approve(
    @Param('caseId', UUID_PARAM) caseId: string,
    @Param('summaryId', UUID_PARAM) summaryId: string,
    @Body() body: ApprovalRequest,
    @Req() req: HttpRequest,
  ): Promise<void> {
    return this.commands.execute(new AnswerSummary(caseId, summaryId, undefined, reporterContext(correlationOf(req)), body.version));
  }

  @Post('summaries/:summaryId/correction')
  @HttpCode(204)
  @ApiProblemResponse(409, 'A newer version of this summary was shared')
  @ApiProblemResponse(422, 'This version was already answered, or the report was withdrawn')
  correct(
    @Param('caseId', UUID_PARAM) caseId: string,
    @Param('summaryId', UUID_PARAM) summaryId: string,
    @Body() body: CorrectionRequest,
    @Req() req: HttpRequest,
  ): Promise<void> {
    return this.commands.execute(new AnswerSummary(caseId, summaryId, body.correction, reporterContext(correlationOf(req)), body.version));
  }

  /** Your consents (given by you, or recorded by your advisor for you to confirm) and any legal duty that overrode consent. */
  @Get('consents')
  @ApiOkResponse({ type: ConsentsView })
  consents(@Param('caseId', UUID_PARAM) caseId: string): Promise<ConsentsView> {
    return this.reader.consents(caseId);
  }

  @Post('consents')
  @HttpCode(201)
  @ApiProblemResponse(422, 'A referral names one target, a formal report none; or the report was withdrawn')
  @ApiCreatedResponse({ type: ConsentGivenView })
  async giveConsent(
    @Param('caseId', UUID_PARAM) caseId: string,
    @Body() body: ConsentRequest,
    @Req() req: HttpRequest,
  ): Promise<ConsentGivenView> {
    const consentId = randomUUID();
    await this.commands.execute(new GiveConsent(caseId, consentId, body.scope, body.referralType, reporterContext(correlationOf(req))));
    return { consentId };
  }

  /** Confirms a consent your advisor recorded from a conversation with you: from then on it counts. */
  @Post('consents/:consentId/confirmation')
  @HttpCode(204)
  @ApiProblemResponse(409, 'Already confirmed or withdrawn')
  confirmConsent(
    @Param('caseId', UUID_PARAM) caseId: string,
    @Param('consentId', UUID_PARAM) consentId: string,
    @Req() req: HttpRequest,
  ): Promise<void> {
    return this.commands.execute(new ConfirmConsent(caseId, consentId, reporterContext(correlationOf(req))));
  }

  @Post('consents/:consentId/withdrawal')
  @HttpCode(204)
  @ApiProblemResponse(409, 'Already withdrawn')
  withdrawConsent(
    @Param('caseId', UUID_PARAM) caseId: string,
    @Param('consentId', UUID_PARAM) consentId: string,
    @Req() req: HttpRequest,
  ): Promise<void> {
    return this.commands.execute(new WithdrawConsent(caseId, consentId, reporterContext(correlationOf(req))));
  }

  /** Requests to reveal your identity: who would see it and why; you decide each (or your agreement at intake did). */
  @Get('identity-reveals')
  @ApiOkResponse({ type: IdentityRevealsView })
  identityReveals(@Param('caseId', UUID_PARAM) caseId: string): Promise<IdentityRevealsView> {
    return this.reader.identityReveals(caseId);
  }

  @Post('identity-reveals/:revealId/approval')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such request waiting on this case')
  approveReveal(
    @Param('caseId', UUID_PARAM) caseId: string,
    @Param('revealId', UUID_PARAM) revealId: string,
    @Req() req: HttpRequest,
  ): Promise<void> {
    return this.commands.execute(new AnswerIdentityReveal(caseId, revealId, 'approved', reporterContext(correlationOf(req))));
  }

  @Post('identity-reveals/:revealId/refusal')
  @HttpCode(204)
  @ApiProblemResponse(404, 'No such request waiting on this case')
  refuseReveal(
    @Param('caseId', UUID_PARAM) caseId: string,
    @Param('revealId', UUID_PARAM) revealId: string,
    @Req() req: HttpRequest,
  ): Promise<void> {
    return this.commands.execute(new AnswerIdentityReveal(caseId, revealId, 'refused', reporterContext(correlationOf(req))));
  }

  @Post('withdrawal')
  @HttpCode(204)
  @ApiProblemResponse(422, 'Already withdrawn')
  withdraw(@Param('caseId', UUID_PARAM) caseId: string, @Req() req: HttpRequest): Promise<void> {
    return this.commands.execute(new WithdrawReport(caseId, reporterContext(correlationOf(req))));
  }

  /** Takes back a withdrawal: only the reporter can; the case goes on with its counsellor, its clocks start anew. */
  @Post('resumption')
  @HttpCode(204)
  @ApiProblemResponse(409, 'The report is not withdrawn')
  resume(@Param('caseId', UUID_PARAM) caseId: string, @Req() req: HttpRequest): Promise<void> {
    return this.commands.execute(new ResumeReport(caseId, reporterContext(correlationOf(req))));
  }

  /** The reporter's own data (contact details, identity) erased by crypto-shredding; the case goes on. */
  @Post('personal-data/erasure')
  @HttpCode(204)
  @ApiProblemResponse(422, 'Already erased')
  eraseReporterData(@Param('caseId', UUID_PARAM) caseId: string, @Req() req: HttpRequest): Promise<void> {
    return this.commands.execute(new EraseReporterData(caseId, reporterContext(correlationOf(req))));
  }
}
