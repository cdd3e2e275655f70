import {
  isEvent,
  ReportSubmittedV1,
  ReportWithdrawnV1,
  ReporterMessageSentV1,
  SummaryApprovedV1,
  SummaryCorrectedV1,
  type IntegrationEvent,
  type PayloadOf,
} from '@vertrouwd/contracts';
import { systemContext } from '@vertrouwd/service-kit';
import type { OpenCase as Report } from '../../domain/case/case.aggregate';
import { ApproveSummary } from '../approve-summary/approve-summary.command';
import { CorrectSummary } from '../correct-summary/correct-summary.command';
import { OpenCase } from '../open-case/open-case.command';
import { ReceiveReporterMessage } from '../receive-reporter-message/receive-reporter-message.command';
import { WithdrawReport } from '../withdraw-report/withdraw-report.command';

/**
 * The command an intake event asks for. The payload was validated against its contract, and `isEvent` gives it the
 * contract's type. The reporter acts through intake without an account: the actor is the role, never a person.
 */
export function commandFor(event: IntegrationEvent): object | undefined {
  const context = systemContext('reporter', event.correlationId, event.eventId);
  if (isEvent(event, ReportSubmittedV1)) return new OpenCase(reportOf(event.payload), context);
  if (isEvent(event, ReporterMessageSentV1)) {
    const { caseId, messageId, sealedBody, sentAt } = event.payload;
    return new ReceiveReporterMessage(caseId, messageId, sealedBody, sentAt, context);
  }
  if (isEvent(event, SummaryApprovedV1))
    return new ApproveSummary(event.payload.caseId, event.payload.summaryId, event.payload.approvedAt, context);
  if (isEvent(event, SummaryCorrectedV1)) {
    const { caseId, summaryId, sealedCorrection, correctedAt } = event.payload;
    return new CorrectSummary(caseId, summaryId, sealedCorrection, correctedAt, context);
  }
  if (isEvent(event, ReportWithdrawnV1)) return new WithdrawReport(event.payload.caseId, event.payload.withdrawnAt, context);
  return undefined;
}

/**
 * What the case keeps of a submitted report: the facts, the sealed content, and what the reporter asked for
 * (language, a counsellor's gender and kind) for matching and the advisor; not the reporter's choice of channel.
 */
export function reportOf(p: PayloadOf<typeof ReportSubmittedV1>): Report {
  const { caseId, agencyId, organisationId, theme, relation, anonymity, receivedAt, sealedAccount, sealedContact, sealedIdentity } = p;
  return {
    caseId,
    agencyId,
    organisationId,
    theme,
    relation,
    anonymity,
    receivedAt,
    sealedAccount,
    ...(sealedContact ? { sealedContact } : {}),
    ...(sealedIdentity ? { sealedIdentity } : {}),
    language: p.language,
    preferredAdvisorGender: p.preferredAdvisorGender,
    preferredAdvisorKind: p.preferredAdvisorKind,
  };
}
