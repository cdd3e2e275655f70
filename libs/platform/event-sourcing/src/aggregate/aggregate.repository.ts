import type { DomainEvent } from '@vertrouwd/domain';
import type { AppendResult, EventMetadataInput, EventStore, StreamAppender } from '../event-store.port';
import { NO_STREAM } from '../event-store.port';
import { EventSerializer } from './event-serializer';
import { uuidv7 } from '../ids';

/** Adds to the metadata of one event about to be saved. */
export type Enrich<E> = (event: E, context: { id: string; aggregateId: string; metadata: EventMetadataInput }) => EventMetadataInput;

export class AggregateNotFoundError extends Error {
  override readonly name = 'AggregateNotFoundError';

  constructor(readonly streamId: string) {
    super(`No aggregate in stream ${streamId}`);
  }
}

/** What the repository needs of an aggregate: any `Aggregate` of `@vertrouwd/domain` has it. */
export interface EventSourced<E extends DomainEvent> {
  readonly id: string;
  /** Version of the last stored event; -1 for a new aggregate. */
  readonly version: number;
  uncommittedEvents(): readonly E[];
  markCommitted(version: number): void;
  rehydrate(history: readonly E[], version: number): void;
}

export interface AggregateRepositoryOptions<A, E extends DomainEvent> {
  /** Stream category: the stream id is `<category>-<aggregate id>`. */
  category: string;
  /** An empty aggregate for an id, before its history is applied. */
  create(id: string): A;
  serializer?: EventSerializer<E>;
}

/**
 * Loads an aggregate from its stream and saves its new events with the version it was loaded at as
 * the expected version, so a concurrent change fails with WrongExpectedVersionError instead of being
 * overwritten.
 */
export class AggregateRepository<E extends DomainEvent, A extends EventSourced<E>> {
  private readonly serializer: EventSerializer<E>;

  constructor(
    private readonly store: EventStore,
    private readonly options: AggregateRepositoryOptions<A, E>,
  ) {
    this.serializer = options.serializer ?? new EventSerializer<E>();
  }

  streamId(id: string): string {
    return `${this.options.category}-${id}`;
  }

  async load(id: string): Promise<A | undefined> {
    const recorded = await this.store.readStream(this.streamId(id));
    if (recorded.length === 0) return undefined;
    const aggregate = this.options.create(id);
    aggregate.rehydrate(
      recorded.map((e) => this.serializer.deserialize(e)),
      recorded[recorded.length - 1].version,
    );
    return aggregate;
  }

  async get(id: string): Promise<A> {
    const aggregate = await this.load(id);
    if (!aggregate) throw new AggregateNotFoundError(this.streamId(id));
    return aggregate;
  }

  /**
   * Appends the uncommitted events with the loaded version as the expected version, then marks them
   * committed at the version the store gave. `enrich` may add to each event's metadata, e.g. the
   * integration events it gives rise to (the outbox), knowing the event's id. `via` appends in a transaction of the
   * store (`EventStore.transaction`) instead of on its own.
   */
  async save(
    aggregate: A,
    metadata: EventMetadataInput = {},
    enrich?: Enrich<E>,
    via: StreamAppender = this.store,
  ): Promise<AppendResult | undefined> {
    const pending = aggregate.uncommittedEvents();
    if (pending.length === 0) return undefined;
    const events = pending.map((event) => {
      const id = uuidv7();
      return {
        ...this.serializer.serialize(event),
        id,
        metadata: enrich ? enrich(event, { id, aggregateId: aggregate.id, metadata }) : metadata,
      };
    });
    const expected = aggregate.version < 0 ? NO_STREAM : aggregate.version;
    const result = await via.appendToStream(this.streamId(aggregate.id), events, expected);
    aggregate.markCommitted(result.nextExpectedVersion);
    return result;
  }
}
