import { Pool, type PoolConfig } from 'pg';
import { PartialIdempotentAppendError, WrongExpectedVersionError } from '../errors';
import type {
  AppendResult, ChainVerification, CheckpointStore, EventStore, ExpectedVersion, NewEvent, ReadAllOptions,
  ReadStreamOptions, RecordedEvent, StreamId, Subscription, SubscriptionOptions,
} from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { AppendBatcher } from './append-batcher';
import { chainEvents, encodeEvents, encodeExpected, toRecordedEvent, type EventRow } from './event-rows';
import { StreamHeads } from './stream-heads';
import { migrateEventStore } from './migrate';
import { AppendNotifier } from './append-notifier';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { PostgresSubscription } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Connections for appends and reads (default 10). Subscriptions hold one more for LISTEN. */
  poolSize?: number;
  /** Fallback poll for subscriptions if a notification is lost (default 1000 ms). */
  pollIntervalMs?: number;
  /** Batches written at once by the group commit (default 1: the next batch forms while one commits). */
  maxBatchesInFlight?: number;
}

const COLUMNS = 'position, stream_id, version, event_id, type, data, metadata, recorded_at';

/**
 * The PostgreSQL event store: the default everywhere (ADR 0005). Appends go through group commit;
 * positions are dense and visible in commit order; subscriptions are woken by LISTEN/NOTIFY.
 */
export class PostgresEventStore implements EventStore {
  private readonly batcher: AppendBatcher;
  private readonly notifier: AppendNotifier;
  private readonly subscriptions = new Set<PostgresSubscription>();
  private readonly heads = new StreamHeads();
  readonly checkpoints: CheckpointStore;

  private constructor(readonly pool: Pool, private readonly options: PostgresEventStoreOptions) {
    this.batcher = new AppendBatcher(pool, { maxInFlight: options.maxBatchesInFlight ?? 1, maxEvents: 4_000 });
    this.notifier = new AppendNotifier(options.connectionString);
    this.checkpoints = new PostgresCheckpointStore(pool);
  }

  /** Connects and applies pending migrations. */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const config: PoolConfig = { connectionString: options.connectionString, max: options.poolSize ?? 10 };
    const pool = new Pool(config);
    await migrateEventStore(pool);
    return new PostgresEventStore(pool, options);
  }

  async appendToStream(streamId: StreamId, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    checkStreamId(streamId);
    const code = encodeExpected(expected);
    const encoded = encodeEvents(events);
    let prevHash = this.heads.prevHashFor(streamId, expected);
    for (let attempt = 0; ; attempt += 1) {
      const { rows, lastHash } = chainEvents(encoded, prevHash ?? GENESIS_HASH);
      const outcome = await this.batcher.submit({ streamId, expected: code, prevHash: prevHash ?? null, events: rows });
      switch (outcome.status) {
        case 0:
          this.heads.remember(streamId, outcome.version, encoded.length ? lastHash : outcome.lastHash);
          return { nextExpectedVersion: outcome.version, position: outcome.position ?? 0n };
        case 1:
          this.heads.remember(streamId, outcome.version, outcome.lastHash);
          throw new WrongExpectedVersionError(streamId, expected, outcome.version);
        case 2:
          return { nextExpectedVersion: outcome.version, position: outcome.position ?? 0n };
        case 3:
          throw new PartialIdempotentAppendError(streamId);
        case 4:
          // Our idea of the stream's last hash was missing or stale: chain onto the real one.
          if (attempt >= 3) throw new Error(`Stream ${streamId}: the hash chain kept moving under concurrent writers`);
          prevHash = outcome.lastHash;
      }
    }
  }

  async readStream(streamId: StreamId, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromVersion ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const { rows } = await this.pool.query<EventRow>({
      name: backwards ? 'es_read_stream_backwards' : 'es_read_stream',
      text: backwards
        ? `select ${COLUMNS} from es_events where stream_id = $1 and version <= $2 order by version desc limit $3`
        : `select ${COLUMNS} from es_events where stream_id = $1 and version >= $2 order by version limit $3`,
      values: [streamId, from, options.maxCount ?? null],
    });
    const events = rows.map(toRecordedEvent);
    const last = backwards ? (options.fromVersion === undefined ? events[0] : undefined) : events.at(-1);
    if (last && (backwards || options.maxCount === undefined)) this.heads.remember(streamId, last.version, last.metadata.hash);
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const categories = options.categories?.length ? options.categories : null;
    const types = options.types?.length ? options.types : null;
    const filtered = categories !== null || types !== null;
    const { rows } = await this.pool.query<EventRow>({
      name: filtered ? 'es_read_all_filtered' : 'es_read_all',
      text: filtered
        ? `select ${COLUMNS} from es_events where position > $1
             and ($3::text[] is null or category = any($3)) and ($4::text[] is null or type = any($4))
           order by position limit $2`
        : `select ${COLUMNS} from es_events where position > $1 order by position limit $2`,
      values: filtered
        ? [String(options.after ?? 0n), options.maxCount ?? null, categories, types]
        : [String(options.after ?? 0n), options.maxCount ?? null],
    });
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<{ head: string }>({
      name: 'es_head',
      text: 'select coalesce(max(position), 0) as head from es_events',
    });
    return BigInt(rows[0].head);
  }

  subscribe(options: SubscriptionOptions): Subscription {
    const subscription = new PostgresSubscription(this, this.notifier, options, {
      checkpoints: options.checkpoints ?? this.checkpoints,
      pollIntervalMs: this.options.pollIntervalMs ?? 1_000,
      onStopped: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async verifyStream(streamId: StreamId): Promise<ChainVerification> {
    return verifyChain(await this.readStream(streamId));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifier.close();
    await this.pool.end();
  }
}

function checkStreamId(streamId: StreamId): StreamId {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 200) {
    throw new TypeError('streamId must be a non-empty string of at most 200 characters');
  }
  return streamId;
}
