import type { Pool } from 'pg';
import { GENESIS_HASH } from '../hash-chain';
import { APPEND_ONE_SQL, APPEND_SQL } from './append.sql';
import { chainHashes, storedMetadataJson, type EncodedEvent } from './event-rows';
import type { StreamHeads } from './stream-heads';

/** One appendToStream call, encoded for the append statements. */
export interface AppendRequest {
  streamId: string;
  /** >= 0 a version, -1 any, -2 no_stream, -3 stream_exists. */
  expected: number;
  events: EncodedEvent[];
}

/** An append on its way: chained onto the stream head known when its batch is formed. */
export interface ChainedAppend extends AppendRequest {
  /** The hash the events are chained onto (null: unknown, the statement answers with the real one). */
  prevHash: string | null;
  hashes: string[];
}

interface Pending extends AppendRequest {
  attempts: number;
  resolve(outcome: AppendOutcome): void;
  reject(error: unknown): void;
}

export interface AppendOutcome {
  /** 0 appended, 1 wrong expected version, 2 already appended (replay), 3 partly appended before. */
  status: 0 | 1 | 2 | 3;
  version: number;
  position: bigint | null;
}

interface Row {
  idx: number;
  status: 0 | 1 | 2 | 3 | 4;
  version: string;
  last_position: string | null;
  last_hash: string;
  inserted: string;
}

export interface BatcherLimits {
  /** Batches written at the same time, each on its own connection (their commits share WAL flushes). */
  maxInFlight: number;
  /** Events in one batch. */
  maxEvents: number;
}

const UNIQUE_VIOLATION = '23505';
const MAX_ATTEMPTS = 10;

/**
 * Group commit. Appends queued in one turn of the event loop go together in the next batch: one round
 * trip, one transaction, one WAL flush, each still checked on its own (expected version, idempotency,
 * hash chain). A stream is never in two batches at once, so each append is chained onto the head its
 * predecessor left, and per-stream order holds. When the head was unknown or moved (another process),
 * the statement answers with the real one and the append goes again.
 */
export class AppendBatcher {
  private readonly queue: Pending[] = [];
  private readonly busyStreams = new Set<string>();
  private inFlight = 0;
  private drainScheduled = false;
  private idle: (() => void) | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly heads: StreamHeads,
    private readonly limits: BatcherLimits,
    private readonly onCommitted: () => void,
  ) {}

  submit(request: AppendRequest): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...request, attempts: 0, resolve, reject });
      this.scheduleDrain();
    });
  }

  /** Resolves once nothing is queued or being written. */
  async drained(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight > 0) await new Promise<void>((resolve) => (this.idle = resolve));
  }

  /**
   * Drains once the current turn of the event loop is done: callers woken by one commit submit their
   * next appends in that turn, and they should share the next batch rather than trickle out one by one.
   */
  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.limits.maxInFlight) {
      const batch = this.takeBatch();
      if (batch.length === 0) break;
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        for (const append of batch) this.busyStreams.delete(append.streamId);
        this.drain();
      });
    }
    if (this.queue.length === 0 && this.inFlight === 0) this.idle?.();
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const skipped = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length;) {
      const next = this.queue[i];
      if (batch.length > 0 && events + next.events.length > this.limits.maxEvents) break;
      if (this.busyStreams.has(next.streamId) || skipped.has(next.streamId)) {
        skipped.add(next.streamId);
        i += 1;
        continue;
      }
      this.busyStreams.add(next.streamId);
      events += next.events.length;
      batch.push(next);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async write(batch: Pending[]): Promise<void> {
    const chained = batch.map((append) => this.chain(append));
    try {
      if (batch.length === 1 && (await this.writeOne(batch[0], chained[0]))) return;
      const { rows } = await this.pool.query<Row>({ name: 'es_append', text: APPEND_SQL, values: batchParameters(chained) });
      if (rows.some((r) => r.inserted !== '0')) this.onCommitted();
      for (const row of rows) this.settle(batch[row.idx - 1], chained[row.idx - 1], row);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        // Another process wrote one of these streams meanwhile: nothing was written; check again.
        for (const append of batch) this.retry(append, error);
        return;
      }
      for (const append of batch) append.reject(error);
    }
  }

  private chain(append: Pending): ChainedAppend {
    const prevHash = this.heads.prevHashFor(append.streamId, append.expected);
    return { ...append, prevHash, hashes: chainHashes(append.events, prevHash ?? GENESIS_HASH) };
  }

  private settle(append: Pending, chained: ChainedAppend, row: Row): void {
    const version = Number(row.version);
    if (row.status === 0) this.heads.remember(append.streamId, version, chained.hashes.at(-1) ?? row.last_hash);
    if (row.status === 1 || row.status === 4) this.heads.remember(append.streamId, version, row.last_hash);
    if (row.status === 4) return this.retry(append, new Error(`Stream ${append.streamId}: the hash chain kept moving`));
    append.resolve({ status: row.status, version, position: row.last_position === null ? null : BigInt(row.last_position) });
  }

  private retry(append: Pending, error: unknown): void {
    append.attempts += 1;
    if (append.attempts >= MAX_ATTEMPTS) return append.reject(error);
    this.queue.unshift(append);
    this.scheduleDrain();
  }

  /** The fast path for a lone append that expects a version or no stream; false when it must ask why not. */
  private async writeOne(append: Pending, chained: ChainedAppend): Promise<boolean> {
    if (append.expected < -2 || append.expected === -1 || chained.prevHash === null || append.events.length === 0) return false;
    const { rows } = await this.pool.query<{ inserted: string; version: string; last_position: string }>({
      name: 'es_append_one',
      text: APPEND_ONE_SQL,
      values: [append.streamId, append.expected, chained.prevHash, ...batchParameters([chained]).slice(5)],
    });
    if (rows[0].inserted === '0') return false;
    this.onCommitted();
    const version = Number(rows[0].version);
    this.heads.remember(append.streamId, version, chained.hashes.at(-1) as string);
    append.resolve({ status: 0, version, position: BigInt(rows[0].last_position) });
    return true;
  }
}

/** The statement's parameters: per-append arrays, then per-event lists joined by newlines. */
export function batchParameters(batch: ChainedAppend[]): unknown[] {
  const appendIndex: number[] = [];
  const [ids, types, data, metadata, hashes]: string[][] = [[], [], [], [], []];
  batch.forEach((append, i) => {
    let prev = append.prevHash ?? GENESIS_HASH;
    append.events.forEach((event, k) => {
      const hash = append.hashes[k];
      appendIndex.push(i + 1);
      ids.push(event.id);
      types.push(event.type);
      data.push(event.dataJson);
      metadata.push(storedMetadataJson(event.metadataJson, prev, hash));
      hashes.push((prev = hash));
    });
  });
  return [
    batch.map((a) => a.streamId).join('\n'),
    batch.map((a) => a.expected),
    batch.map((a) => a.prevHash ?? '-').join('\n'),
    batch.map((a) => a.events.length),
    appendIndex,
    ...[ids, types, data, metadata, hashes].map((list) => list.join('\n')),
  ];
}
