import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { TopicTally } from '../domain/tally/topic-tally.aggregate';
import type { TallyEvent } from '../domain/tally/topic-tally.events';

/** Tallies in streams `tally-<topic>`. */
@Injectable()
export class TallyRepository extends AggregateRepository<TallyEvent, TopicTally> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'tally', create: () => new TopicTally() });
  }
}
