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
  ConsentAlreadyAnsweredError,
  ConsentTargetInvalidError,
} from './report.errors';
import type { ConsentScope, MessageSent, ReferralType, ReportEvent, ReportFacts, SealedReportContent } from './report.events';

/** A consent as the reporter's stream knows it: given by them, or (recorded by the advisor) confirmed or withdrawn by them. */
export interface ReporterConsent {
  /** Given by the reporter through their receipt; absent for one their advisor recorded (intake's read model has it). */
  given?: { scope: ConsentScope; referralType?: ReferralType; givenAt: string };
  confirmedAt?: string;
  withdrawnAt?: string;
}

/** The key of a reporter's answer: one per version of a summary. */
export const answerKey = (summaryId: string, version = 1) => `${summaryId}#${version}`;

/** What the reporter submitted, wrote and answered, rebuilt from the report's events. */
export interface ReportState {
  facts: ReportFacts | undefined;
  receivedAt: string;
  /** How the reporter may be reached (sealed under their own key), when they gave more than the platform. */
  sealedContact: string | undefined;
  withdrawnAt: string | undefined;
  reporterDataErasedAt: string | undefined;
  /** How the reporter answered each version of a summary they answered (key: `answerKey`). */
  summaryAnswers: ReadonlyMap<string, 'approved' | 'corrected'>;
  /** How the reporter answered each identity reveal request. */
  revealAnswers: ReadonlyMap<string, 'approved' | 'refused'>;
  consents: ReadonlyMap<string, ReporterConsent>;
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
  consents: new Map(),
  messages: [],
};

const withConsent = (state: ReportState, id: string, change: Partial<ReporterConsent>): ReportState => ({
  ...state,
  consents: new Map(state.consents).set(id, { ...state.consents.get(id), ...change }),
});

/** The one place the state changes: one step per event type. */
const evolution: Evolution<ReportState, ReportEvent> = {
  ReportSubmitted: (state, event) => ({
    ...state,
    facts: event.facts,
    receivedAt: event.receivedAt,
    sealedContact: event.content.sealedContact,
  }),
  MessageSent: (state, event) => ({ ...state, messages: [...state.messages, event] }),
  SummaryApproved: (state, event) => ({
    ...state,
    summaryAnswers: new Map(state.summaryAnswers).set(answerKey(event.summaryId, event.version), 'approved'),
  }),
  SummaryCorrected: (state, event) => ({
    ...state,
    summaryAnswers: new Map(state.summaryAnswers).set(answerKey(event.summaryId, event.version), 'corrected'),
  }),
  ReportWithdrawn: (state, event) => ({ ...state, withdrawnAt: event.withdrawnAt }),
  ReporterDataErased: (state, event) => ({ ...state, reporterDataErasedAt: event.erasedAt }),
  ReportResumed: (state) => ({ ...state, withdrawnAt: undefined }),
  IdentityRevealAnswered: (state, event) => ({ ...state, revealAnswers: new Map(state.revealAnswers).set(event.revealId, event.decision) }),
  ConsentGiven: (state, event) =>
    withConsent(state, event.consentId, {
      given: { scope: event.scope, ...(event.referralType ? { referralType: event.referralType } : {}), givenAt: event.givenAt },
    }),
  ConsentConfirmed: (state, event) => withConsent(state, event.consentId, { confirmedAt: event.confirmedAt }),
  ConsentWithdrawn: (state, event) => withConsent(state, event.consentId, { withdrawnAt: event.withdrawnAt }),
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

  /** Each version of a summary is answered once (which version is the latest, the caller checked). */
  approveSummary(summaryId: string, at: Date, version = 1): void {
    const caseId = this.mustBeOpen();
    if (this.state.summaryAnswers.has(answerKey(summaryId, version))) throw new SummaryAlreadyAnsweredError();
    this.apply({ type: 'SummaryApproved', caseId, summaryId, approvedAt: at.toISOString(), version });
  }

  correctSummary(summaryId: string, sealedCorrection: string, at: Date, version = 1): void {
    const caseId = this.mustBeOpen();
    if (this.state.summaryAnswers.has(answerKey(summaryId, version))) throw new SummaryAlreadyAnsweredError();
    if (!isSealed(sealedCorrection)) throw new ContentNotSealedError();
    this.apply({ type: 'SummaryCorrected', caseId, summaryId, sealedCorrection, correctedAt: at.toISOString(), version });
  }

  /** The reporter's own consent to one step: a referral to exactly one target, or a formal report. */
  giveConsent(consentId: string, scope: ConsentScope, referralType: ReferralType | undefined, at: Date): void {
    const caseId = this.mustBeOpen();
    if ((scope === 'referral') !== (referralType !== undefined)) throw new ConsentTargetInvalidError();
    this.apply({ type: 'ConsentGiven', caseId, consentId, scope, ...(referralType ? { referralType } : {}), givenAt: at.toISOString() });
  }

  /** Confirms a consent the advisor recorded (that it is one on this case, the caller checked); once, not after withdrawal. */
  confirmConsent(consentId: string, at: Date): void {
    const caseId = this.mustBeOpen();
    const consent = this.state.consents.get(consentId);
    if (consent?.given || consent?.confirmedAt || consent?.withdrawnAt) throw new ConsentAlreadyAnsweredError();
    this.apply({ type: 'ConsentConfirmed', caseId, consentId, confirmedAt: at.toISOString() });
  }

  /** Withdraws a consent (that it is one on this case, the caller checked): also after the report was withdrawn; once. */
  withdrawConsent(consentId: string, at: Date): void {
    if (!this.state.facts) throw new ReportNotSubmittedError();
    if (this.state.consents.get(consentId)?.withdrawnAt) throw new ConsentAlreadyAnsweredError();
    this.apply({ type: 'ConsentWithdrawn', caseId: this.id, consentId, withdrawnAt: at.toISOString() });
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
