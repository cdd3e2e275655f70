import { randomUUID } from 'node:crypto';
import { topicOf, type IntegrationEvent } from '@vertrouwd/contracts';
import type { EventMetadataInput, RecordedEvent } from '@vertrouwd/event-sourcing';
import type { MessageBus, OutgoingMessage } from '../message-bus.port';

/**
 * The outbox lives in the events themselves: the integration events a domain event gives rise to are
 * written into that event's metadata under this key, so they commit in the same append, atomically, on
 * any event store (PostgreSQL or KurrentDB). The relay publishes them from the store's global order.
 */
export const OUTBOX_KEY = 'outbox';

/** Headers every integration message carries (the envelope has them too; brokers and tools read headers). */
export const MESSAGE_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  traceparent: 'traceparent',
} as const;

/** The bus message of an integration event: topic by contract, keyed by aggregate, context in headers. */
export function toMessage(event: IntegrationEvent): OutgoingMessage {
  const headers: Record<string, string> = {
    [MESSAGE_HEADERS.eventId]: event.eventId,
    [MESSAGE_HEADERS.eventType]: `${event.type}.v${event.version}`,
    [MESSAGE_HEADERS.correlationId]: event.correlationId,
    [MESSAGE_HEADERS.causationId]: event.causationId,
  };
  if (event.traceparent) headers[MESSAGE_HEADERS.traceparent] = event.traceparent;
  return { topic: topicOf(event), key: event.key, value: JSON.stringify(event), headers };
}

/** Metadata that carries `events` in the outbox of the domain event it is attached to. */
export function withOutbox(metadata: EventMetadataInput, events: IntegrationEvent[]): EventMetadataInput {
  return events.length === 0 ? metadata : { ...metadata, [OUTBOX_KEY]: events.map(toMessage) };
}

/** The outbox messages of recorded events, in the events' order. */
export function outboxOf(events: RecordedEvent[]): OutgoingMessage[] {
  return events.flatMap((event) => (event.metadata[OUTBOX_KEY] as OutgoingMessage[] | undefined) ?? []);
}

/**
 * Publishes one integration event straight to the bus, as its producing service's relay would: an envelope with
 * fresh ids. For tests, fixtures and benchmarks that play another service; a service publishes through its outbox.
 */
export async function publishAs(
  bus: Pick<MessageBus, 'publish'>,
  contract: { type: string; version: number },
  key: string,
  payload: object,
): Promise<IntegrationEvent> {
  const event: IntegrationEvent = {
    eventId: randomUUID(),
    type: contract.type,
    version: contract.version,
    occurredAt: new Date().toISOString(),
    key,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    payload,
  };
  await bus.publish([toMessage(event)]);
  return event;
}
