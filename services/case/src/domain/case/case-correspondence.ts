import { amsterdamDay } from '@vertrouwd/domain';
import * as E from './case.errors';
import type {
  AdvisorMessageSent,
  FeedbackGiven,
  ConversationRecorded,
  ReporterMessageReceived,
  SummaryApproved,
  SummaryCorrected,
  SummaryShared,
} from './case.events';
import { requireAdvisor, requireLive } from './case.rules';
import type { CaseState } from './case.state';
import { sealedOnly } from './case.values';

// The exchanges of a case with its reporter, as decisions: conversations and their summaries (shared for
// approval, approved or corrected), and messages both ways. Reporter-side events arrive through the bus at
// least once, so each is taken once: a repeat decides nothing (undefined).

export type NewConversation = Pick<ConversationRecorded, 'conversationId' | 'heldOn' | 'minutes' | 'mode' | 'sealedSummary'>;

export function recordConversation(state: CaseState, advisorId: string, c: NewConversation, at: Date): ConversationRecorded {
  const { caseId } = requireAdvisor(state, advisorId);
  const future = c.heldOn > amsterdamDay(at);
  if (!Number.isInteger(c.minutes) || c.minutes <= 0 || future) throw new E.ConversationInvalidError();
  sealedOnly(c.sealedSummary);
  return { type: 'ConversationRecorded', caseId, advisorId, ...c, recordedAt: at.toISOString() };
}

export function shareSummary(state: CaseState, advisorId: string, summaryId: string, at: Date): SummaryShared {
  const { caseId } = requireAdvisor(state, advisorId);
  const summary = state.summaries.get(summaryId);
  if (!summary) throw new E.SummaryNotFoundError();
  if (summary.shared) throw new E.SummaryAlreadySharedError();
  const { sealedSummary } = summary;
  return { type: 'SummaryShared', caseId, summaryId, advisorId, sealedSummary, sharedAt: at.toISOString(), version: 1 };
}

/**
 * A revised text of a summary already shared (after the reporter's correction, say): the next version, shared at
 * once. Only the latest version can be answered; an earlier approval stays marked until this one is approved.
 */
export function reviseSummary(state: CaseState, advisorId: string, summaryId: string, sealedSummary: string, at: Date): SummaryShared {
  const { caseId } = requireAdvisor(state, advisorId);
  const summary = state.summaries.get(summaryId);
  if (!summary) throw new E.SummaryNotFoundError();
  if (!summary.shared) throw new E.SummaryNotRevisedError();
  sealedOnly(sealedSummary);
  return { type: 'SummaryShared', caseId, summaryId, advisorId, sealedSummary, sharedAt: at.toISOString(), version: summary.version + 1 };
}

/** The reporter approved a version (absent: version 1, as events from before versions say); a repeat changes nothing. */
export function approveSummary(state: CaseState, summaryId: string, at: Date, version = 1): SummaryApproved | undefined {
  const { caseId, summary } = sharedSummary(state, summaryId, version);
  if (summary.approvedVersion === version) return undefined;
  return { type: 'SummaryApproved', caseId, summaryId, approvedAt: at.toISOString(), version };
}

export function correctSummary(
  state: CaseState,
  summaryId: string,
  sealedCorrection: string,
  at: Date,
  version = 1,
): SummaryCorrected | undefined {
  const { caseId, summary } = sharedSummary(state, summaryId, version);
  const correctedAt = at.toISOString();
  if (summary.corrections.has(correctedAt)) return undefined;
  sealedOnly(sealedCorrection);
  return { type: 'SummaryCorrected', caseId, summaryId, sealedCorrection, correctedAt, version };
}

export function sendMessage(state: CaseState, advisorId: string, messageId: string, sealedBody: string, at: Date): AdvisorMessageSent {
  const { caseId } = requireAdvisor(state, advisorId);
  sealedOnly(sealedBody);
  return { type: 'AdvisorMessageSent', caseId, messageId, advisorId, sealedBody, sentAt: at.toISOString() };
}

export type NewFeedback = Pick<FeedbackGiven, 'feedbackId' | 'sealedFeedback'>;

/**
 * Feedback: telling the reporter what was done with their report (Wbk). Only this meets the feedback deadline; a
 * message or a summary does not. It follows the acknowledgement: what was done cannot come before the receipt.
 */
export function giveFeedback(state: CaseState, advisorId: string, feedback: NewFeedback, at: Date): FeedbackGiven {
  const { caseId } = requireAdvisor(state, advisorId);
  if (!state.acknowledgedAt) throw new E.FeedbackBeforeAcknowledgementError();
  sealedOnly(feedback.sealedFeedback);
  return { type: 'FeedbackGiven', caseId, advisorId, ...feedback, givenAt: at.toISOString() };
}

export function receiveReporterMessage(
  state: CaseState,
  messageId: string,
  sealedBody: string,
  sentAt: string,
): ReporterMessageReceived | undefined {
  const { caseId } = requireLive(state);
  if (state.reporterMessages.has(messageId)) return undefined;
  sealedOnly(sealedBody);
  return { type: 'ReporterMessageReceived', caseId, messageId, sealedBody, sentAt };
}

/** A summary the reporter answers must have been shared with them, on a live case, and answered in its latest version. */
function sharedSummary(state: CaseState, summaryId: string, version: number) {
  const { caseId } = requireLive(state);
  const summary = state.summaries.get(summaryId);
  if (!summary?.shared) throw new E.SummaryNotSharedError();
  if (version > summary.version) throw new E.SummaryVersionUnknownError();
  if (version < summary.version) throw new E.SummaryVersionOutdatedError();
  return { caseId, summary };
}
