import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxRelay } from '@vertrouwd/messaging';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';

/** Publishes the service's outbox (integration events in its events' metadata) to the bus while it runs. */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@Inject(PLATFORM) platform: Platform) {
    this.relay = new OutboxRelay(platform.store, platform.bus, { name: platform.serviceName });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
