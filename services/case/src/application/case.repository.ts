import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { Case } from '../domain/case/case.aggregate';
import type { CaseEvent } from '../domain/case/case.events';

/** Cases in streams `case-<caseId>`. */
@Injectable()
export class CaseRepository extends AggregateRepository<CaseEvent, Case> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'case', create: () => new Case() });
  }
}
