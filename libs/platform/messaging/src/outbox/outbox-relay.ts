import type { EventStore, Subscription } from '@vertrouwd/event-sourcing';
import type { MessageBus } from '../message-bus.port';
import { outboxOf } from './outbox';

export interface OutboxRelayOptions {
  /** Durable name of the relay's subscription (one per service). */
  name: string;
  onError?: (error: unknown) => void;
}

/**
 * Publishes the outbox: follows the event store in global order and publishes the integration events
 * stored with each domain event, then moves its checkpoint. At least once: a crash between publishing and
 * the checkpoint publishes again, and consumers dedupe by event id (inbox).
 */
export class OutboxRelay {
  private subscription: Subscription | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly bus: MessageBus,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    this.subscription ??= this.store.subscribe({
      subscriptionId: `outbox-relay:${this.options.name}`,
      onError: this.options.onError,
      handle: async (events) => {
        const messages = outboxOf(events);
        if (messages.length > 0) await this.bus.publish(messages);
      },
    });
  }

  /** Resolves once everything appended before the call is published. */
  async caughtUp(): Promise<void> {
    await this.subscription?.caughtUp();
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}
