import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { MarkRecordedV1, topicOf, type MarkRecordedPayload } from '@vertrouwd/contracts';
import { ProjectionRunner } from '@vertrouwd/event-sourcing';
import { consumeIntegrationEvents, type Consumer } from '@vertrouwd/messaging';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { CountMark } from '../application/count-mark/count-mark.command';
import { DigestProjector } from '../application/projections/digest/digest.projector';
import { DigestTopic } from '../application/projections/digest/digest.read-model';

/**
 * While the service runs: the digest projection over its own events (TypeORM read model), and the
 * consumer that turns sample.mark-recorded.v1 from the bus into CountMark commands.
 */
@Injectable()
export class DigestInfrastructure implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly dataSource: DataSource;
  readonly projection: ProjectionRunner;
  private consumer: Consumer | undefined;
  private readonly logger = new Logger('DigestConsumer');

  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    private readonly commands: CommandBus,
  ) {
    this.dataSource = new DataSource({ type: 'postgres', url: platform.config.DATABASE_URL, entities: [DigestTopic], synchronize: true });
    this.projection = new ProjectionRunner(platform.store, this.dataSource, new DigestProjector());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.initialize();
    await this.projection.start();
    this.consumer = consumeIntegrationEvents(this.platform.bus, {
      group: this.platform.serviceName,
      topics: [topicOf(MarkRecordedV1)],
      registry: this.platform.contracts,
      // Only the error's class: messages can quote data.
      onError: (error) =>
        this.logger.warn(`handling ${topicOf(MarkRecordedV1)} failed (${error instanceof Error ? error.name : typeof error}); retrying`),
      handle: async (event) => {
        const payload = event.payload as MarkRecordedPayload;
        await this.commands.execute(new CountMark(payload.topic, payload.markId, payload.weight, event.correlationId, event.eventId));
      },
    });
  }

  /** Resolves once every message published before the call is counted and in the read model. */
  async caughtUp(): Promise<void> {
    await this.consumer?.caughtUp();
    await this.projection.caughtUp();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.projection.stop();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
