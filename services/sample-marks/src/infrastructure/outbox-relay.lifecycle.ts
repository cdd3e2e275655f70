import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@vertrouwd/event-sourcing';
import { OutboxRelay, type MessageBus } from '@vertrouwd/messaging';
import { EVENT_STORE, MESSAGE_BUS } from '@vertrouwd/runtime';

/** Runs the service's outbox relay while the application runs. */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(MESSAGE_BUS) bus: MessageBus) {
    const logger = new Logger('OutboxRelay');
    // Only the error's class: messages can quote data.
    this.relay = new OutboxRelay(store, bus, {
      name: 'sample-marks',
      onError: (e) => logger.warn(`publishing failed (${errorName(e)}); retrying`),
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
