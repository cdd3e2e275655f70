import {
  AdvisorAssignedV1,
  AdvisorMessageSentV1,
  CaseAcknowledgedV1,
  CaseClosedV1,
  CaseErasedV1,
  CaseOpenedV1,
  CaseReopenedV1,
  SummarySharedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TransactionalQuery } from '@vertrouwd/messaging';
import { ReadModelListener } from '@vertrouwd/service-kit';

/** The case events intake follows: what the reporter may see of their case's progress and replies. */
export const CASE_TOPICS = [
  CaseOpenedV1,
  AdvisorAssignedV1,
  CaseAcknowledgedV1,
  CaseClosedV1,
  CaseReopenedV1,
  AdvisorMessageSentV1,
  SummarySharedV1,
  CaseErasedV1,
].map(topicOf);

type Payload = Record<string, string>;

// Status dates upsert by case: events of one case arrive in order (keyed by case id), but a read model
// built from zero may meet a later event before `case-opened`, so every statement creates the row.
const STATUS_UPDATES: Record<string, (p: Payload) => [string, unknown[]]> = {
  'case.case-opened': (p) => [status('received_at'), [p.caseId, p.receivedAt]],
  'case.advisor-assigned': (p) => [status('in_progress_at', true), [p.caseId, p.assignedAt]],
  'case.case-acknowledged': (p) => [status('acknowledged_at', true), [p.caseId, p.acknowledgedAt]],
  'case.case-closed': (p) => [status('closed_at'), [p.caseId, p.closedAt]],
  'case.case-reopened': (p) => [
    'insert into report_status (case_id, reopened_at) values ($1, $2) on conflict (case_id) do update set reopened_at = excluded.reopened_at, closed_at = null',
    [p.caseId, p.reopenedAt],
  ],
  'case.advisor-message-sent': (p) => [
    'insert into advisor_messages (message_id, case_id, sent_at, sealed_body) values ($1, $2, $3, $4) on conflict do nothing',
    [p.messageId, p.caseId, p.sentAt, p.sealedBody],
  ],
  'case.summary-shared': (p) => [
    'insert into shared_summaries (summary_id, case_id, shared_at, sealed_summary) values ($1, $2, $3, $4) on conflict do nothing',
    [p.summaryId, p.caseId, p.sharedAt, p.sealedSummary],
  ],
};

/** `firstOnly`: keep the first date (a second assignment is a transfer, not the start of work). */
function status(column: string, firstOnly = false): string {
  const value = firstOnly ? `coalesce(report_status.${column}, excluded.${column})` : `excluded.${column}`;
  return `insert into report_status (case_id, ${column}) values ($1, $2) on conflict (case_id) do update set ${column} = ${value}`;
}

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

/** Applies one case event to intake's read models, inside the caller's inbox transaction. */
export async function applyCaseEvent(tx: TransactionalQuery, event: IntegrationEvent): Promise<void> {
  if (event.type === 'case.case-erased') return forget(tx, (event.payload as Payload).caseId);
  const update = STATUS_UPDATES[event.type];
  if (!update) return;
  const [sql, parameters] = update(event.payload as Payload);
  await tx.query(sql, parameters);
}

/**
 * An erased case is gone for the reporter too: the receipt no longer opens anything (the follow-up answers as
 * for an unknown receipt), and intake's copies of its replies and summaries are deleted, not only unreadable.
 */
async function forget(tx: TransactionalQuery, caseId: string): Promise<void> {
  await tx.query('delete from receipts where case_id = $1', [caseId]);
  await tx.query('delete from advisor_messages where case_id = $1', [caseId]);
  await tx.query('delete from shared_summaries where case_id = $1', [caseId]);
  await tx.query('delete from report_status where case_id = $1', [caseId]);
}
