import { Aggregate, type Evolution } from '@vertrouwd/domain';
import {
  ContentNotSealedError,
  ReportAlreadySubmittedError,
  ReportNotSubmittedError,
  ReporterDataAlreadyErasedError,
  ReportWithdrawnError,
  ReportNotWithdrawnError,
  RevealAlreadyAnsweredError,
  SummaryAlreadyAnsweredError,
} from './report.errors';
import type { MessageSent, ReportEvent, ReportFacts, SealedReportContent } from './report.events';

/** What the reporter submitted, wrote and answered, rebuilt from the report's events. */
export interface ReportState {
  facts: ReportFacts | undefined;
  receivedAt: string;
  /** How the reporter may be reached (sealed under their own key), when they gave more than the platform. */
  sealedContact: string | undefined;
  withdrawnAt: string | undefined;
  reporterDataErasedAt: string | undefined;
  /** How the reporter answered each summary they answered. */
  summaryAnswers: ReadonlyMap<string, 'approved' | 'corrected'>;
  /** How the reporter answered each identity reveal request. */
  revealAnswers: ReadonlyMap<string, 'approved' | 'refused'>;
  messages: readonly MessageSent[];
}

const initial: ReportState = {
  facts: undefined,
  receivedAt: '',
  sealedContact: undefined,
  withdrawnAt: undefined,
  reporterDataErasedAt: undefined,
  summaryAnswers: new Map(),
  revealAnswers: new Map(),
  messages: [],
};

/** The one place the state changes: one step per event type. */
const evolution: Evolution<ReportState, ReportEvent> = {
  ReportSubmitted: (state, event) => ({
    ...state,
    facts: event.facts,
    receivedAt: event.receivedAt,
    sealedContact: event.content.sealedContact,
  }),
  MessageSent: (state, event) => ({ ...state, messages: [...state.messages, event] }),
  SummaryApproved: (state, event) => ({ ...state, summaryAnswers: new Map(state.summaryAnswers).set(event.summaryId, 'approved') }),
  SummaryCorrected: (state, event) => ({ ...state, summaryAnswers: new Map(state.summaryAnswers).set(event.summaryId, 'corrected') }),
  ReportWithdrawn: (state, event) => ({ ...state, withdrawnAt: event.withdrawnAt }),
  ReporterDataErased: (state, event) => ({ ...state, reporterDataErasedAt: event.erasedAt }),
  ReportResumed: (state) => ({ ...state, withdrawnAt: undefined }),
  IdentityRevealAnswered: (state, event) => ({ ...state, revealAnswers: new Map(state.revealAnswers).set(event.revealId, event.decision) }),
};

const isSealed = (value: string | undefined) => value === undefined || value.startsWith('sealed:');

/** The reporter's side of a case (stream `report-<caseId>`): what they submitted, wrote and answered. */
export class Report extends Aggregate<ReportEvent, ReportState> {
  constructor() {
    super(initial, evolution);
  }

  get id(): string {
    return this.state.facts?.caseId ?? '';
  }

  submit(facts: ReportFacts, content: SealedReportContent, at: Date): void {
    if (this.state.facts) throw new ReportAlreadySubmittedError();
    if (![content.sealedAccount, content.sealedContact, content.sealedIdentity].every(isSealed)) throw new ContentNotSealedError();
    this.apply({ type: 'ReportSubmitted', facts, content, receivedAt: at.toISOString() });
  }

  sendMessage(messageId: string, sealedBody: string, at: Date): void {
    const caseId = this.mustBeOpen();
    if (!isSealed(sealedBody)) throw new ContentNotSealedError();
    this.apply({ type: 'MessageSent', caseId, messageId, sealedBody, sentAt: at.toISOString() });
  }

  approveSummary(summaryId: string, at: Date): void {
    const caseId = this.mustBeOpen();
    if (this.state.summaryAnswers.has(summaryId)) throw new SummaryAlreadyAnsweredError();
    this.apply({ type: 'SummaryApproved', caseId, summaryId, approvedAt: at.toISOString() });
  }

  correctSummary(summaryId: string, sealedCorrection: string, at: Date): void {
    const caseId = this.mustBeOpen();
    if (this.state.summaryAnswers.has(summaryId)) throw new SummaryAlreadyAnsweredError();
    if (!isSealed(sealedCorrection)) throw new ContentNotSealedError();
    this.apply({ type: 'SummaryCorrected', caseId, summaryId, sealedCorrection, correctedAt: at.toISOString() });
  }

  withdraw(at: Date): void {
    const caseId = this.mustBeOpen();
    this.apply({ type: 'ReportWithdrawn', caseId, withdrawnAt: at.toISOString() });
  }

  /** The reporter decides, once, whether their identity may be revealed to the viewer a request named. */
  answerReveal(revealId: string, decision: 'approved' | 'refused', at: Date): void {
    const caseId = this.mustBeOpen();
    if (this.state.revealAnswers.has(revealId)) throw new RevealAlreadyAnsweredError();
    this.apply({ type: 'IdentityRevealAnswered', caseId, revealId, decision, answeredAt: at.toISOString() });
  }

  /** Only the reporter can take back their withdrawal; a report that is not withdrawn cannot be resumed. */
  resume(at: Date): void {
    if (!this.state.facts) throw new ReportNotSubmittedError();
    if (!this.state.withdrawnAt) throw new ReportNotWithdrawnError();
    this.apply({ type: 'ReportResumed', caseId: this.id, resumedAt: at.toISOString() });
  }

  /**
   * The reporter's right to erasure of their own data: also after withdrawal, once. The caller shreds the
   * reporter's key (`state.facts.reporterRef`) before this is saved.
   */
  eraseReporterData(at: Date): void {
    if (!this.state.facts) throw new ReportNotSubmittedError();
    if (this.state.reporterDataErasedAt) throw new ReporterDataAlreadyErasedError();
    this.apply({ type: 'ReporterDataErased', caseId: this.id, erasedAt: at.toISOString() });
  }

  /** A submitted report that was not withdrawn; returns its case id. */
  private mustBeOpen(): string {
    if (!this.state.facts) throw new ReportNotSubmittedError();
    if (this.state.withdrawnAt) throw new ReportWithdrawnError();
    return this.state.facts.caseId;
  }
}
