import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { Mark } from '../domain/mark/mark.aggregate';
import type { MarkEvent } from '../domain/mark/mark.events';

/** Marks in streams `mark-<id>`. */
@Injectable()
export class MarkRepository extends AggregateRepository<MarkEvent, Mark> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'mark', create: () => new Mark() });
  }
}
