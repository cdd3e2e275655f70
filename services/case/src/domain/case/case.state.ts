import type { Evolution } from '@vertrouwd/domain';
import type { CaseEvent, CaseOpened } from './case.events';
import type { CaseStatus, ConsentScope, Deadline, LegalDutyReason, Outcome, ReferralType, SealedText } from './case.values';

export interface SummaryState {
  /** The latest text: the conversation's, or the last revision shared. */
  readonly sealedSummary: SealedText;
  readonly shared: boolean;
  /** The latest version shared with the reporter (0: not shared yet); only that one can be answered. */
  readonly version: number;
  /** The version the reporter approved last, if any. */
  readonly approvedVersion: number | undefined;
  /** When the reporter's corrections were made: each is taken once. */
  readonly corrections: ReadonlySet<string>;
}

/** A consent of the reporter to one step (and target). It counts when confirmed by the reporter and not withdrawn. */
export interface ConsentState {
  readonly scope: ConsentScope;
  readonly referralType?: ReferralType;
  /** Who put it on the case: the reporter (through their receipt) or the advisor (from a conversation). */
  readonly recordedBy: 'reporter' | 'advisor';
  /** Given by the reporter themselves, or confirmed by them through their receipt. */
  readonly confirmed: boolean;
  readonly withdrawn: boolean;
}

export interface LegalDutyState {
  readonly reason: LegalDutyReason;
  readonly scope: ConsentScope;
  readonly referralType?: ReferralType;
}

/** What the rules of a case need to know, rebuilt from its events by `caseEvolution` (the only place it changes). */
export interface CaseState {
  readonly opened: CaseOpened | undefined;
  readonly status: CaseStatus;
  readonly advisorId: string | undefined;
  /** When the clocks started: the receipt, or the reporter's resumption of a withdrawn report. */
  readonly clocksFrom: string | undefined;
  /** A handover offered and not yet answered: the case stays with `advisorId` until it is accepted. */
  readonly handover: { toAdvisorId: string; sealedReason: SealedText } | undefined;
  /** Identity reveal requests: who may see the reporter's identity, once approved. */
  readonly reveals: ReadonlyMap<string, { viewerId: string; decision: 'pending' | 'approved' | 'refused' }>;
  /** Peer consultations: who was asked, and whether they answered. */
  readonly consultations: ReadonlyMap<string, { colleagueId: string; answered: boolean }>;
  readonly acknowledgedAt: string | undefined;
  /** The first feedback to the reporter (the step that meets the feedback deadline). */
  readonly feedbackGivenAt: string | undefined;
  readonly outcome: Outcome | undefined;
  readonly formalReport: boolean;
  readonly consents: ReadonlyMap<string, ConsentState>;
  readonly legalDuties: ReadonlyMap<string, LegalDutyState>;
  readonly summaries: ReadonlyMap<string, SummaryState>;
  readonly aftercare: ReadonlySet<string>;
  readonly reporterMessages: ReadonlySet<string>;
  readonly missedDeadlines: ReadonlySet<Deadline>;
}

export const initialCaseState: CaseState = {
  opened: undefined,
  status: 'waiting-for-assignment',
  advisorId: undefined,
  clocksFrom: undefined,
  reveals: new Map(),
  consultations: new Map(),
  handover: undefined,
  acknowledgedAt: undefined,
  feedbackGivenAt: undefined,
  outcome: undefined,
  formalReport: false,
  consents: new Map(),
  legalDuties: new Map(),
  summaries: new Map(),
  aftercare: new Set(),
  reporterMessages: new Set(),
  missedDeadlines: new Set(),
};

/** History only: no rule depends on these events. */
const unchanged = (state: CaseState): CaseState => state;

const adding = <T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> => new Set(set).add(value);

function withSummary(state: CaseState, id: string, change: (summary: SummaryState) => SummaryState): CaseState {
  const summary = state.summaries.get(id);
  if (!summary) throw new Error('A summary event names a conversation that is not in this case');
  return { ...state, summaries: new Map(state.summaries).set(id, change(summary)) };
}

function withConsent(state: CaseState, id: string, change: (consent: ConsentState) => ConsentState): CaseState {
  const consent = state.consents.get(id);
  if (!consent) throw new Error('A consent event names a consent that is not in this case');
  return { ...state, consents: new Map(state.consents).set(id, change(consent)) };
}

const target = (e: { scope: ConsentScope; referralType?: ReferralType }) =>
  e.referralType ? { scope: e.scope, referralType: e.referralType } : { scope: e.scope };

/** How each event changes the state: one step per event type, so a new event cannot be forgotten here. */
export const caseEvolution: Evolution<CaseState, CaseEvent> = {
  CaseOpened: (state, event) => ({ ...state, opened: event, clocksFrom: event.receivedAt }),
  AdvisorAssigned: (state, event) => ({
    ...state,
    advisorId: event.advisorId,
    handover: undefined, // the coordinator's assignment overrides an open offer
    status: state.status === 'waiting-for-assignment' ? 'open' : state.status,
  }),
  AssignmentDeclined: (state) => ({
    ...state,
    advisorId: undefined,
    handover: undefined,
    status: state.status === 'open' ? 'waiting-for-assignment' : state.status,
  }),
  CaseTransferred: (state, event) => ({ ...state, advisorId: event.toAdvisorId, handover: undefined }),
  CaseHandoverOffered: (state, event) => ({ ...state, handover: { toAdvisorId: event.toAdvisorId, sealedReason: event.sealedReason } }),
  CaseHandoverDeclined: (state) => ({ ...state, handover: undefined }),
  IdentityRevealRequested: (state, event) => ({
    ...state,
    reveals: new Map(state.reveals).set(event.revealId, { viewerId: event.viewerId, decision: 'pending' }),
  }),
  IdentityRevealDecided: (state, event) => {
    const reveal = state.reveals.get(event.revealId);
    if (!reveal) throw new Error('A reveal decision names a request that is not in this case');
    return { ...state, reveals: new Map(state.reveals).set(event.revealId, { ...reveal, decision: event.decision }) };
  },
  PeerConsultationRequested: (state, event) => ({
    ...state,
    consultations: new Map(state.consultations).set(event.consultationId, { colleagueId: event.colleagueId, answered: false }),
  }),
  PeerConsultationAnswered: (state, event) => {
    const consultation = state.consultations.get(event.consultationId);
    if (!consultation) throw new Error('An answer names a consultation that is not in this case');
    return { ...state, consultations: new Map(state.consultations).set(event.consultationId, { ...consultation, answered: true }) };
  },
  ReportResumed: (state, event) => ({
    ...state,
    status: state.advisorId ? 'open' : 'waiting-for-assignment',
    outcome: undefined,
    clocksFrom: event.resumedAt,
    acknowledgedAt: undefined,
    feedbackGivenAt: undefined,
    missedDeadlines: new Set(),
  }),
  CaseAcknowledged: (state, event) => ({ ...state, acknowledgedAt: event.acknowledgedAt }),
  ConversationRecorded: (state, event) => ({
    ...state,
    summaries: new Map(state.summaries).set(event.conversationId, {
      sealedSummary: event.sealedSummary,
      shared: false,
      version: 0,
      approvedVersion: undefined,
      corrections: new Set(),
    }),
  }),
  SummaryShared: (state, event) =>
    withSummary(state, event.summaryId, (summary) => ({
      ...summary,
      sealedSummary: event.sealedSummary,
      shared: true,
      version: event.version ?? 1,
    })),
  SummaryApproved: (state, event) =>
    withSummary(state, event.summaryId, (summary) => ({ ...summary, approvedVersion: event.version ?? 1 })),
  SummaryCorrected: (state, event) =>
    withSummary(state, event.summaryId, (summary) => ({ ...summary, corrections: adding(summary.corrections, event.correctedAt) })),
  AdviceGiven: unchanged,
  // A consent recorded before per-target consent (no id) is history only: it allows nothing.
  ConsentRecorded: (state, event) =>
    event.consentId
      ? {
          ...state,
          consents: new Map(state.consents).set(event.consentId, {
            ...target(event),
            recordedBy: 'advisor',
            confirmed: false,
            withdrawn: false,
          }),
        }
      : state,
  ReferralMade: unchanged,
  FormalReportSupported: (state) => ({ ...state, formalReport: true }),
  AftercarePlanned: (state, event) => ({ ...state, aftercare: adding(state.aftercare, event.aftercareId) }),
  AftercareRecorded: unchanged,
  HoursLogged: unchanged,
  CaseClosed: (state, event) => ({ ...state, status: 'closed', outcome: event.outcome }),
  ReportWithdrawn: (state) => ({ ...state, status: 'closed', outcome: 'withdrawn' }),
  CaseReopened: (state) => ({ ...state, status: state.advisorId ? 'open' : 'waiting-for-assignment', outcome: undefined }),
  CaseErased: (state) => ({ ...state, status: 'erased' }),
  ReporterMessageReceived: (state, event) => ({ ...state, reporterMessages: adding(state.reporterMessages, event.messageId) }),
  AdvisorMessageSent: unchanged,
  DeadlineMissed: (state, event) => ({ ...state, missedDeadlines: adding(state.missedDeadlines, event.deadline) }),
  FeedbackGiven: (state, event) => ({ ...state, feedbackGivenAt: state.feedbackGivenAt ?? event.givenAt }),
  ConsentGiven: (state, event) => ({
    ...state,
    consents: new Map(state.consents).set(event.consentId, { ...target(event), recordedBy: 'reporter', confirmed: true, withdrawn: false }),
  }),
  ConsentConfirmed: (state, event) => withConsent(state, event.consentId, (consent) => ({ ...consent, confirmed: true })),
  ConsentWithdrawn: (state, event) => withConsent(state, event.consentId, (consent) => ({ ...consent, withdrawn: true })),
  LegalDutyInvoked: (state, event) => ({
    ...state,
    legalDuties: new Map(state.legalDuties).set(event.dutyId, { reason: event.reason, ...target(event) }),
  }),
};
