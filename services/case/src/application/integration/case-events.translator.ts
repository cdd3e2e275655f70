import {
  AdvisorAssignedV1,
  AdvisorMessageSentV1,
  CaseAcknowledgedV1,
  CaseClosedV1,
  CaseErasedV1,
  CaseOpenedV1,
  CaseReopenedV1,
  ConversationRecordedV1,
  DeadlineMissedV1,
  FormalReportSupportedV1,
  HoursLoggedV1,
  ReferralMadeV1,
  SummarySharedV1,
  outgoing,
} from '@vertrouwd/contracts';
import type { Translated } from '@vertrouwd/messaging';
import type { CaseEvent } from '../../domain/case/case.events';

/**
 * Domain events → integration events: the one place that decides what leaves the service. Metadata only;
 * sealed text only where the reporter must read it through intake (a shared summary, an advisor's message).
 * One switch over every event type and no default: a new event fails the type check until it is decided here.
 */
export function translateCaseEvent(event: CaseEvent): Translated[] {
  const { caseId } = event;
  switch (event.type) {
    case 'CaseOpened': {
      const { agencyId, organisationId, theme, relation, anonymity, receivedAt, openedAt } = event;
      const { language, preferredAdvisorGender, preferredAdvisorKind } = event;
      const asked = {
        ...(language ? { language } : {}),
        ...(preferredAdvisorGender ? { preferredAdvisorGender } : {}),
        ...(preferredAdvisorKind ? { preferredAdvisorKind } : {}),
      };
      return [outgoing(CaseOpenedV1, { caseId, agencyId, organisationId, theme, relation, anonymity, receivedAt, openedAt, ...asked })];
    }
    case 'AdvisorAssigned':
      return [outgoing(AdvisorAssignedV1, { caseId, advisorId: event.advisorId, assignedAt: event.assignedAt })];
    case 'CaseTransferred':
      return [outgoing(AdvisorAssignedV1, { caseId, advisorId: event.toAdvisorId, assignedAt: event.transferredAt })];
    case 'CaseAcknowledged':
      return [outgoing(CaseAcknowledgedV1, { caseId, acknowledgedAt: event.acknowledgedAt })];
    case 'ConversationRecorded':
      return [
        outgoing(ConversationRecordedV1, {
          caseId,
          conversationId: event.conversationId,
          heldOn: event.heldOn,
          minutes: event.minutes,
          mode: event.mode,
        }),
      ];
    case 'SummaryShared':
      return [
        outgoing(SummarySharedV1, { caseId, summaryId: event.summaryId, sharedAt: event.sharedAt, sealedSummary: event.sealedSummary }),
      ];
    case 'AdvisorMessageSent':
      return [outgoing(AdvisorMessageSentV1, { caseId, messageId: event.messageId, sentAt: event.sentAt, sealedBody: event.sealedBody })];
    case 'ReferralMade':
      return [outgoing(ReferralMadeV1, { caseId, referralType: event.referralType, referredAt: event.referredAt })];
    case 'FormalReportSupported':
      return [outgoing(FormalReportSupportedV1, { caseId, supportedAt: event.supportedAt })];
    case 'HoursLogged': {
      const { organisationId, advisorId, workedOn, minutes, activity } = event;
      return [outgoing(HoursLoggedV1, { caseId, organisationId, advisorId, workedOn, minutes, activity })];
    }
    case 'CaseClosed':
      return [outgoing(CaseClosedV1, { caseId, outcome: event.outcome, closedAt: event.closedAt })];
    case 'ReportWithdrawn':
      return [outgoing(CaseClosedV1, { caseId, outcome: 'withdrawn', closedAt: event.withdrawnAt })];
    case 'CaseReopened':
      return [outgoing(CaseReopenedV1, { caseId, reopenedAt: event.reopenedAt })];
    case 'CaseErased':
      return [outgoing(CaseErasedV1, { caseId, erasedAt: event.erasedAt })];
    case 'DeadlineMissed': {
      const { deadline, dueAt, advisorId } = event;
      return [outgoing(DeadlineMissedV1, { caseId, deadline, dueAt, ...(advisorId ? { advisorId } : {}) })];
    }
    case 'ConsentRecorded':
    case 'AdviceGiven':
    case 'AftercarePlanned':
    case 'AftercareRecorded':
    case 'SummaryApproved':
    case 'SummaryCorrected':
    case 'ReporterMessageReceived':
      return []; // consent, advice, aftercare, summaries' approval and the reporter's messages stay in the case
  }
}
