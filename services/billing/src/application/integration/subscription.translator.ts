import { outgoing, SubscriptionPublishedV1, type ContractRegistry } from '@vertrouwd/contracts';
import type { Enrich, EventMetadataInput } from '@vertrouwd/event-sourcing';
import { outboxFor, type Translated } from '@vertrouwd/messaging';
import type { AggregateStore } from '@vertrouwd/service-kit';
import type { Subscription, SubscriptionState } from '../../domain/subscription/subscription.aggregate';
import type { SubscriptionEvent } from '../../domain/subscription/subscription.events';

// What leaves billing about a subscription: that the written agreement exists, from when to when, as a whole
// snapshot with a version after every change. Never the terms (invoicing name, address, buyer reference, language).

/**
 * The integration event of one subscription event: the agreement as it stands after it. `version` is the event's
 * position in the subscription's stream, counted from 1, so the highest version is the latest word.
 */
export function translateSubscriptionEvent(event: SubscriptionEvent, state: SubscriptionState, version: number): Translated[] {
  if (state.agencyId === undefined) return [];
  switch (event.type) {
    case 'SubscriptionStarted':
    case 'SubscriptionTermsChanged':
    case 'SubscriptionEnded':
      return [
        outgoing(SubscriptionPublishedV1, {
          agencyId: state.agencyId,
          organisationId: state.organisationId,
          version,
          startsOn: state.startsOn,
          ...(state.endsOn === undefined ? {} : { endsOn: state.endsOn }),
          changedAt: event.at,
        }),
      ];
  }
}

/**
 * Subscriptions saved with their integration events in the same append (the outbox). The snapshot needs the
 * aggregate's state, which a plain event translator does not see: this store closes over the aggregate being saved
 * (each command applies one event, so the state after the append is the state after that event).
 */
export function subscriptionsWithOutbox(
  repository: AggregateStore<Subscription, SubscriptionEvent>,
  contracts: ContractRegistry,
): AggregateStore<Subscription, SubscriptionEvent> {
  return {
    load: (id) => repository.load(id),
    save: (aggregate: Subscription, metadata: EventMetadataInput) => {
      const pending = aggregate.uncommittedEvents();
      const enrich: Enrich<SubscriptionEvent> = (event, context) =>
        outboxFor(
          (e: SubscriptionEvent) => translateSubscriptionEvent(e, aggregate.state, aggregate.version + 2 + pending.indexOf(e)),
          contracts,
        )(event, context);
      return repository.save(aggregate, metadata, enrich);
    },
  };
}
