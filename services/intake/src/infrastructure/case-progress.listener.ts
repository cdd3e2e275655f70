import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AdvisorMessageSentV1,
  CaseAcknowledgedV1,
  CaseClosedV1,
  CaseErasedV1,
  CaseOpenedV1,
  CaseReopenedV1,
  FeedbackGivenV1,
  IdentityRevealDecidedV1,
  IdentityRevealRequestedV1,
  ConsentRecordedV1,
  ConversationRecordedV1,
  isEvent,
  LegalDutyInvokedV1,
  SummarySharedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import type { TransactionalQuery } from '@vertrouwd/messaging';
import { ReadModelListener } from '@vertrouwd/service-kit';

/** The case events intake follows: what the reporter may see of their case's progress and replies. */
export const CASE_TOPICS = [
  CaseOpenedV1,
  CaseAcknowledgedV1,
  ConversationRecordedV1,
  CaseClosedV1,
  CaseReopenedV1,
  AdvisorMessageSentV1,
  SummarySharedV1,
  CaseErasedV1,
  FeedbackGivenV1,
  IdentityRevealRequestedV1,
  IdentityRevealDecidedV1,
  ConsentRecordedV1,
  LegalDutyInvokedV1,
].map(topicOf);

/**
 * Case events → what the reporter may see of their case (status dates, the advisor's messages, shared summaries),
 * exactly once: each event's rows and its inbox record are written in one transaction.
 */
@Injectable()
export class CaseProgressListener extends ReadModelListener {
  readonly topics = CASE_TOPICS;

  apply(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    return applyCaseEvent(manager, event);
  }
}

/**
 * Applies one case event to intake's read models, inside the caller's inbox transaction. Status dates upsert by
 * case: events of one case arrive in order (keyed by case id), but a read model built from zero may meet a later
 * event before `case-opened`, so every statement creates the row.
 */
export async function applyCaseEvent(tx: TransactionalQuery, event: IntegrationEvent): Promise<void> {
  if (isEvent(event, CaseOpenedV1)) return received(tx, event.payload.caseId, event.payload.receivedAt);
  if (isEvent(event, CaseAcknowledgedV1)) return acknowledged(tx, event.payload.caseId, event.payload.acknowledgedAt);
  if (isEvent(event, ConversationRecordedV1)) return workDone(tx, event.payload.caseId, event.occurredAt);
  if (isEvent(event, CaseClosedV1)) {
    // Case publishes the reporter's withdrawal as a closure with the outcome `withdrawn`.
    const { caseId, closedAt, outcome } = event.payload;
    await tx.query(
      `insert into report_status (case_id, closed_at, closed_withdrawn) values ($1, $2, $3)
       on conflict (case_id) do update set closed_at = excluded.closed_at, closed_withdrawn = excluded.closed_withdrawn`,
      [caseId, closedAt, outcome === 'withdrawn'],
    );
    return;
  }
  if (isEvent(event, CaseReopenedV1)) return reopened(tx, event.payload.caseId, event.payload.reopenedAt);
  if (isEvent(event, AdvisorMessageSentV1)) {
    const { messageId, caseId, sentAt, sealedBody } = event.payload;
    await tx.query(
      'insert into advisor_messages (message_id, case_id, sent_at, sealed_body) values ($1, $2, $3, $4) on conflict do nothing',
      [messageId, caseId, sentAt, sealedBody],
    );
    return workDone(tx, caseId, sentAt);
  }
  if (isEvent(event, IdentityRevealRequestedV1)) {
    const { revealId, caseId, viewer, requestedAt, sealedReason } = event.payload;
    await tx.query(
      `insert into identity_reveals (reveal_id, case_id, viewer, requested_at, sealed_reason) values ($1, $2, $3, $4, $5)
       on conflict do nothing`,
      [revealId, caseId, viewer, requestedAt, sealedReason],
    );
    return;
  }
  if (isEvent(event, IdentityRevealDecidedV1)) {
    const { revealId, decision, decidedBy, decidedAt } = event.payload;
    await tx.query(
      'update identity_reveals set decision = $2, decided_by = $3, decided_at = $4 where reveal_id = $1 and decision is null',
      [revealId, decision, decidedBy, decidedAt],
    );
    return;
  }
  if (isEvent(event, FeedbackGivenV1)) {
    const { feedbackId, caseId, givenAt, sealedFeedback } = event.payload;
    await tx.query(
      "insert into advisor_messages (message_id, case_id, sent_at, sealed_body, kind) values ($1, $2, $3, $4, 'feedback') on conflict do nothing",
      [feedbackId, caseId, givenAt, sealedFeedback],
    );
    await workDone(tx, caseId, givenAt);
    // The first feedback since the clocks started meets the feedback deadline (as in case's legal clock).
    await tx.query('update report_status set clock_feedback_at = coalesce(clock_feedback_at, $2) where case_id = $1', [caseId, givenAt]);
    return;
  }
  if (isEvent(event, SummarySharedV1)) {
    const { summaryId, caseId, sharedAt, sealedSummary, version } = event.payload;
    await tx.query(
      `insert into shared_summaries (summary_id, version, case_id, shared_at, sealed_summary) values ($1, $2, $3, $4, $5)
       on conflict do nothing`,
      [summaryId, version ?? 1, caseId, sharedAt, sealedSummary],
    );
    return workDone(tx, caseId, sharedAt);
  }
  if (isEvent(event, ConsentRecordedV1)) {
    const { consentId, caseId, scope, referralType, conversationId, recordedAt } = event.payload;
    await tx.query(
      `insert into recorded_consents (consent_id, case_id, scope, referral_type, conversation_id, recorded_at)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [consentId, caseId, scope, referralType ?? null, conversationId, recordedAt],
    );
    return;
  }
  if (isEvent(event, LegalDutyInvokedV1)) {
    const { dutyId, caseId, reason, scope, referralType, invokedAt, sealedExplanation } = event.payload;
    await tx.query(
      `insert into legal_duties (duty_id, case_id, reason, scope, referral_type, invoked_at, sealed_explanation)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
      [dutyId, caseId, reason, scope, referralType ?? null, invokedAt, sealedExplanation],
    );
    return;
  }
  if (isEvent(event, CaseErasedV1)) await forget(tx, event.payload.caseId);
}

async function received(tx: TransactionalQuery, caseId: string, at: string): Promise<void> {
  await tx.query(
    'insert into report_status (case_id, received_at) values ($1, $2) on conflict (case_id) do update set received_at = excluded.received_at',
    [caseId, at],
  );
}

/**
 * The reporter's status keeps the first acknowledgement; the legal clocks the first since they started (after a
 * resumption the counsellor acknowledges again, and that acknowledgement meets the new deadline).
 */
async function acknowledged(tx: TransactionalQuery, caseId: string, at: string): Promise<void> {
  await tx.query(
    `insert into report_status (case_id, acknowledged_at, clock_acknowledged_at) values ($1, $2, $2)
     on conflict (case_id) do update set acknowledged_at = coalesce(report_status.acknowledged_at, excluded.acknowledged_at),
       clock_acknowledged_at = coalesce(report_status.clock_acknowledged_at, excluded.clock_acknowledged_at)`,
    [caseId, at],
  );
}

/**
 * A reopening. After a closure as withdrawn it is the reporter's resumption (a counsellor cannot reopen a withdrawn
 * case): case starts both legal clocks again from it, as for a report received then, and so does this read model.
 */
async function reopened(tx: TransactionalQuery, caseId: string, at: string): Promise<void> {
  await tx.query(
    `insert into report_status (case_id, reopened_at) values ($1, $2)
     on conflict (case_id) do update set reopened_at = excluded.reopened_at, closed_at = null, closed_withdrawn = false,
       clocks_from = case when report_status.closed_withdrawn then excluded.reopened_at else report_status.clocks_from end,
       clock_acknowledged_at = case when report_status.closed_withdrawn then null else report_status.clock_acknowledged_at end,
       clock_feedback_at = case when report_status.closed_withdrawn then null else report_status.clock_feedback_at end`,
    [caseId, at],
  );
}

/**
 * The reporter's case is in progress from the first piece of work the counsellor does for it (a conversation, a
 * message, a shared summary) once receipt was acknowledged: received → acknowledged → in progress, in that order.
 * An assignment is not progress the reporter can see, and a message before the acknowledgement is not the work
 * starting: the case reads `received`, then `acknowledged`, and moves on with the next piece of work. Never
 * earlier than the acknowledgement, so the dates the reporter sees keep their order.
 */
async function workDone(tx: TransactionalQuery, caseId: string, at: string): Promise<void> {
  // Every piece of work with its time: the read model takes the first at or after the acknowledgement, so the order
  // in which the events are applied does not matter, and work before the acknowledgement does not count.
  await tx.query('insert into report_status (case_id) values ($1) on conflict (case_id) do nothing', [caseId]);
  await tx.query('update report_status set work_times = array_append(work_times, $2::timestamptz) where case_id = $1', [caseId, at]);
}

/**
 * An erased case is gone for the reporter too: the receipt no longer opens anything (the follow-up answers as
 * for an unknown receipt), and intake's copies of its replies and summaries are deleted, not only unreadable.
 */
async function forget(tx: TransactionalQuery, caseId: string): Promise<void> {
  await tx.query('delete from receipts where case_id = $1', [caseId]);
  await tx.query('delete from advisor_messages where case_id = $1', [caseId]);
  await tx.query('delete from shared_summaries where case_id = $1', [caseId]);
  await tx.query('delete from identity_reveals where case_id = $1', [caseId]);
  await tx.query('delete from recorded_consents where case_id = $1', [caseId]);
  await tx.query('delete from legal_duties where case_id = $1', [caseId]);
  await tx.query('delete from report_status where case_id = $1', [caseId]);
}
