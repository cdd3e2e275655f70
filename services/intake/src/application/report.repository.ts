import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { Report } from '../domain/report/report.aggregate';
import type { ReportEvent } from '../domain/report/report.events';

/** Reports in streams `report-<caseId>`. */
@Injectable()
export class ReportRepository extends AggregateRepository<ReportEvent, Report> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'report', create: () => new Report() });
  }
}
