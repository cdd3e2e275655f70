import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { consumeIntegrationEvents, handleOnce, OutboxRelay, type Consumer } from '@vertrouwd/messaging';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { IntakeKeyring } from '../application/intake-keyring';
import { applyCaseEvent, CASE_TOPICS } from '../application/integration/case-events.listener';
import { seedDemoOrganisations } from './demo-organisations';
import { loadIntakeSecrets } from './intake-secrets';
import { migrateIntake } from './intake.schema';

/**
 * While the service runs: its tables and secrets (before the first request: `onModuleInit`), the outbox
 * relay, and the consumer of case events into the reporter's read models (idempotent through the inbox).
 */
@Injectable()
export class IntakeInfrastructure implements OnModuleInit, OnApplicationShutdown {
  readonly relay: OutboxRelay;
  private consumer: Consumer | undefined;

  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    private readonly keyring: IntakeKeyring,
  ) {
    this.relay = new OutboxRelay(platform.store, platform.bus, { name: platform.serviceName });
  }

  async onModuleInit(): Promise<void> {
    const { pool, privacy, bus, contracts, serviceName } = this.platform;
    await migrateIntake(pool);
    await seedDemoOrganisations(pool);
    const secrets = await loadIntakeSecrets(pool, privacy.sealer);
    this.keyring.load(secrets.hashSecret, secrets.proofKey, secrets.proofPublicKey);
    this.relay.start();
    this.consumer = consumeIntegrationEvents(bus, {
      group: serviceName,
      topics: CASE_TOPICS,
      registry: contracts,
      handle: async (event) => {
        await handleOnce(pool, serviceName, event.eventId, (client) => applyCaseEvent(client, event));
      },
    });
  }

  /** Resolves once every case event published before the call is in the read models. */
  async caughtUp(): Promise<void> {
    await this.consumer?.caughtUp();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
  }
}
