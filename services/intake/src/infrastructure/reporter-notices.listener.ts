import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AdvisorMessageSentV1,
  CaseAcknowledgedV1,
  CaseClosedV1,
  FeedbackGivenV1,
  ConsentRecordedV1,
  LegalDutyInvokedV1,
  SummarySharedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { enqueueNotice, isFreshNews } from '@vertrouwd/notifications';
import { ReadModelListener } from '@vertrouwd/service-kit';
import { ReporterNoticeDispatcher } from '../application/notifications/reporter-notice.dispatcher';

/**
 * The case events that are news for the reporter: each queues one "there is news in your case" notice. Adding a kind
 * of news is adding its contract here (e.g. the feedback step's, once it is published).
 */
export const REPORTER_NEWS = [
  CaseAcknowledgedV1,
  AdvisorMessageSentV1,
  SummarySharedV1,
  CaseClosedV1,
  FeedbackGivenV1,
  ConsentRecordedV1,
  LegalDutyInvokedV1,
];

/**
 * Case events → the reporter's notice outbox, in a consumer group of its own: the notice row and the inbox record
 * share one transaction (a redelivered event queues nothing), and sending happens after, apart from the progress
 * projection, so a mail server that is down loses nothing and holds nothing up.
 */
@Injectable()
export class ReporterNoticesListener extends ReadModelListener {
  readonly topics = REPORTER_NEWS.map(topicOf);
  override readonly group = 'intake-notices';

  @Inject(ReporterNoticeDispatcher) private readonly dispatcher!: ReporterNoticeDispatcher;

  async apply(event: IntegrationEvent, manager: EntityManager): Promise<void> {
    if (!isFreshNews(event.occurredAt)) return; // a first start on old events mails nobody about them
    const caseId = (event.payload as { caseId: string }).caseId;
    await enqueueNotice(manager, { noticeKey: event.eventId, kind: 'case-news', recipient: 'reporter', caseId });
  }

  /** Once the notice is committed, it is sent without waiting for the dispatcher's next round. */
  protected override async handle(event: IntegrationEvent): Promise<void> {
    await super.handle(event);
    this.dispatcher.kick();
  }
}
