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
      return [{ contract: CaseOpenedV1, payload: { caseId, agencyId, organisationId, theme, relation, anonymity, receivedAt, openedAt } }];
    }
    case 'AdvisorAssigned':
      return [{ contract: AdvisorAssignedV1, payload: { caseId, advisorId: event.advisorId, assignedAt: event.assignedAt } }];
    case 'CaseTransferred':
      return [{ contract: AdvisorAssignedV1, payload: { caseId, advisorId: event.toAdvisorId, assignedAt: event.transferredAt } }];
    case 'CaseAcknowledged':
      return [{ contract: CaseAcknowledgedV1, payload: { caseId, acknowledgedAt: event.acknowledgedAt } }];
    case 'ConversationRecorded':
      return [
        {
          contract: ConversationRecordedV1,
          payload: { caseId, conversationId: event.conversationId, heldOn: event.heldOn, minutes: event.minutes, mode: event.mode },
        },
      ];
    case 'SummaryShared':
      return [
        {
          contract: SummarySharedV1,
          payload: { caseId, summaryId: event.summaryId, sharedAt: event.sharedAt, sealedSummary: event.sealedSummary },
        },
      ];
    case 'AdvisorMessageSent':
      return [
        {
          contract: AdvisorMessageSentV1,
          payload: { caseId, messageId: event.messageId, sentAt: event.sentAt, sealedBody: event.sealedBody },
        },
      ];
    case 'ReferralMade':
      return [{ contract: ReferralMadeV1, payload: { caseId, referralType: event.referralType, referredAt: event.referredAt } }];
    case 'FormalReportSupported':
      return [{ contract: FormalReportSupportedV1, payload: { caseId, supportedAt: event.supportedAt } }];
    case 'HoursLogged': {
      const { organisationId, advisorId, workedOn, minutes, activity } = event;
      return [{ contract: HoursLoggedV1, payload: { caseId, organisationId, advisorId, workedOn, minutes, activity } }];
    }
    case 'CaseClosed':
      return [{ contract: CaseClosedV1, payload: { caseId, outcome: event.outcome, closedAt: event.closedAt } }];
    case 'ReportWithdrawn':
      return [{ contract: CaseClosedV1, payload: { caseId, outcome: 'withdrawn', closedAt: event.withdrawnAt } }];
    case 'CaseReopened':
      return [{ contract: CaseReopenedV1, payload: { caseId, reopenedAt: event.reopenedAt } }];
    case 'CaseErased':
      return [{ contract: CaseErasedV1, payload: { caseId, erasedAt: event.erasedAt } }];
    case 'DeadlineMissed': {
      const { deadline, dueAt, advisorId } = event;
      return [{ contract: DeadlineMissedV1, payload: { caseId, deadline, dueAt, ...(advisorId ? { advisorId } : {}) } }];
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
