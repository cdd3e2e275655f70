/**
 * The event store port. Every adapter (PostgreSQL by default, KurrentDB in production) passes the same
 * contract suite (`contract/event-store.contract.ts`).
 *
 * Versions are 0-based per stream (the first event has version 0). Global positions are bigint and
 * strictly increase in the order events became visible: a reader never skips an event.
 */
export type StreamId = string;

/** `no_stream`: the stream must not exist. `stream_exists`: it must. `any`: no check. A number: the last version. */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';

export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;
export const ANY = 'any' as const;

/** Context every event carries; the store adds the hash chain. */
export interface EventMetadataInput {
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
  /** Who caused the event: an opaque actor id, never a name. */
  actor?: string;
  [key: string]: unknown;
}

export interface EventMetadata extends EventMetadataInput {
  /** Hex SHA-256 of the previous event in the stream (64 zeros for the first). */
  prevHash: string;
  /** Hex SHA-256 over `prevHash` and this event's canonical content. */
  hash: string;
}

export interface NewEvent<TData = unknown> {
  /** Unique id; re-appending an id already in the stream is idempotent. Generated when omitted. */
  id?: string;
  /** A fixed type string, never derived from a class name. */
  type: string;
  data: TData;
  metadata?: EventMetadataInput;
}

export interface RecordedEvent<TData = unknown> {
  id: string;
  type: string;
  data: TData;
  metadata: EventMetadata;
  streamId: StreamId;
  version: number;
  position: bigint;
  recordedAt: Date;
}

export interface AppendResult {
  /** The version of the stream's last event after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  /** Global position of the last event of this append. */
  position: bigint;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start version; defaults to the first (forwards) or last (backwards) event. */
  fromVersion?: number;
  maxCount?: number;
}

export interface EventFilter {
  /** Stream categories: the part of the stream id before the first `-` (`case` for `case-42`). */
  categories?: string[];
  types?: string[];
}

export interface ReadAllOptions extends EventFilter {
  /** Exclusive: events after this global position (default: from the beginning). */
  after?: bigint;
  maxCount?: number;
}

export interface SubscriptionContext {
  /** The position to record as the checkpoint once `handle` has taken effect. */
  readonly checkpoint: bigint;
}

export interface SubscriptionOptions {
  /** Durable name: the checkpoint is kept under it. */
  subscriptionId: string;
  filter?: EventFilter;
  /** Called with events in global order; resolve once their effect is durable. */
  handle(events: RecordedEvent[], context: SubscriptionContext): Promise<void>;
  /**
   * `store` (default): the store saves the checkpoint after `handle` resolves (at least once).
   * `handler`: `handle` writes the checkpoint itself, in the same transaction as its effect (exactly once);
   * the store then only reads it through `checkpoints`.
   */
  checkpointing?: 'store' | 'handler';
  /** Where checkpoints are read (and with `store` checkpointing, written). Defaults to the store's own. */
  checkpoints?: CheckpointStore;
  batchSize?: number;
  /** Called when `handle` throws; the subscription retries the same batch after a back-off. */
  onError?(error: unknown): void;
}

export interface CheckpointStore {
  load(subscriptionId: string): Promise<bigint | undefined>;
  save(subscriptionId: string, position: bigint): Promise<void>;
}

export interface Subscription {
  readonly subscriptionId: string;
  /** Position of the last event handled (undefined before the first). */
  readonly position: bigint | undefined;
  /** Resolves once everything appended before the call has been handled. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  /** The first version whose hash does not match, when invalid. */
  brokenAt?: number;
  reason?: string;
}

/** What appends to a stream: the store itself, or one transaction of it (`EventStore.transaction`). */
export interface StreamAppender {
  appendToStream(streamId: StreamId, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
}

/**
 * One transaction of the event store's database (a unit of work): its appends and the statements run through
 * `query` (read-model rows, key-vault rows kept in the same database) commit together, or none of them does.
 * Statements issued without awaiting each other may be sent together (the PostgreSQL store pipelines them); await
 * every one (`Promise.all`) before the work returns or throws.
 */
export interface StoreTransaction extends StreamAppender {
  /**
   * `name`: run as that prepared statement of the connection, parsed and planned once per connection instead of on
   * every call (for a statement on a hot path, e.g. one per request; a name always stands for the same text).
   */
  query<R = Record<string, unknown>>(text: string, values?: unknown[], name?: string): Promise<{ rows: R[]; rowCount: number }>;
}

export interface EventStore extends StreamAppender {
  /** Events of one stream; empty when the stream does not exist. */
  readStream(streamId: StreamId, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Global position of the newest visible event (0n when the store is empty). */
  headPosition(): Promise<bigint>;
  /** Catch-up, then live: delivers from the durable checkpoint onwards, in global order. */
  subscribe(options: SubscriptionOptions): Subscription;
  /** Recomputes the stream's hash chain. */
  verifyStream(streamId: StreamId): Promise<ChainVerification>;
  /**
   * Runs `work` in one transaction of the store's database: committed when it resolves, rolled back (nothing
   * appended, no statement's effect kept) when it throws. Only where the store is a database that can hold other
   * rows (PostgreSQL); absent on KurrentDB, whose callers write in steps and clean up instead.
   */
  transaction?<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The category of a stream id: the part before the first `-`. */
export function streamCategory(streamId: StreamId): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
