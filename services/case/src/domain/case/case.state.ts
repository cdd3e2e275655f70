import type { CaseEvent, CaseOpened } from './case.events';
import type { CaseStatus, ConsentScope, Deadline, Outcome } from './case.values';

interface SummaryState {
  sealedSummary: string;
  shared: boolean;
  approved: boolean;
  corrections: Set<string>;
}

/** What the rules of a case need to know, rebuilt from its events by `evolve` (the only place state changes). */
export class CaseState {
  opened: CaseOpened | undefined;
  status: CaseStatus = 'waiting-for-assignment';
  advisorId: string | undefined;
  acknowledgedAt: string | undefined;
  outcome: Outcome | undefined;
  formalReport = false;
  readonly consents = new Set<ConsentScope>();
  readonly summaries = new Map<string, SummaryState>();
  readonly aftercare = new Set<string>();
  readonly reporterMessages = new Set<string>();
  readonly missedDeadlines = new Set<Deadline>();

  evolve(event: CaseEvent): void {
    switch (event.type) {
      case 'CaseOpened':
        this.opened = event;
        return;
      case 'AdvisorAssigned':
        this.advisorId = event.advisorId;
        if (this.status === 'waiting-for-assignment') this.status = 'open';
        return;
      case 'CaseTransferred':
        this.advisorId = event.toAdvisorId;
        return;
      case 'CaseAcknowledged':
        this.acknowledgedAt = event.acknowledgedAt;
        return;
      case 'ConversationRecorded':
        this.summaries.set(event.conversationId, {
          sealedSummary: event.sealedSummary,
          shared: false,
          approved: false,
          corrections: new Set(),
        });
        return;
      case 'SummaryShared':
        this.summary(event.summaryId).shared = true;
        return;
      case 'SummaryApproved':
        this.summary(event.summaryId).approved = true;
        return;
      case 'SummaryCorrected':
        this.summary(event.summaryId).corrections.add(event.correctedAt);
        return;
      default:
        this.evolveMore(event);
    }
  }

  private evolveMore(event: CaseEvent): void {
    switch (event.type) {
      case 'ConsentRecorded':
        this.consents.add(event.scope);
        return;
      case 'FormalReportSupported':
        this.formalReport = true;
        return;
      case 'AftercarePlanned':
        this.aftercare.add(event.aftercareId);
        return;
      case 'ReporterMessageReceived':
        this.reporterMessages.add(event.messageId);
        return;
      case 'CaseClosed':
        this.close(event.outcome);
        return;
      case 'ReportWithdrawn':
        this.close('withdrawn');
        return;
      case 'CaseReopened':
        this.status = this.advisorId ? 'open' : 'waiting-for-assignment';
        this.outcome = undefined;
        return;
      case 'CaseErased':
        this.status = 'erased';
        return;
      case 'DeadlineMissed':
        this.missedDeadlines.add(event.deadline);
        return;
      default:
        return; // the other events are history only: no rule depends on them
    }
  }

  private close(outcome: Outcome): void {
    this.status = 'closed';
    this.outcome = outcome;
  }

  private summary(id: string): SummaryState {
    const summary = this.summaries.get(id);
    if (!summary) throw new Error('A summary event names a conversation that is not in this case');
    return summary;
  }
}
