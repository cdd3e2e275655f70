import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, TenantScope, type Principal } from '@vertrouwd/auth';
import { ApiProblemResponse, UUID_PARAM } from '@vertrouwd/http';
import { AcknowledgeCase } from '../../application/acknowledge-case/acknowledge-case.command';
import { CloseCase } from '../../application/close-case/close-case.command';
import { DeclineAssignment } from '../../application/matched-assignment/matched-assignment.commands';
import { GiveFeedback } from '../../application/give-feedback/give-feedback.command';
import { GiveAdvice } from '../../application/give-advice/give-advice.command';
import { InvokeLegalDuty } from '../../application/invoke-legal-duty/invoke-legal-duty.command';
import { LogHours } from '../../application/log-hours/log-hours.command';
import { MakeReferral } from '../../application/make-referral/make-referral.command';
import { RecordConsent } from '../../application/record-consent/record-consent.command';
import { RecordConversation } from '../../application/record-conversation/record-conversation.command';
import { ReopenCase } from '../../application/reopen-case/reopen-case.command';
import { ReviseSummary } from '../../application/revise-summary/revise-summary.command';
import { SendMessage } from '../../application/send-message/send-message.command';
import { ShareSummary } from '../../application/share-summary/share-summary.command';
import { SupportFormalReport } from '../../application/support-formal-report/support-formal-report.command';
import * as D from './case-work.request.dto';
import { advisorOf, contextOf, type HttpRequest } from './request-context';
import {
  AdviceGivenView,
  ConsentRecordedView,
  ConversationRecordedView,
  FeedbackGivenView,
  LegalDutyInvokedView,
  MessageSentView,
  ReferralMadeView,
} from './case-work.responses.dto';

/** The assigned advisor's work on a case. Anyone else, the other advisors included, gets 404. */
@ApiTags('case work')
@ApiBearerAuth()
@Controller('cases/:caseId')
@Roles('advisor')
@TenantScope('none')
@ApiProblemResponse(404, 'No such case of yours')
@ApiProblemResponse(409, 'The case does not allow this now (closed, erased, done before)')
@ApiProblemResponse(422, 'A case rule refuses it (e.g. consent missing)')
export class CaseWorkHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('acknowledgement')
  @HttpCode(204)
  async acknowledge(@Param('caseId', UUID_PARAM) id: string, @CurrentPrincipal() p: Principal, @Req() r: HttpRequest): Promise<void> {
    await this.commands.execute(new AcknowledgeCase(id, advisorOf(p), contextOf(p, r)));
  }

  /** The assigned advisor declines for a conflict of interest they declare: the case is matched again without them. */
  @Post('declination')
  @HttpCode(204)
  @ApiProblemResponse(404, 'Not your case')
  @ApiProblemResponse(409, 'The case does not allow this now (closed, erased)')
  async decline(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.DeclinationRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(new DeclineAssignment(id, advisorOf(p), b.conflictWith, contextOf(p, r)));
  }

  @Post('conversations')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ConversationRecordedView })
  async converse(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.RecordConversationRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<ConversationRecordedView> {
    const conversationId = randomUUID();
    await this.commands.execute(
      new RecordConversation(id, advisorOf(p), conversationId, b.heldOn, b.minutes, b.mode, b.summary, contextOf(p, r)),
    );
    return { conversationId, summaryId: conversationId };
  }

  @Post('summaries/:summaryId/share')
  @HttpCode(204)
  async share(
    @Param('caseId', UUID_PARAM) id: string,
    @Param('summaryId', UUID_PARAM) summaryId: string,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(new ShareSummary(id, advisorOf(p), summaryId, contextOf(p, r)));
  }

  /** A revised text of a shared summary: the next version, shared with the reporter at once. */
  @Post('summaries/:summaryId/versions')
  @HttpCode(204)
  async revise(
    @Param('caseId', UUID_PARAM) id: string,
    @Param('summaryId', UUID_PARAM) summaryId: string,
    @Body() b: D.SummaryRevisionRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(new ReviseSummary(id, advisorOf(p), summaryId, b.summary, contextOf(p, r)));
  }

  @Post('advice')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AdviceGivenView })
  async advise(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.TextRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<AdviceGivenView> {
    const adviceId = randomUUID();
    await this.commands.execute(new GiveAdvice(id, advisorOf(p), adviceId, b.text, contextOf(p, r)));
    return { adviceId };
  }

  /** A consent the reporter gave in a recorded conversation: shown to them, it counts once they confirm it. */
  @Post('consents')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ConsentRecordedView })
  async consent(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.ConsentRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<ConsentRecordedView> {
    const consentId = randomUUID();
    await this.commands.execute(new RecordConsent(id, advisorOf(p), consentId, b.scope, b.referralType, b.conversationId, contextOf(p, r)));
    return { consentId };
  }

  /** The law overrides the reporter's consent for one step: recorded with its reason, shown to the reporter. */
  @Post('legal-duties')
  @HttpCode(201)
  @ApiCreatedResponse({ type: LegalDutyInvokedView })
  async legalDuty(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.LegalDutyRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<LegalDutyInvokedView> {
    const dutyId = randomUUID();
    await this.commands.execute(
      new InvokeLegalDuty(id, advisorOf(p), dutyId, b.reason, b.scope, b.referralType, b.explanation, contextOf(p, r)),
    );
    return { dutyId };
  }

  @Post('referrals')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReferralMadeView })
  async refer(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.ReferralRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<ReferralMadeView> {
    const referralId = randomUUID();
    await this.commands.execute(new MakeReferral(id, advisorOf(p), referralId, b.referralType, contextOf(p, r)));
    return { referralId };
  }

  @Post('formal-report')
  @HttpCode(204)
  async formal(@Param('caseId', UUID_PARAM) id: string, @CurrentPrincipal() p: Principal, @Req() r: HttpRequest): Promise<void> {
    await this.commands.execute(new SupportFormalReport(id, advisorOf(p), contextOf(p, r)));
  }

  @Post('hours')
  @HttpCode(204)
  async hours(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.HoursRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    await this.commands.execute(new LogHours(id, advisorOf(p), b.workedOn, b.minutes, b.activity, contextOf(p, r)));
  }

  @Post('closure')
  @HttpCode(204)
  async close(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.ClosureRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<void> {
    const feedback = b.feedback === undefined ? undefined : { feedbackId: randomUUID(), text: b.feedback };
    await this.commands.execute(new CloseCase(id, advisorOf(p), b.outcome, contextOf(p, r), feedback));
  }

  @Post('reopening')
  @HttpCode(204)
  async reopen(@Param('caseId', UUID_PARAM) id: string, @CurrentPrincipal() p: Principal, @Req() r: HttpRequest): Promise<void> {
    await this.commands.execute(new ReopenCase(id, advisorOf(p), contextOf(p, r)));
  }

  /** Feedback: what was done with the report. Only this (or a closure that carries it) meets the feedback deadline. */
  @Post('feedback')
  @HttpCode(201)
  @ApiCreatedResponse({ type: FeedbackGivenView })
  @ApiProblemResponse(409, 'Not acknowledged yet, or the case does not allow this now (closed, erased)')
  async feedback(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.FeedbackRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<FeedbackGivenView> {
    const feedbackId = randomUUID();
    await this.commands.execute(new GiveFeedback(id, advisorOf(p), feedbackId, b.feedback, contextOf(p, r)));
    return { feedbackId };
  }

  @Post('messages')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MessageSentView })
  async message(
    @Param('caseId', UUID_PARAM) id: string,
    @Body() b: D.TextRequest,
    @CurrentPrincipal() p: Principal,
    @Req() r: HttpRequest,
  ): Promise<MessageSentView> {
    const messageId = randomUUID();
    await this.commands.execute(new SendMessage(id, advisorOf(p), messageId, b.text, contextOf(p, r)));
    return { messageId };
  }
}
