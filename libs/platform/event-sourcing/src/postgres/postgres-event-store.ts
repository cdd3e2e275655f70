import { Pool, type PoolConfig } from 'pg';
import { PartialIdempotentAppendError, WrongExpectedVersionError } from '../errors';
import { validateStreamId } from '../new-events';
import type {
  AppendResult,
  ChainVerification,
  CheckpointStore,
  EventFilter,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreTransaction,
  StreamId,
  Subscription,
  SubscriptionOptions,
} from '../event-store.port';
import { verifyChain } from '../hash-chain';
import { GENESIS_HASH } from '../hash-chain';
import { AppendBatcher, batchParameters, type AppendRequest } from './append-batcher';
import { APPEND_ONE_SQL, APPEND_SQL } from './append.sql';
import { inPipelinedTransaction, type PipelinedQuery } from './in-transaction';
import { TurnBatch } from '../turn-batch';
import { chainHashes, encodeEvents, encodeExpected, EVENT_COLUMNS as COLUMNS, toRecordedEvent, type EventRow } from './event-rows';
import { StreamHeads } from './stream-heads';
import { migrateEventStore } from './migrate';
import { PgChannel } from './append-notifier';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { PostgresSubscription, type SubscriptionSource } from './postgres-subscription';
import { FreshRead } from './fresh-read';

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

/** A row of APPEND_SQL's answer (see append.sql.ts). */
interface AppendRow {
  status: 0 | 1 | 2 | 3 | 4;
  version: string;
  last_position: string | null;
  last_hash: string;
}

/** An append in a transaction, encoded, with what its caller asked (for its errors). */
interface TransactionAppend {
  request: AppendRequest;
  streamId: StreamId;
  expected: ExpectedVersion;
}

/** What a transaction's appends learnt, applied once it committed: the streams' heads, and whether anything was appended. */
interface Learnt {
  heads: [string, number, string][];
  appended: boolean;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** An append's outcome from its row of APPEND_SQL (any status but 4, a stale head, which is sent again). */
function settledRow(append: TransactionAppend, row: AppendRow, hashes: string[], learnt: Learnt): Settled<AppendResult> {
  const version = Number(row.version);
  if (row.status === 1) return { ok: false, error: new WrongExpectedVersionError(append.streamId, append.expected, version) };
  if (row.status === 3) return { ok: false, error: new PartialIdempotentAppendError(append.streamId) };
  if (row.status === 0) {
    learnt.appended = true;
    learnt.heads.push([append.request.streamId, version, hashes.at(-1) ?? row.last_hash]);
  }
  return { ok: true, value: { nextExpectedVersion: version, position: row.last_position === null ? 0n : BigInt(row.last_position) } };
}

/**
 * The PostgreSQL event store: the default everywhere (ADR 0005). Appends go through group commit;
 * positions are dense and visible in commit order; subscriptions are woken by LISTEN/NOTIFY.
 */
export class PostgresEventStore implements EventStore {
  private readonly batcher: AppendBatcher;
  private readonly notifier: PgChannel;
  private readonly subscriptions = new Set<PostgresSubscription>();
  private readonly heads = new StreamHeads();
  /** Highest position known to have nothing in flight below it; only ever grows. */
  private safe = 0n;
  private readonly running = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;
  private refusing = false;
  readonly checkpoints: CheckpointStore;

  private constructor(
    readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.notifier = new PgChannel(options.connectionString, pool);
    const limits = { maxInFlight: options.maxBatchesInFlight ?? 2, maxEvents: options.maxBatchEvents ?? 1_000 };
    this.batcher = new AppendBatcher(pool, this.heads, limits, () => this.notifier.announce());
    this.checkpoints = new PostgresCheckpointStore(pool);
  }

  /** Connects and applies pending migrations. */
  static async create(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      // Our statements are few and prepared; a generic plan spares re-planning the append on every call.
      options: '-c plan_cache_mode=force_generic_plan',
      // A transaction's statements go without waiting for each other's answers (`transaction`); one caller's
      // statements at a time, as before, behave as without it.
      pipeline: true,
    };
    const pool = new Pool(config);
    // An idle connection the server closed (restart, failover) must not crash the process: the pool
    // drops it and the next query opens a new one.
    pool.on('error', (error) => options.onConnectionError?.(error));
    await migrateEventStore(pool);
    return new PostgresEventStore(pool, options);
  }

  async appendToStream(streamId: StreamId, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const request = { streamId: validateStreamId(streamId), expected: encodeExpected(expected), events: encodeEvents(events) };
    const outcome = await this.track(() => this.batcher.submit(request));
    if (outcome.status === 1) throw new WrongExpectedVersionError(streamId, expected, outcome.version);
    if (outcome.status === 3) throw new PartialIdempotentAppendError(streamId);
    return { nextExpectedVersion: outcome.version, position: outcome.position ?? 0n };
  }

  /**
   * One transaction on one pooled connection. Its appends skip the group commit (a batch would tie other callers'
   * appends to this transaction's fate) and go as one statement each, checked like any append; the heads it learnt
   * and the wake-up of subscribers take effect after the commit only. Keep appends last, right before the commit:
   * from an append on, readers of the global order wait for this transaction (the in-flight marker). Statements the
   * work issues together (`Promise.all`) are sent together, `begin` with the first (pipelined, ADR 0057).
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    return this.track(async () => {
      const learnt: Learnt = { heads: [], appended: false };
      const result = await inPipelinedTransaction(this.pool, (query) => {
        // Appends issued in one turn (the members of a shared transaction, ADR 0069) go as one statement (ADR 0073).
        const appends = new TurnBatch<TransactionAppend, Settled<AppendResult>>((batch) => this.appendInTransaction(query, batch, learnt));
        return work({
          query: async <R>(text: string, values?: unknown[], name?: string) => {
            const { rows, rowCount } = await query(name === undefined ? { text, values } : { name, text, values });
            return { rows: rows as R[], rowCount: rowCount ?? 0 };
          },
          appendToStream: async (streamId, events, expected) => {
            const request = { streamId: validateStreamId(streamId), expected: encodeExpected(expected), events: encodeEvents(events) };
            const outcome = await appends.add({ request, streamId, expected });
            if (!outcome.ok) throw outcome.error;
            return outcome.value;
          },
        });
      });
      for (const [streamId, version, hash] of learnt.heads) this.heads.remember(streamId, version, hash);
      if (learnt.appended) this.notifier.announce();
      return result;
    });
  }

  /**
   * A turn's appends in a transaction: each one's outcome, its error included (another's error is not its own). Two
   * or more to streams of their own go as one statement, each still checked on its own; an append chained onto a head
   * that moved, and a stream's second append of the turn, go after it, alone.
   */
  private async appendInTransaction(query: PipelinedQuery, batch: TransactionAppend[], learnt: Learnt): Promise<Settled<AppendResult>[]> {
    const outcomes: (Settled<AppendResult> | undefined)[] = [];
    const streams = new Set<string>();
    const together = batch.filter((append) => !streams.has(append.request.streamId) && streams.add(append.request.streamId));
    if (together.length > 1) {
      const chained = together.map((append) => {
        const prevHash = this.heads.prevHashFor(append.request.streamId, append.request.expected);
        return { ...append.request, prevHash, hashes: chainHashes(append.request.events, prevHash ?? GENESIS_HASH) };
      });
      const { rows } = await query<AppendRow & { idx: number }>({ name: 'es_append', text: APPEND_SQL, values: batchParameters(chained) });
      for (const row of rows) {
        const i = row.idx - 1;
        // A stale head: nothing of it was written; it goes again, alone, below.
        if (row.status === 4) this.heads.remember(chained[i].streamId, Number(row.version), row.last_hash);
        else outcomes[batch.indexOf(together[i])] = settledRow(together[i], row, chained[i].hashes, learnt);
      }
    }
    for (const [i, append] of batch.entries()) {
      if (outcomes[i] !== undefined) continue;
      outcomes[i] = await this.appendAloneInTransaction(query, append, learnt).then(
        (value): Settled<AppendResult> => ({ ok: true, value }),
        (error: unknown): Settled<AppendResult> => ({ ok: false, error }),
      );
    }
    return outcomes as Settled<AppendResult>[];
  }

  /** One append in a transaction, checked like any append: the fast path first, then the full statement says why not. */
  private async appendAloneInTransaction(query: PipelinedQuery, append: TransactionAppend, learnt: Learnt): Promise<AppendResult> {
    const { request, streamId, expected } = append;
    // The fast path, as the group commit takes it for a lone append: a version or no stream expected and the hash to
    // chain onto known. It appends only when every check passes; otherwise the full statement says why.
    const knownHash = this.heads.prevHashFor(request.streamId, request.expected);
    if (knownHash !== null && (request.expected >= 0 || request.expected === -2) && request.events.length > 0) {
      const hashes = chainHashes(request.events, knownHash);
      const { rows } = await query<{ inserted: string; version: string; last_position: string }>({
        name: 'es_append_one',
        text: APPEND_ONE_SQL,
        values: [request.streamId, request.expected, knownHash, ...batchParameters([{ ...request, prevHash: knownHash, hashes }]).slice(5)],
      });
      if (rows[0].inserted !== '0') {
        const version = Number(rows[0].version);
        learnt.appended = true;
        learnt.heads.push([request.streamId, version, hashes.at(-1) as string]);
        return { nextExpectedVersion: version, position: BigInt(rows[0].last_position) };
      }
    }
    for (let attempt = 1; ; attempt++) {
      const prevHash = this.heads.prevHashFor(request.streamId, request.expected);
      const hashes = chainHashes(request.events, prevHash ?? GENESIS_HASH);
      const { rows } = await query<AppendRow>({
        name: 'es_append',
        text: APPEND_SQL,
        values: batchParameters([{ ...request, prevHash, hashes }]),
      });
      const row = rows[0];
      if (row.status === 4) {
        // Chained onto a head this process did not know: nothing written; the statement told the real one.
        this.heads.remember(request.streamId, Number(row.version), row.last_hash);
        if (attempt < 3) continue;
        throw new Error(`Stream ${streamId}: the hash chain kept moving`);
      }
      const outcome = settledRow({ request, streamId, expected }, row, hashes, learnt);
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    }
  }

  readStream(streamId: StreamId, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.track(() => this.readStreamNow(streamId, options));
  }

  private async readStreamNow(streamId: StreamId, options: ReadStreamOptions): Promise<RecordedEvent[]> {
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
  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.track(async () => (await this.readAllNow(options)).events);
  }

  /** Events after `after`, and the position up to which a short read has seen everything. */
  private async readAllNow(options: ReadAllOptions): Promise<{ events: RecordedEvent[]; coveredTo: bigint }> {
    const after = options.after ?? 0n;
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const refreshed = this.safe <= after;
    if (refreshed) await this.refreshSafe();
    // The bound this read uses: the shared cache may move meanwhile (another reader refreshing it).
    const bound = this.safe;
    const events = await this.readRange(after, bound, max, options);
    if (refreshed || events.length >= max) return { events, coveredTo: bound };
    // A short read has seen everything up to its bound; if more has settled since, read on from there.
    const newer = await this.refreshSafe();
    if (newer <= bound) return { events, coveredTo: bound };
    const rest = await this.readRange(bound > after ? bound : after, newer, max - events.length, options);
    return { events: events.concat(rest), coveredTo: newer };
  }

  /** Global position of the newest event below the safe position (0n when there is none). */
  headPosition(): Promise<bigint> {
    return this.track(() => this.headPositionNow());
  }

  private async headPositionNow(): Promise<bigint> {
    const safe = await this.refreshSafe();
    const { rows } = await this.pool.query<{ head: string }>({
      name: 'es_head',
      text: 'select coalesce(max(position), 0) as head from es_events where position <= $1',
      values: [String(safe)],
    });
    return BigInt(rows[0].head);
  }

  private readonly subscriptionSource: SubscriptionSource = {
    readSettled: (options) => this.track(() => this.readAllNow(options)),
    allocatedPosition: () =>
      this.track(async () => {
        const { rows } = await this.pool.query<{ allocated: string }>({
          name: 'es_allocated',
          text: 'select case when is_called then last_value else 0 end as allocated from es_position_seq',
        });
        return BigInt(rows[0].allocated);
      }),
  };

  /**
   * The safe position, read again. Readers asking at once share the read (`FreshRead`): every subscription of this
   * process wakes at the same commit. Given the safe position known so far, the server answers from the events since
   * it when none is missing, and reads its whole lock table only when one is (in flight or rolled back; ADR 0081).
   */
  private readonly safeRead = new FreshRead(async () => {
    const { rows } = await this.pool.query<{ safe: string }>({
      name: 'es_safe_since',
      text: 'select es_safe_position($1::bigint) as safe',
      values: [String(this.safe)],
    });
    return BigInt(rows[0].safe);
  });

  private async refreshSafe(): Promise<bigint> {
    const safe = await this.safeRead.get();
    if (safe > this.safe) this.safe = safe;
    return this.safe;
  }

  private async readRange(after: bigint, upTo: bigint, max: number, filter: EventFilter): Promise<RecordedEvent[]> {
    const categories = filter.categories?.length ? filter.categories : null;
    const types = filter.types?.length ? filter.types : null;
    const filtered = categories !== null || types !== null;
    const values: unknown[] = [String(after), String(upTo), max];
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
    const subscription = new PostgresSubscription(this.subscriptionSource, this.notifier, options, {
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

  /**
   * Refuses new work, lets what is under way finish (appends queued for a batch included), stops the
   * subscriptions and then closes the connections.
   */
  async close(): Promise<void> {
    if (this.closing) return this.closing;
    this.closing = (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      this.refusing = true;
      await Promise.allSettled([...this.running]);
      await this.batcher.drained();
      await this.notifier.close();
      await this.pool.end();
    })();
    return this.closing;
  }

  /** Runs store work unless the store is closing, and keeps it in view so close() can wait for it. */
  private track<T>(work: () => Promise<T>): Promise<T> {
    if (this.refusing) return Promise.reject(new Error('The event store is closed'));
    const running = work();
    this.running.add(running);
    void running.finally(() => this.running.delete(running)).catch(() => undefined);
    return running;
  }
}
