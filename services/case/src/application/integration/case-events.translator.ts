import {
  AdvisorAssignedV1,
  AssignmentDeclinedV1,
  AdvisorMessageSentV1,
  CaseAcknowledgedV1,
  CaseClosedV1,
  CaseErasedV1,
  CaseOpenedV1,
  CaseReopenedV1,
  ConsentRecordedV1,
  ConversationRecordedV1,
  DeadlineMissedV1,
  FeedbackGivenV1,
  IdentityRevealDecidedV1,
  IdentityRevealRequestedV1,
  FormalReportSupportedV1,
  HoursLoggedV1,
  LegalDutyInvokedV1,
  ReferralMadeV1,
  SummarySharedV1,
  outgoing,
} from '@vertrouwd/contracts';
import type { Translated } from '@vertrouwd/messaging';
import type { CaseEvent } from '../../domain/case/case.events';

/**
 * Domain events → integration events: the one place that decides what leaves the service. Metadata only;
 * sealed text only where the reporter must read it through intake (a shared summary, an advisor's message, feedback).
 * One switch over every event type and no default: a new event fails the type check until it is decided here.
 */
export function translateCaseEvent(event: CaseEvent): Translated[] {
  const { caseId } = event;
  switch (event.type) {
    case 'CaseOpened': {
      const { agencyId, organisationId, theme, relation, anonymity, receivedAt, openedAt } = event;
      const { language, preferredAdvisorGender, preferredAdvisorKind, site } = event;
      const asked = {
        ...(language ? { language } : {}),
        ...(site ? { site } : {}),
        ...(preferredAdvisorGender ? { preferredAdvisorGender } : {}),
        ...(preferredAdvisorKind ? { preferredAdvisorKind } : {}),
      };
      return [outgoing(CaseOpenedV1, { caseId, agencyId, organisationId, theme, relation, anonymity, receivedAt, openedAt, ...asked })];
    }
    case 'AdvisorAssigned':
      return [outgoing(AdvisorAssignedV1, { caseId, advisorId: event.advisorId, assignedAt: event.assignedAt })];
    case 'AssignmentDeclined': {
      const { agencyId, organisationId, advisorId, conflictWith, declinedAt } = event;
      return [outgoing(AssignmentDeclinedV1, { caseId, agencyId, organisationId, advisorId, conflictWith, declinedAt })];
    }
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
        outgoing(SummarySharedV1, {
          caseId,
          summaryId: event.summaryId,
          sharedAt: event.sharedAt,
          sealedSummary: event.sealedSummary,
          ...(event.version ? { version: event.version } : {}),
        }),
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
    case 'IdentityRevealRequested': {
      const { revealId, requestedAt, sealedReason } = event;
      const viewer = event.viewerId === event.advisorId ? 'assigned-advisor' : 'colleague';
      return [outgoing(IdentityRevealRequestedV1, { caseId, revealId, viewer, requestedAt, sealedReason })];
    }
    case 'IdentityRevealDecided': {
      const { revealId, decision, decidedBy, decidedAt } = event;
      return [outgoing(IdentityRevealDecidedV1, { caseId, revealId, decision, decidedBy, decidedAt })];
    }
    case 'PeerConsultationRequested': // intervisie stays inside the agency: nothing leaves the service
    case 'PeerConsultationAnswered':
      return [];
    case 'ReportResumed':
      return [outgoing(CaseReopenedV1, { caseId, reopenedAt: event.resumedAt })];
    case 'CaseErased':
      return [outgoing(CaseErasedV1, { caseId, erasedAt: event.erasedAt })];
    case 'DeadlineMissed': {
      const { deadline, dueAt, advisorId, regime } = event;
      return [outgoing(DeadlineMissedV1, { caseId, deadline, dueAt, ...(advisorId ? { advisorId } : {}), ...(regime ? { regime } : {}) })];
    }
    case 'FeedbackGiven':
      return [
        outgoing(FeedbackGivenV1, { caseId, feedbackId: event.feedbackId, givenAt: event.givenAt, sealedFeedback: event.sealedFeedback }),
      ];
    case 'ConsentRecorded': {
      // The reporter sees what their advisor recorded, to confirm or withdraw it; one from before per-target consent stays.
      const { consentId, conversationId, scope, referralType, recordedAt } = event;
      if (!consentId || !conversationId) return [];
      return [
        outgoing(ConsentRecordedV1, { caseId, consentId, scope, conversationId, recordedAt, ...(referralType ? { referralType } : {}) }),
      ];
    }
    case 'LegalDutyInvoked': {
      const { dutyId, reason, scope, referralType, invokedAt, sealedExplanation } = event;
      return [
        outgoing(LegalDutyInvokedV1, {
          caseId,
          dutyId,
          reason,
          scope,
          invokedAt,
          sealedExplanation,
          ...(referralType ? { referralType } : {}),
        }),
      ];
    }
    case 'ConsentGiven':
    case 'ConsentConfirmed':
    case 'ConsentWithdrawn':
      return []; // the reporter's own steps: intake published them already
    case 'AdviceGiven':
    case 'AftercarePlanned':
    case 'AftercareRecorded':
    case 'SummaryApproved':
    case 'SummaryCorrected':
    case 'ReporterMessageReceived':
    case 'CaseHandoverOffered': // the new advisor is published when they accept (CaseTransferred)
    case 'CaseHandoverDeclined':
      return []; // consent, advice, aftercare, summaries' approval and the reporter's messages stay in the case
  }
}
