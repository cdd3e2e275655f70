import type { ContractRegistry, IntegrationEvent } from '@vertrouwd/contracts';
import { inSpan, SpanKind, withRemoteContext } from '@vertrouwd/telemetry';
import type { ConsumeOptions, Consumer, DeliveredMessage, MessageBus } from '../message-bus.port';

export interface IntegrationConsumerOptions extends Omit<ConsumeOptions, 'handle'> {
  registry: ContractRegistry;
  /** Called with events that match their contract; use the inbox inside to make it idempotent. */
  handle(event: IntegrationEvent, message: DeliveredMessage): Promise<void>;
}

/**
 * Consumes integration events: parses the envelope and validates it against its contract, then handles it
 * in a CONSUMER span that continues the producer's trace (from the message headers), so the events the
 * handler writes carry the same trace.
 */
export function consumeIntegrationEvents(bus: MessageBus, options: IntegrationConsumerOptions): Consumer {
  const { registry, handle, ...rest } = options;
  return bus.consume({
    ...rest,
    handle: (message) =>
      withRemoteContext(message.headers, () =>
        inSpan(`consume ${message.topic}`, { kind: SpanKind.CONSUMER, attributes: { 'messaging.destination.name': message.topic } }, async () => {
          const event = JSON.parse(message.value) as IntegrationEvent;
          registry.validate(event);
          await handle(event, message);
        }),
      ),
  });
}
