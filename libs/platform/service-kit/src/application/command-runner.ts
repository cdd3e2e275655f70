import type { ContractRegistry } from '@vertrouwd/contracts';
import type { DomainError, DomainEvent } from '@vertrouwd/domain';
import {
  StaleVersionError,
  WrongExpectedVersionError,
  type Enrich,
  type EventMetadataInput,
  type StreamAppender,
} from '@vertrouwd/event-sourcing';
import { outboxFor, type Translated } from '@vertrouwd/messaging';
import { AlreadyShreddedError } from '@vertrouwd/privacy';
import { metadataOf, type CommandContext } from './command-context';

/** What the runner needs of a repository: load by id, save with the expected version and an enrich hook. */
export interface AggregateStore<A, E> {
  load(id: string): Promise<A | undefined>;
  save(aggregate: A, metadata: EventMetadataInput, enrich?: Enrich<E>, via?: StreamAppender): Promise<unknown>;
}

export interface CommandRunnerOptions<A, E extends DomainEvent> {
  aggregates: AggregateStore<A, E>;
  /** Domain event → the integration events it gives rise to (the outbox). */
  translate: (event: E) => Translated[];
  contracts: ContractRegistry;
  /** The agency an aggregate belongs to; undefined when it has none (yet). */
  tenantOf: (aggregate: A) => string | undefined;
  /** The refusal when there is no such aggregate, or it is another agency's (the caller must not learn which). */
  notFound: () => DomainError;
  /**
   * The version a caller's `expectedVersion` (`If-Match`) is compared with: the one the service's reads show as
   * `version` and `ETag`. By default the aggregate's stream version.
   */
  versionOf?: (aggregate: A) => number;
  /** The refusal when the aggregate's keys were shredded while deciding (sealing for an erased subject or case). */
  erased?: () => DomainError;
}

/**
 * The one way to run a command: load the aggregate, check the caller's tenant and the version the caller read (when
 * the context names one: a mismatch is a StaleVersionError, 412, before deciding), let the aggregate decide,
 * append what it applied with the expected version, and the integration events in the same append (the outbox).
 * A decision refused by a rule throws the domain error, untouched: the API edge maps it (rule → 409/422, not found
 * → 404, not allowed → 403), a listener dead-letters it. A concurrent change fails with WrongExpectedVersionError (409).
 */
export class CommandRunner<A, E extends DomainEvent> {
  private readonly enrich: Enrich<E>;

  constructor(private readonly options: CommandRunnerOptions<A, E>) {
    this.enrich = outboxFor(options.translate, options.contracts);
  }

  /** Runs `decide` on the aggregate `id` and saves what it applied. */
  async run(id: string, context: CommandContext, decide: (aggregate: A) => void | Promise<void>): Promise<void> {
    const aggregate = await this.options.aggregates.load(id);
    if (!aggregate || !this.reaches(aggregate, context)) throw this.options.notFound();
    if (context.expectedVersion !== undefined && this.versionOf(aggregate) !== context.expectedVersion) throw new StaleVersionError();
    try {
      await decide(aggregate);
    } catch (error) {
      if (error instanceof AlreadyShreddedError && this.options.erased) throw this.options.erased();
      throw error;
    }
    await this.save(aggregate, context);
  }

  /**
   * Saves a new aggregate (its stream must not exist). False when it exists already, e.g. a redelivered message
   * created it before: creating is idempotent. `via`: in a transaction of the event store, beside other writes
   * (`EventStore.transaction`).
   */
  async create(aggregate: A, context: CommandContext, via?: StreamAppender): Promise<boolean> {
    try {
      await this.save(aggregate, context, via);
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
  }

  /** Whether an aggregate exists (e.g. to skip creating it twice). */
  async exists(id: string): Promise<boolean> {
    return (await this.options.aggregates.load(id)) !== undefined;
  }

  private save(aggregate: A, context: CommandContext, via?: StreamAppender): Promise<unknown> {
    return this.options.aggregates.save(aggregate, metadataOf(context), this.enrich, via);
  }

  private versionOf(aggregate: A): number | undefined {
    return this.options.versionOf ? this.options.versionOf(aggregate) : (aggregate as { version?: number }).version;
  }

  /** Staff reach only their own agency's aggregates; the platform (no agency in the context) reaches all. */
  private reaches(aggregate: A, context: CommandContext): boolean {
    return context.agencyId === undefined || this.options.tenantOf(aggregate) === context.agencyId;
  }
}
