// Every command handler of the service, registered by the module.
import { AcknowledgeCaseHandler } from './acknowledge-case/acknowledge-case.handler';
import { ApproveSummaryHandler } from './approve-summary/approve-summary.handler';
import { AssignAdvisorHandler } from './assign-advisor/assign-advisor.handler';
import {
  AlertUnmatchedCaseHandler,
  AssignMatchedAdvisorHandler,
  DeclineAssignmentHandler,
} from './matched-assignment/matched-assignment.handlers';
import { CloseCaseHandler } from './close-case/close-case.handler';
import { CorrectSummaryHandler } from './correct-summary/correct-summary.handler';
import { EraseCaseHandler } from './erase-case/erase-case.handler';
import { GiveAdviceHandler } from './give-advice/give-advice.handler';
import { LogHoursHandler } from './log-hours/log-hours.handler';
import { MakeReferralHandler } from './make-referral/make-referral.handler';
import { MarkDeadlineMissedHandler } from './mark-deadline-missed/mark-deadline-missed.handler';
import { OpenCaseHandler } from './open-case/open-case.handler';
import { PlanAftercareHandler } from './plan-aftercare/plan-aftercare.handler';
import { ReceiveReporterMessageHandler } from './receive-reporter-message/receive-reporter-message.handler';
import { RecordAftercareHandler } from './record-aftercare/record-aftercare.handler';
import { RecordConsentHandler } from './record-consent/record-consent.handler';
import { RecordConversationHandler } from './record-conversation/record-conversation.handler';
import { ReopenCaseHandler } from './reopen-case/reopen-case.handler';
import { SendMessageHandler } from './send-message/send-message.handler';
import { GiveFeedbackHandler } from './give-feedback/give-feedback.handler';
import { AnswerHandoverHandler } from './answer-handover/answer-handover.handler';
import { ResumeReportHandler } from './resume-report/resume-report.handler';
import { AnswerIdentityRevealHandler, RequestIdentityRevealHandler } from './identity-reveal/identity-reveal.handlers';
import { AnswerPeerConsultationHandler, RequestPeerConsultationHandler } from './peer-consultation/peer-consultation.handlers';
import { ShareSummaryHandler } from './share-summary/share-summary.handler';
import { SupportFormalReportHandler } from './support-formal-report/support-formal-report.handler';
import { TransferCaseHandler } from './transfer-case/transfer-case.handler';
import { WithdrawReportHandler } from './withdraw-report/withdraw-report.handler';
import { InvokeLegalDutyHandler } from './invoke-legal-duty/invoke-legal-duty.handler';
import { ConfirmConsentHandler, GiveConsentHandler, WithdrawConsentHandler } from './reporter-consent/reporter-consent.handlers';
import { ReviseSummaryHandler } from './revise-summary/revise-summary.handler';

export const COMMAND_HANDLERS = [
  AcknowledgeCaseHandler,
  ApproveSummaryHandler,
  AssignAdvisorHandler,
  AssignMatchedAdvisorHandler,
  AlertUnmatchedCaseHandler,
  DeclineAssignmentHandler,
  CloseCaseHandler,
  CorrectSummaryHandler,
  EraseCaseHandler,
  GiveAdviceHandler,
  LogHoursHandler,
  MakeReferralHandler,
  MarkDeadlineMissedHandler,
  OpenCaseHandler,
  PlanAftercareHandler,
  ReceiveReporterMessageHandler,
  RecordAftercareHandler,
  RecordConsentHandler,
  RecordConversationHandler,
  ReopenCaseHandler,
  SendMessageHandler,
  GiveFeedbackHandler,
  AnswerHandoverHandler,
  ResumeReportHandler,
  RequestIdentityRevealHandler,
  AnswerIdentityRevealHandler,
  RequestPeerConsultationHandler,
  AnswerPeerConsultationHandler,
  ShareSummaryHandler,
  SupportFormalReportHandler,
  TransferCaseHandler,
  WithdrawReportHandler,
  GiveConsentHandler,
  ConfirmConsentHandler,
  WithdrawConsentHandler,
  InvokeLegalDutyHandler,
  ReviseSummaryHandler,
];
