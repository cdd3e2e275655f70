import type { EntityManager } from 'typeorm';
import type { Projection, RecordedEvent } from '@vertrouwd/event-sourcing';
import { enqueueNotice, isFreshNews, type QueuedNotice } from '@vertrouwd/notifications';
import type { CaseEvent } from '../../../domain/case/case.events';

/**
 * Case events → the advisor's notices (new case, a reporter's message, a summary answered), queued in the same
 * transaction as the projection's checkpoint, keyed by the event: a replay queues nothing twice, and nothing is
 * queued for events older than a day (a first start on old events, a rebuild). The recipient is a reference: the
 * address is looked up only to send. `reset` keeps the outbox: what was sent stays sent.
 */
export class CaseNoticesProjector implements Projection {
  readonly name = 'case-notices';
  readonly filter = { categories: ['case'] };

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      if (!isFreshNews(recorded.recordedAt)) continue;
      const event = { ...(recorded.data as object), type: recorded.type } as CaseEvent;
      const notice = noticeFor(event);
      if (notice) await enqueueNotice(manager, { ...notice, noticeKey: recorded.id, caseId: event.caseId });
    }
  }

  async reset(): Promise<void> {}
}

function noticeFor(event: CaseEvent): Pick<QueuedNotice, 'kind' | 'recipient'> | undefined {
  switch (event.type) {
    case 'AdvisorAssigned':
      return { kind: 'case-assigned', recipient: `advisor:${event.advisorId}` };
    case 'CaseTransferred':
      return { kind: 'case-assigned', recipient: `advisor:${event.toAdvisorId}` };
    case 'ReporterMessageReceived':
      return { kind: 'reporter-message', recipient: 'case-advisor' };
    case 'SummaryApproved':
    case 'SummaryCorrected':
      return { kind: 'summary-answered', recipient: 'case-advisor' };
    default:
      return undefined;
  }
}
