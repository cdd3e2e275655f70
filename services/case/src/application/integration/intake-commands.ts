import {
  ConsentConfirmedV1,
  ConsentGivenV1,
  ConsentWithdrawnV1,
  isEvent,
  ReportSubmittedV1,
  ReportWithdrawnV1,
  ReportResumedV1,
  IdentityRevealAnsweredV1,
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
import { ConfirmConsent, GiveConsent, WithdrawConsent } from '../reporter-consent/reporter-consent.commands';
import { ReceiveReporterMessage } from '../receive-reporter-message/receive-reporter-message.command';
import { WithdrawReport } from '../withdraw-report/withdraw-report.command';
import { ResumeReport } from '../resume-report/resume-report.command';
import { AnswerIdentityReveal } from '../identity-reveal/identity-reveal.commands';

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
  if (isEvent(event, SummaryApprovedV1)) {
    const { caseId, summaryId, approvedAt, version } = event.payload;
    return new ApproveSummary(caseId, summaryId, approvedAt, context, version);
  }
  if (isEvent(event, SummaryCorrectedV1)) {
    const { caseId, summaryId, sealedCorrection, correctedAt, version } = event.payload;
    return new CorrectSummary(caseId, summaryId, sealedCorrection, correctedAt, context, version);
  }
  if (isEvent(event, ConsentGivenV1)) {
    const { caseId, consentId, scope, referralType, givenAt } = event.payload;
    return new GiveConsent(caseId, consentId, scope, referralType, givenAt, context);
  }
  if (isEvent(event, ConsentConfirmedV1)) {
    const { caseId, consentId, confirmedAt } = event.payload;
    return new ConfirmConsent(caseId, consentId, confirmedAt, context);
  }
  if (isEvent(event, ConsentWithdrawnV1)) {
    const { caseId, consentId, withdrawnAt } = event.payload;
    return new WithdrawConsent(caseId, consentId, withdrawnAt, context);
  }
  if (isEvent(event, ReportWithdrawnV1)) return new WithdrawReport(event.payload.caseId, event.payload.withdrawnAt, context);
  if (isEvent(event, IdentityRevealAnsweredV1)) {
    const { caseId, revealId, decision, answeredAt } = event.payload;
    return new AnswerIdentityReveal(caseId, revealId, decision, answeredAt, context);
  }
  if (isEvent(event, ReportResumedV1)) return new ResumeReport(event.payload.caseId, event.payload.resumedAt, context);
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
    ...(p.site ? { site: p.site } : {}),
  };
}
