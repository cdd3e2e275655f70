import type { ContractRegistry, IntegrationEvent } from '@vertrouwd/contracts';
import type { ConsumeOptions, Consumer, DeliveredMessage, MessageBus } from '../message-bus.port';

export interface IntegrationConsumerOptions extends Omit<ConsumeOptions, 'handle'> {
  registry: ContractRegistry;
  /** Called with events that match their contract; use the inbox inside to make it idempotent. */
  handle(event: IntegrationEvent, message: DeliveredMessage): Promise<void>;
}

/** Consumes integration events: parses the envelope and validates it against its contract first. */
export function consumeIntegrationEvents(bus: MessageBus, options: IntegrationConsumerOptions): Consumer {
  const { registry, handle, ...rest } = options;
  return bus.consume({
    ...rest,
    handle: async (message) => {
      const event = JSON.parse(message.value) as IntegrationEvent;
      registry.validate(event);
      await handle(event, message);
    },
  });
}
