import {
  ReportSubmittedV1,
  ReportWithdrawnV1,
  ReporterMessageSentV1,
  SummaryApprovedV1,
  SummaryCorrectedV1,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import type { OpenCase as Report } from '../../domain/case/case.aggregate';
import { ApproveSummary } from '../approve-summary/approve-summary.command';
import type { CommandContext } from '@vertrouwd/service-kit';
import { CorrectSummary } from '../correct-summary/correct-summary.command';
import { OpenCase } from '../open-case/open-case.command';
import { ReceiveReporterMessage } from '../receive-reporter-message/receive-reporter-message.command';
import { WithdrawReport } from '../withdraw-report/withdraw-report.command';

type Payload = Record<string, string>;

// The reporter acts through intake without an account: in event metadata the actor is the role, never a person.
const REPORTER = 'reporter';

/** The command an intake event asks for (the payload was validated against its contract before). */
export function commandFor(event: IntegrationEvent): object | undefined {
  const p = event.payload as Payload;
  const context: CommandContext = { actor: REPORTER, correlationId: event.correlationId, causationId: event.eventId };
  switch (event.type) {
    case ReportSubmittedV1.type:
      return new OpenCase(reportOf(p), context);
    case ReporterMessageSentV1.type:
      return new ReceiveReporterMessage(p.caseId, p.messageId, p.sealedBody, p.sentAt, context);
    case SummaryApprovedV1.type:
      return new ApproveSummary(p.caseId, p.summaryId, p.approvedAt, context);
    case SummaryCorrectedV1.type:
      return new CorrectSummary(p.caseId, p.summaryId, p.sealedCorrection, p.correctedAt, context);
    case ReportWithdrawnV1.type:
      return new WithdrawReport(p.caseId, p.withdrawnAt, context);
    default:
      return undefined;
  }
}

function reportOf(p: Payload): Report {
  const report = {
    caseId: p.caseId,
    agencyId: p.agencyId,
    organisationId: p.organisationId,
    theme: p.theme,
    relation: p.relation,
    anonymity: p.anonymity,
    receivedAt: p.receivedAt,
    sealedAccount: p.sealedAccount,
    ...(p.sealedContact ? { sealedContact: p.sealedContact } : {}),
    ...(p.sealedIdentity ? { sealedIdentity: p.sealedIdentity } : {}),
  };
  return report as Report; // enum fields are checked by the contract's schema
}
