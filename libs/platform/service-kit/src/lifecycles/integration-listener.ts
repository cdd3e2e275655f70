import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { IntegrationEvent } from '@vertrouwd/contracts';
import { DomainError } from '@vertrouwd/domain';
import { consumeIntegrationEvents, recordOnce, UnretryableMessageError, type Consumer } from '@vertrouwd/messaging';
import { PLATFORM, type Platform } from '@vertrouwd/runtime';
import { ReadModels } from './read-models';

/** Consumes the listener's topics while the service runs (consumer group: the service, or `group`). */
@Injectable()
abstract class Listener implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  /** The topics (contract types) it consumes. */
  abstract readonly topics: readonly string[];
  /** A consumer group of its own, when a service has more than one listener; the service's name by default. */
  readonly group?: string;
  private consumer: Consumer | undefined;

  constructor(
    @Inject(PLATFORM) protected readonly platform: Platform,
    protected readonly readModels: ReadModels,
  ) {}

  protected get consumerName(): string {
    return this.group ?? this.platform.serviceName;
  }

  protected abstract handle(event: IntegrationEvent): Promise<void>;

  onApplicationBootstrap(): void {
    this.consumer = consumeIntegrationEvents(this.platform.bus, {
      group: this.consumerName,
      topics: [...this.topics],
      registry: this.platform.contracts,
      handle: (event) => this.handle(event),
    });
  }

  /** Resolves once every message published before the call has been handled. */
  async caughtUp(): Promise<void> {
    await this.consumer?.caughtUp();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  protected async seen(eventId: string): Promise<boolean> {
    const rows: unknown[] = await this.readModels.dataSource.query('select 1 from inbox where consumer = $1 and message_id = $2', [
      this.consumerName,
      eventId,
    ]);
    return rows.length > 0;
  }
}

/**
 * Integration events → this service's commands. Delivery is at least once: an event handled before (the inbox) is
 * skipped, and commands are idempotent by their rules. The policy for a command a rule refuses: the message is
 * dead-lettered at once with the rule's code (`<topic>.dlq`, header `x-dead-letter-error`), never dropped silently
 * and never retried in a loop; any other failure is retried by the bus, then dead-lettered.
 */
export abstract class CommandListener extends Listener {
  @Inject(CommandBus) private readonly commands!: CommandBus;

  /** The command an event asks for; undefined to ignore the event. */
  abstract commandFor(event: IntegrationEvent): object | undefined;

  protected async handle(event: IntegrationEvent): Promise<void> {
    if (await this.seen(event.eventId)) return;
    const command = this.commandFor(event);
    if (command) await this.execute(event, command);
    await recordOnce(this.readModels.dataSource, this.consumerName, event.eventId);
  }

  private async execute(event: IntegrationEvent, command: object): Promise<void> {
    try {
      await this.commands.execute(command);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${event.type}.v${event.version} ${event.eventId} refused by rule ${error.name}: dead-lettered`);
      throw new UnretryableMessageError(error.name);
    }
  }
}

/**
 * Integration events → rows of this service's read models, exactly once: the inbox record and the rows are written
 * in one transaction, so a redelivery changes nothing.
 */
export abstract class ReadModelListener extends Listener {
  /** Writes what the event changes, inside the transaction that records it in the inbox. */
  abstract apply(event: IntegrationEvent, manager: EntityManager): Promise<void>;

  protected async handle(event: IntegrationEvent): Promise<void> {
    await this.readModels.dataSource.transaction(async (manager) => {
      if (await recordOnce(manager, this.consumerName, event.eventId)) await this.apply(event, manager);
    });
  }
}
