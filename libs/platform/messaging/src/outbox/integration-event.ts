import type { ContractDefinition, ContractRegistry, IntegrationEvent } from '@vertrouwd/contracts';
import { uuidv7, type Enrich, type EventMetadataInput } from '@vertrouwd/event-sourcing';
import { withOutbox } from './outbox';

/** An integration event to publish: the contract it follows and its payload. */
export interface Translated {
  contract: Pick<ContractDefinition, 'type' | 'version'>;
  payload: unknown;
}

/**
 * Turns a service's translator (domain event → integration events) into the repository's `enrich` hook:
 * each domain event carries the integration events it gives rise to in its outbox, validated against
 * their contracts before anything is written, with the domain event as their cause.
 */
export function outboxFor<E>(translate: (event: E) => Translated[], registry: ContractRegistry): Enrich<E> {
  return (event, { id, aggregateId, metadata }) =>
    withOutbox(
      metadata,
      translate(event).map(({ contract, payload }) => {
        const integration = envelope(contract, payload, aggregateId, id, metadata);
        registry.validate(integration);
        return integration;
      }),
    );
}

function envelope(
  contract: Translated['contract'],
  payload: unknown,
  key: string,
  causationId: string,
  metadata: EventMetadataInput,
): IntegrationEvent {
  const event: IntegrationEvent = {
    eventId: uuidv7(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    key,
    correlationId: metadata.correlationId ?? causationId,
    causationId,
    payload,
  };
  if (metadata.traceparent) event.traceparent = metadata.traceparent;
  return event;
}
