import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@vertrouwd/event-sourcing';
import { OutboxRelay, type MessageBus } from '@vertrouwd/messaging';
import { EVENT_STORE, MESSAGE_BUS } from '@vertrouwd/runtime';

/** Publishes the case's outbox (integration events in its events' metadata) while the service runs. */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(MESSAGE_BUS) bus: MessageBus) {
    this.relay = new OutboxRelay(store, bus, { name: 'case' });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
