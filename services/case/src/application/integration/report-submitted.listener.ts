import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ReportSubmittedV1,
  ReportWithdrawnV1,
  ReporterMessageSentV1,
  SummaryApprovedV1,
  SummaryCorrectedV1,
  topicOf,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { DomainError } from '@vertrouwd/domain';
import { consumeIntegrationEvents, type Consumer } from '@vertrouwd/messaging';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { commandFor } from './intake-commands';

/**
 * Intake's events → case commands. At least once: opening ignores a case that exists, and the reporter-side
 * rules take each message, approval and correction once. A refusal by a case rule (say, a message on a closed
 * case) is dropped with a log line, since a retry cannot change it; anything else is retried by the bus.
 */
@Injectable()
export class ReportSubmittedListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReportSubmittedListener');
  private consumer: Consumer | undefined;

  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    this.consumer = consumeIntegrationEvents(this.platform.bus, {
      group: this.platform.serviceName,
      topics: [ReportSubmittedV1, ReporterMessageSentV1, SummaryApprovedV1, SummaryCorrectedV1, ReportWithdrawnV1].map(topicOf),
      registry: this.platform.contracts,
      handle: (event) => this.handle(event),
    });
  }

  async handle(event: IntegrationEvent): Promise<void> {
    const command = commandFor(event);
    if (!command) return;
    try {
      await this.commands.execute(command);
    } catch (error) {
      const rule = error instanceof Error && error.cause instanceof DomainError ? error.cause : undefined;
      if (!rule) throw error;
      this.logger.warn(`${topicOf(event)} ${event.eventId} refused by a case rule (${rule.name}); dropped`);
    }
  }

  /** Resolves once every message published before the call has been handled. */
  async caughtUp(): Promise<void> {
    await this.consumer?.caughtUp();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
