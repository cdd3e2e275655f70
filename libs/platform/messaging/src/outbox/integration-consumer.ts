import type { ContractRegistry, IntegrationEvent } from '@vertrouwd/contracts';
import { inSpan, SpanKind, withRemoteContext } from '@vertrouwd/telemetry';
import { UnretryableMessageError, type ConsumeOptions, type Consumer, type DeliveredMessage, type MessageBus } from '../message-bus.port';

export interface IntegrationConsumerOptions extends Omit<ConsumeOptions, 'handle'> {
  registry: ContractRegistry;
  /** Called with events that match their contract; use the inbox inside to make it idempotent. */
  handle: (event: IntegrationEvent, message: DeliveredMessage) => Promise<void>;
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
        inSpan(
          `consume ${message.topic}`,
          { kind: SpanKind.CONSUMER, attributes: { 'messaging.destination.name': message.topic } },
          async () => {
            await handle(parseAndValidate(message.value, registry), message);
          },
        ),
      ),
  });
}

/** The envelope, if the message holds one that keeps its contract; otherwise no retry will help. */
function parseAndValidate(value: string, registry: ContractRegistry): IntegrationEvent {
  try {
    const event = JSON.parse(value) as IntegrationEvent;
    registry.validate(event);
    return event;
  } catch (error) {
    throw new UnretryableMessageError(error instanceof Error ? error.name : 'InvalidMessage');
  }
}
