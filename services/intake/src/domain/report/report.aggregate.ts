import { EventSourcedAggregate } from '@vertrouwd/event-sourcing';
import {
  ContentNotSealedError,
  ReportAlreadySubmittedError,
  ReportNotSubmittedError,
  ReporterDataAlreadyErasedError,
  ReportWithdrawnError,
  SummaryAlreadyAnsweredError,
} from './report.errors';
import {
  MessageSent,
  ReporterDataErased,
  ReportSubmitted,
  ReportWithdrawn,
  SummaryApproved,
  SummaryCorrected,
  type ReportEvent,
  type ReportFacts,
  type SealedReportContent,
} from './report.events';

const isSealed = (value: string | undefined) => value === undefined || value.startsWith('sealed:');

/** The reporter's side of a case (stream `report-<caseId>`): what they submitted, wrote and answered. */
export class Report extends EventSourcedAggregate<ReportEvent> {
  private caseId = '';
  /** How the reporter answered each summary they answered. */
  readonly summaryAnswers = new Map<string, 'approved' | 'corrected'>();
  facts: ReportFacts | undefined;
  receivedAt = '';
  withdrawnAt: string | undefined;
  reporterDataErasedAt: string | undefined;
  readonly messages: MessageSent[] = [];

  get id(): string {
    return this.caseId;
  }

  submit(facts: ReportFacts, content: SealedReportContent, at: Date): void {
    if (this.facts) throw new ReportAlreadySubmittedError();
    if (![content.sealedAccount, content.sealedContact, content.sealedIdentity].every(isSealed)) throw new ContentNotSealedError();
    this.apply(new ReportSubmitted(facts, content, at.toISOString()));
  }

  sendMessage(messageId: string, sealedBody: string, at: Date): void {
    this.mustBeOpen();
    if (!isSealed(sealedBody)) throw new ContentNotSealedError();
    this.apply(new MessageSent(this.caseId, messageId, sealedBody, at.toISOString()));
  }

  approveSummary(summaryId: string, at: Date): void {
    this.mustBeOpen();
    if (this.summaryAnswers.has(summaryId)) throw new SummaryAlreadyAnsweredError();
    this.apply(new SummaryApproved(this.caseId, summaryId, at.toISOString()));
  }

  correctSummary(summaryId: string, sealedCorrection: string, at: Date): void {
    this.mustBeOpen();
    if (this.summaryAnswers.has(summaryId)) throw new SummaryAlreadyAnsweredError();
    if (!isSealed(sealedCorrection)) throw new ContentNotSealedError();
    this.apply(new SummaryCorrected(this.caseId, summaryId, sealedCorrection, at.toISOString()));
  }

  withdraw(at: Date): void {
    this.mustBeOpen();
    this.apply(new ReportWithdrawn(this.caseId, at.toISOString()));
  }

  /**
   * The reporter's right to erasure of their own data: also after withdrawal, once. The caller shreds the
   * reporter's key (`facts.reporterRef`) before this is saved.
   */
  eraseReporterData(at: Date): void {
    if (!this.facts) throw new ReportNotSubmittedError();
    if (this.reporterDataErasedAt) throw new ReporterDataAlreadyErasedError();
    this.apply(new ReporterDataErased(this.caseId, at.toISOString()));
  }

  private mustBeOpen(): void {
    if (!this.facts) throw new ReportNotSubmittedError();
    if (this.withdrawnAt) throw new ReportWithdrawnError();
  }

  onReportSubmitted(event: ReportSubmitted): void {
    this.caseId = event.facts.caseId;
    this.facts = event.facts;
    this.receivedAt = event.receivedAt;
  }

  onMessageSent(event: MessageSent): void {
    this.messages.push(event);
  }

  onSummaryApproved(event: SummaryApproved): void {
    this.summaryAnswers.set(event.summaryId, 'approved');
  }

  onSummaryCorrected(event: SummaryCorrected): void {
    this.summaryAnswers.set(event.summaryId, 'corrected');
  }

  onReportWithdrawn(event: ReportWithdrawn): void {
    this.withdrawnAt = event.withdrawnAt;
  }

  onReporterDataErased(event: ReporterDataErased): void {
    this.reporterDataErasedAt = event.erasedAt;
  }
}
