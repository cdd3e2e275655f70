import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import { WrongExpectedVersionError as ClientWrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { EventData } from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  ChainVerification,
  CheckpointStore,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamId,
  Subscription,
  SubscriptionOptions,
} from '../event-store.port';
import { streamCategory } from '../event-store.port';
import { InvalidAppendError, WrongExpectedVersionError } from '../errors';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { validateStreamId } from '../new-events';
import { CHECKPOINT_CATEGORY, isVisible, serverFilter } from './kurrentdb-filter';
import { alreadyAppended } from './kurrentdb-idempotency';
import { chainEvents, checkExpected, prepareEvents, meetsExpectation, streamStateOf, toRecordedEvent } from './kurrentdb-mapping';
import { KurrentDbAllReader } from './kurrentdb-all-reader';
import { KurrentDbCheckpointStore } from './kurrentdb-checkpoint-store';
import { KurrentDbSubscription, type SubscriptionSource } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  /** Where subscriptions keep checkpoints unless they name their own; by default, streams in KurrentDB. */
  checkpoints?: CheckpointStore;
  /**
   * Put before every stream name on the server and hidden from callers, so that several environments or
   * test runs can share one database without seeing each other's events.
   */
  streamPrefix?: string;
}

/** Appends under `any` re-read the tail and retry this often before giving up on a contended stream. */
const MAX_APPEND_ATTEMPTS = 10;

/**
 * The event store port on KurrentDB (or EventStoreDB 22.6+). The hash chain is computed here, and every append
 * is pinned to the exact revision the chain was computed from, so concurrent writers cannot fork the chain.
 * Global positions are commit positions; streams of category `vertrouwd.checkpoint` hold subscription checkpoints.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly prefix: string;
  private readonly checkpoints: CheckpointStore;
  private readonly all: KurrentDbAllReader;
  private readonly subscriptions = new Set<KurrentDbSubscription>();

  constructor(
    private readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.prefix = options.streamPrefix ?? '';
    this.checkpoints = options.checkpoints ?? new KurrentDbCheckpointStore(client, this.prefix);
    this.all = new KurrentDbAllReader(client, this.prefix);
  }

  /** Connects with a KurrentDB connection string, e.g. `kurrentdb://localhost:2113?tls=false`. */
  static connect(connectionString: string, options?: KurrentDbEventStoreOptions): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  async appendToStream(streamId: StreamId, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    checkStreamId(streamId);
    checkExpected(expected);
    const prepared = prepareEvents(events);
    const callerIds = prepared.filter((_, index) => events[index].id !== undefined).map((event) => event.id);
    for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
      // Re-sent ids may sit anywhere in the stream, so then the whole stream is read; otherwise only its tail.
      const stored = await this.readStream(streamId, callerIds.length > 0 ? {} : { direction: 'backwards', maxCount: 1 });
      const earlier = callerIds.length > 0 ? alreadyAppended(streamId, callerIds, stored) : undefined;
      if (earlier) return earlier;
      const last = stored.at(-1);
      const lastVersion = last?.version ?? -1;
      if (!meetsExpectation(expected, lastVersion)) throw new WrongExpectedVersionError(streamId, expected, lastVersion);
      if (prepared.length === 0) return { nextExpectedVersion: lastVersion, position: last?.position ?? 0n };
      const result = await this.appendAfter(streamId, chainEvents(prepared, last?.metadata.hash ?? GENESIS_HASH), lastVersion);
      if (result) return result;
    }
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    throw new WrongExpectedVersionError(streamId, expected, last?.version ?? -1);
  }

  async readStream(streamId: StreamId, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromVersion;
    if (options.maxCount === 0 || (backwards && from !== undefined && from < 0)) return [];
    const fromRevision = from !== undefined && from >= 0 ? BigInt(from) : backwards ? END : START;
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(this.prefix + streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision,
        maxCount: options.maxCount,
      });
      for await (const resolved of read) events.push(toRecordedEvent(resolved, this.prefix));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.all.read(options);
  }

  headPosition(): Promise<bigint> {
    return this.all.head(undefined);
  }

  subscribe(options: SubscriptionOptions): Subscription {
    const checkpoints = options.checkpoints ?? this.checkpoints;
    const subscription = new KurrentDbSubscription(this.source, options, checkpoints, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async verifyStream(streamId: StreamId): Promise<ChainVerification> {
    return verifyChain(await this.readStream(streamId));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private readonly source: SubscriptionSource = {
    open: (after, filter) =>
      this.client.subscribeToAll({
        fromPosition: after === undefined ? START : { commit: after, prepare: after },
        filter: serverFilter(filter, this.prefix),
      }),
    visible: (resolved, filter) => (isVisible(resolved.event, filter, this.prefix) ? toRecordedEvent(resolved, this.prefix) : undefined),
    head: (filter) => this.all.head(filter),
  };

  /** Appends only if the stream still ends at `lastVersion`; undefined when another writer got there first. */
  private async appendAfter(streamId: StreamId, events: EventData[], lastVersion: number): Promise<AppendResult | undefined> {
    try {
      const result = await this.client.appendToStream(this.prefix + streamId, events, { streamState: streamStateOf(lastVersion) });
      if (!result.success) return undefined;
      const nextExpectedVersion = Number(result.nextExpectedRevision);
      // Read back rather than taken from the append response, so it is by construction the position readers see.
      const [appended] = await this.readStream(streamId, { fromVersion: nextExpectedVersion, maxCount: 1 });
      return { nextExpectedVersion, position: appended.position };
    } catch (error) {
      if (error instanceof ClientWrongExpectedVersionError) return undefined;
      throw error;
    }
  }
}

function checkStreamId(streamId: StreamId): void {
  validateStreamId(streamId);
  // `$` streams are KurrentDB's own, and checkpoint streams this store's: neither is ever shown to readers.
  if (streamId.startsWith('$') || streamCategory(streamId) === CHECKPOINT_CATEGORY) {
    throw new InvalidAppendError(`Stream ${streamId}: names starting with $ or ${CHECKPOINT_CATEGORY}- are reserved`);
  }
}
