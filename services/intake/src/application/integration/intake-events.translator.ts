import {
  ConsentConfirmedV1,
  ConsentGivenV1,
  ConsentWithdrawnV1,
  ReporterMessageSentV1,
  ReportSubmittedV1,
  ReportWithdrawnV1,
  ReportResumedV1,
  IdentityRevealAnsweredV1,
  SummaryApprovedV1,
  SummaryCorrectedV1,
  PageVisitsCountedV1,
  outgoing,
} from '@vertrouwd/contracts';
import type { Translated } from '@vertrouwd/messaging';
import type { PageVisitsEvent } from '../../domain/page-visits/page-visits';
import type { ReportEvent } from '../../domain/report/report.events';

/**
 * Domain events → integration events: the one place that decides what leaves intake. Sealed fields only.
 * One switch over every event type and no default: a new event fails the type check until it is decided here.
 */
export function translateIntakeEvent(event: ReportEvent): Translated[] {
  switch (event.type) {
    case 'ReportSubmitted': {
      const { reporterRef: _kept, ...facts } = event.facts; // the key ref stays in intake: case needs no handle on the person
      const { sealedAccount, sealedContact, sealedIdentity } = event.content;
      const payload = {
        ...facts,
        receivedAt: event.receivedAt,
        sealedAccount,
        ...(sealedContact ? { sealedContact } : {}),
        ...(sealedIdentity ? { sealedIdentity } : {}),
      };
      return [outgoing(ReportSubmittedV1, payload)];
    }
    case 'MessageSent':
      return [
        outgoing(ReporterMessageSentV1, {
          caseId: event.caseId,
          messageId: event.messageId,
          sentAt: event.sentAt,
          sealedBody: event.sealedBody,
        }),
      ];
    case 'SummaryApproved':
      return [
        outgoing(SummaryApprovedV1, {
          caseId: event.caseId,
          summaryId: event.summaryId,
          approvedAt: event.approvedAt,
          ...(event.version ? { version: event.version } : {}),
        }),
      ];
    case 'SummaryCorrected':
      return [
        outgoing(SummaryCorrectedV1, {
          caseId: event.caseId,
          summaryId: event.summaryId,
          correctedAt: event.correctedAt,
          sealedCorrection: event.sealedCorrection,
          ...(event.version ? { version: event.version } : {}),
        }),
      ];
    case 'ReportWithdrawn':
      return [outgoing(ReportWithdrawnV1, { caseId: event.caseId, withdrawnAt: event.withdrawnAt })];
    case 'IdentityRevealAnswered': {
      const { caseId, revealId, decision, answeredAt } = event;
      return [outgoing(IdentityRevealAnsweredV1, { caseId, revealId, decision, answeredAt })];
    }
    case 'ReportResumed':
      return [outgoing(ReportResumedV1, { caseId: event.caseId, resumedAt: event.resumedAt })];
    case 'ConsentGiven': {
      const { caseId, consentId, scope, referralType, givenAt } = event;
      return [outgoing(ConsentGivenV1, { caseId, consentId, scope, givenAt, ...(referralType ? { referralType } : {}) })];
    }
    case 'ConsentConfirmed':
      return [outgoing(ConsentConfirmedV1, { caseId: event.caseId, consentId: event.consentId, confirmedAt: event.confirmedAt })];
    case 'ConsentWithdrawn':
      return [outgoing(ConsentWithdrawnV1, { caseId: event.caseId, consentId: event.consentId, withdrawnAt: event.withdrawnAt })];
    case 'ReporterDataErased':
      // Nothing to tell: the reporter's key is shredded in the shared vault, so every reader (the advisor's
      // view, the audit replay) already reads their contact and identity as erased.
      return [];
  }
}

/** A day's page visits: the total only, as intake.page-visits-counted.v1. */
export function translatePageVisitsEvent(event: PageVisitsEvent): Translated[] {
  const { organisationId, agencyId, day, visits } = event;
  return [outgoing(PageVisitsCountedV1, { organisationId, agencyId, day, visits })];
}
