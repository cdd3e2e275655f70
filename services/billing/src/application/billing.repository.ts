import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, type EventStore } from '@vertrouwd/event-sourcing';
import { EVENT_STORE } from '@vertrouwd/runtime';
import { Billing } from '../domain/billing/billing.aggregate';
import type { BillingEvent } from '../domain/billing/billing.events';

/** Billing aggregates in streams `billing-<id>` (a category never holds a `-`: the store splits the stream id at the first). */
@Injectable()
export class BillingRepository extends AggregateRepository<BillingEvent, Billing> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, { category: 'billing', create: () => new Billing() });
  }
}
