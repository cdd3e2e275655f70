import type { Case, NewConversation } from './case.aggregate';
import * as E from './case.errors';

/**
 * The exchanges of a case with its reporter: conversations and their summaries (shared for approval, approved
 * or corrected), and messages both ways. Reporter-side events arrive through the bus at least once, so each
 * is taken once.
 */
export class CaseCorrespondence {
  constructor(private readonly aggregate: Case) {}

  private get state() {
    return this.aggregate.state;
  }

  record(advisorId: string, c: NewConversation, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    const future = c.heldOn > at.toISOString().slice(0, 10);
    if (!Number.isInteger(c.minutes) || c.minutes <= 0 || future) throw new E.ConversationInvalidError();
    sealed(c.sealedSummary);
    this.aggregate.record({ type: 'ConversationRecorded', caseId: this.aggregate.id, advisorId, ...c, recordedAt: at.toISOString() });
  }

  share(advisorId: string, summaryId: string, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    const summary = this.state.summaries.get(summaryId);
    if (!summary) throw new E.SummaryNotFoundError();
    if (summary.shared) throw new E.SummaryAlreadySharedError();
    const { sealedSummary } = summary;
    this.aggregate.record({
      type: 'SummaryShared',
      caseId: this.aggregate.id,
      summaryId,
      advisorId,
      sealedSummary,
      sharedAt: at.toISOString(),
    });
  }

  approve(summaryId: string, at: Date): void {
    if (this.sharedSummary(summaryId).approved) return;
    this.aggregate.record({ type: 'SummaryApproved', caseId: this.aggregate.id, summaryId, approvedAt: at.toISOString() });
  }

  correct(summaryId: string, sealedCorrection: string, at: Date): void {
    const correctedAt = at.toISOString();
    if (this.sharedSummary(summaryId).corrections.has(correctedAt)) return;
    sealed(sealedCorrection);
    this.aggregate.record({ type: 'SummaryCorrected', caseId: this.aggregate.id, summaryId, sealedCorrection, correctedAt });
  }

  send(advisorId: string, messageId: string, sealedBody: string, at: Date): void {
    this.aggregate.requireAdvisor(advisorId);
    sealed(sealedBody);
    this.aggregate.record({
      type: 'AdvisorMessageSent',
      caseId: this.aggregate.id,
      messageId,
      advisorId,
      sealedBody,
      sentAt: at.toISOString(),
    });
  }

  receive(messageId: string, sealedBody: string, sentAt: string): void {
    this.aggregate.requireLive();
    if (this.state.reporterMessages.has(messageId)) return;
    sealed(sealedBody);
    this.aggregate.record({ type: 'ReporterMessageReceived', caseId: this.aggregate.id, messageId, sealedBody, sentAt });
  }

  private sharedSummary(summaryId: string) {
    this.aggregate.requireLive();
    const summary = this.state.summaries.get(summaryId);
    if (!summary?.shared) throw new E.SummaryNotSharedError();
    return summary;
  }
}

function sealed(value: string): void {
  if (!value.startsWith('sealed:')) throw new E.NotSealedError();
}
