import { Pool, type PoolConfig } from 'pg';
import { PartialIdempotentAppendError, WrongExpectedVersionError } from '../errors';
import { validateStreamId } from '../new-events';
import type {
  AppendResult, ChainVerification, CheckpointStore, EventFilter, EventStore, ExpectedVersion, NewEvent, ReadAllOptions,
  ReadStreamOptions, RecordedEvent, StreamId, Subscription, SubscriptionOptions,
} from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { AppendBatcher } from './append-batcher';
import { chainHashes, encodeEvents, encodeExpected, EVENT_COLUMNS as COLUMNS, toRecordedEvent, type EventRow } from './event-rows';
import { StreamHeads } from './stream-heads';
import { migrateEventStore } from './migrate';
import { AppendNotifier } from './append-notifier';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { PostgresSubscription } from './postgres-subscription';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Connections for appends and reads (default 10). Subscriptions hold one more for LISTEN. */
  poolSize?: number;
  /** Told when an idle pooled connection fails; the pool replaces it. */
  onConnectionError?(error: Error): void;
  /** Fallback poll for subscriptions if a notification is lost (default 1000 ms). */
  pollIntervalMs?: number;
  /** Batches written at the same time by the group commit, each on its own connection (default 2). */
  maxBatchesInFlight?: number;
  /** Events in one batch (default 1000): large appends still go alone; smaller ones share. */
  maxBatchEvents?: number;
}


/**
 * The PostgreSQL event store: the default everywhere (ADR 0005). Appends go through group commit;
 * positions are dense and visible in commit order; subscriptions are woken by LISTEN/NOTIFY.
 */
export class PostgresEventStore implements EventStore {
  private readonly batcher: AppendBatcher;
  private readonly notifier: AppendNotifier;
  private readonly subscriptions = new Set<PostgresSubscription>();
  private readonly heads = new StreamHeads();
  /** Highest position known to have nothing in flight below it; only ever grows. */
  private safe = 0n;
  readonly checkpoints: CheckpointStore;

  private constructor(readonly pool: Pool, private readonly options: PostgresEventStoreOptions) {
    this.notifier = new AppendNotifier(options.connectionString, pool);
    const limits = { maxInFlight: options.maxBatchesInFlight ?? 2, maxEvents: options.maxBatchEvents ?? 1_000 };
    this.batcher = new AppendBatcher(pool, limits, () =>
      this.notifier.announce(),
    );
    this.checkpoints = new PostgresCheckpointStore(pool);
  }

  /** Connects and applies pending migrations. */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      // Our statements are few and prepared; a generic plan spares re-planning the append on every call.
      options: '-c plan_cache_mode=force_generic_plan',
    };
    const pool = new Pool(config);
    // An idle connection the server closed (restart, failover) must not crash the process: the pool
    // drops it and the next query opens a new one.
    pool.on('error', (error) => options.onConnectionError?.(error));
    await migrateEventStore(pool);
    return new PostgresEventStore(pool, options);
  }

  async appendToStream(streamId: StreamId, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateStreamId(streamId);
    const code = encodeExpected(expected);
    const encoded = encodeEvents(events);
    let prevHash = this.heads.prevHashFor(streamId, expected);
    for (let attempt = 0; ; attempt += 1) {
      const hashes = chainHashes(encoded, prevHash ?? GENESIS_HASH);
      const outcome = await this.batcher.submit({ streamId, expected: code, prevHash: prevHash ?? null, events: encoded, hashes });
      switch (outcome.status) {
        case 0:
          this.heads.remember(streamId, outcome.version, hashes.at(-1) ?? outcome.lastHash);
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
      rowMode: 'array',
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

  /**
   * Events after `after` in global order, never past the safe position: below it nothing is in
   * flight, so a later commit can never land behind what a reader has already seen.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0n;
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const refreshed = this.safe <= after;
    if (refreshed) await this.refreshSafe();
    const events = await this.readRange(after, max, options);
    if (refreshed || events.length >= max) return events;
    const known = this.safe;
    if ((await this.refreshSafe()) === known) return events;
    const rest = await this.readRange(events.at(-1)?.position ?? after, max - events.length, options);
    return events.concat(rest);
  }

  /** Global position of the newest event below the safe position (0n when there is none). */
  async headPosition(): Promise<bigint> {
    const safe = await this.refreshSafe();
    const { rows } = await this.pool.query<{ head: string }>({
      name: 'es_head',
      text: 'select coalesce(max(position), 0) as head from es_events where position <= $1',
      values: [String(safe)],
    });
    return BigInt(rows[0].head);
  }

  private async refreshSafe(): Promise<bigint> {
    const { rows } = await this.pool.query<{ safe: string }>({ name: 'es_safe', text: 'select es_safe_position() as safe' });
    const safe = BigInt(rows[0].safe);
    if (safe > this.safe) this.safe = safe;
    return this.safe;
  }

  private async readRange(after: bigint, max: number, filter: EventFilter): Promise<RecordedEvent[]> {
    const categories = filter.categories?.length ? filter.categories : null;
    const types = filter.types?.length ? filter.types : null;
    const filtered = categories !== null || types !== null;
    const values: unknown[] = [String(after), String(this.safe), max];
    const { rows } = await this.pool.query<EventRow>({
      rowMode: 'array',
      name: filtered ? 'es_read_all_filtered' : 'es_read_all',
      text: filtered
        ? `select ${COLUMNS} from es_events where position > $1 and position <= $2
             and ($4::text[] is null or category = any($4)) and ($5::text[] is null or type = any($5))
           order by position limit $3`
        : `select ${COLUMNS} from es_events where position > $1 and position <= $2 order by position limit $3`,
      values: filtered ? [...values, categories, types] : values,
    });
    return rows.map(toRecordedEvent);
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
