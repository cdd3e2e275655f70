import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxRelay, PostgresRelayLease } from '@vertrouwd/messaging';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';

/**
 * Publishes the service's outbox (integration events in its events' metadata) to the bus while it runs: one replica
 * at a time, the one holding the relay lease on the service's own database; another takes over within seconds when
 * it stops or dies.
 */
@Injectable()
export class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@Inject(PLATFORM) platform: Platform) {
    const { connectionString, host, port, user, password, database, ssl } = platform.pool.options;
    const lease = new PostgresRelayLease(
      { connectionString, host, port, user, password, database, ssl, keepAlive: true, connectionTimeoutMillis: 5_000 },
      `outbox-relay:${platform.serviceName}`,
    );
    this.relay = new OutboxRelay(platform.store, platform.bus, { name: platform.serviceName, lease });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
