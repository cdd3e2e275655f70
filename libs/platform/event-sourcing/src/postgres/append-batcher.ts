import type { Pool } from 'pg';
import { GENESIS_HASH } from '../hash-chain';
import { APPEND_ONE_SQL, APPEND_SQL } from './append.sql';
import { storedMetadataJson, type EncodedEvent } from './event-rows';

/** One appendToStream call, encoded for the append statement. */
export interface PendingAppend {
  streamId: string;
  /** >= 0 a version, -1 any, -2 no_stream, -3 stream_exists. */
  expected: number;
  /** The hash the events were chained onto (null: unknown, ask for the stream's). */
  prevHash: string | null;
  events: EncodedEvent[];
  /** Each event's hash in the chain from `prevHash`. */
  hashes: string[];
  resolve(outcome: AppendOutcome): void;
  reject(error: unknown): void;
}

export interface AppendOutcome {
  status: 0 | 1 | 2 | 3 | 4;
  version: number;
  position: bigint | null;
  /** The stream's last hash before this append. */
  lastHash: string;
}

interface Row {
  idx: number;
  status: AppendOutcome['status'];
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
const MAX_ATTEMPTS = 3;

/**
 * Group commit. Appends that arrive while batches are being written wait and go together in the next
 * one: one round trip, one transaction, one WAL flush for all of them, each still checked on its own
 * expected version. A lone append goes at once, so nothing waits on a timer. A stream is never in two
 * batches at once, which keeps per-stream order and each check independent; a clash with another
 * process writing the same stream (unique violation) retries the batch, whose checks then decide.
 */
export class AppendBatcher {
  private readonly queue: PendingAppend[] = [];
  private readonly busyStreams = new Set<string>();
  private inFlight = 0;
  private drainScheduled = false;

  constructor(
    private readonly pool: Pool,
    private readonly limits: BatcherLimits,
    private readonly onCommitted: () => void,
  ) {}

  submit(append: Omit<PendingAppend, 'resolve' | 'reject'>): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...append, resolve, reject });
      this.scheduleDrain();
    });
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
      if (batch.length === 0) return;
      this.inFlight += 1;
      void this.write(batch, 1).finally(() => {
        this.inFlight -= 1;
        for (const append of batch) this.busyStreams.delete(append.streamId);
        this.drain();
      });
    }
  }

  private takeBatch(): PendingAppend[] {
    const batch: PendingAppend[] = [];
    const skipped = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length; ) {
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

  private async write(batch: PendingAppend[], attempt: number): Promise<void> {
    try {
      if (batch.length === 1 && (await this.writeOne(batch[0]))) return;
      const { rows } = await this.pool.query<Row>({ name: 'es_append', text: APPEND_SQL, values: batchParameters(batch) });
      if (rows.some((r) => r.inserted !== '0')) this.onCommitted();
      for (const row of rows) {
        batch[row.idx - 1].resolve({
          status: row.status,
          version: Number(row.version),
          position: row.last_position === null ? null : BigInt(row.last_position),
          lastHash: row.last_hash,
        });
      }
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION && attempt < MAX_ATTEMPTS) return this.write(batch, attempt + 1);
      for (const append of batch) append.reject(error);
    }
  }

  /** The fast path for a lone append that expects a version or no stream; false when it must ask why not. */
  private async writeOne(append: PendingAppend): Promise<boolean> {
    if (append.expected < -2 || append.expected === -1 || append.prevHash === null || append.events.length === 0) return false;
    const events = batchParameters([append]).slice(5);
    const { rows } = await this.pool.query<{ inserted: string; version: string; last_position: string }>({
      name: 'es_append_one',
      text: APPEND_ONE_SQL,
      values: [append.streamId, append.expected, append.prevHash, ...events],
    });
    if (rows[0].inserted === '0') return false;
    this.onCommitted();
    append.resolve({ status: 0, version: Number(rows[0].version), position: BigInt(rows[0].last_position), lastHash: append.prevHash });
    return true;
  }
}

/** The statement's parameters: per-append arrays, then per-event lists joined by newlines. */
export function batchParameters(batch: PendingAppend[]): unknown[] {
  const appendIndex: number[] = [];
  const [ids, types, data, metadata, hashes]: string[][] = [[], [], [], [], []];
  batch.forEach((append, i) => {
    let prev = append.prevHash ?? GENESIS_HASH;
    append.events.forEach((event, k) => {
      appendIndex.push(i + 1);
      ids.push(event.id);
      types.push(event.type);
      data.push(event.dataJson);
      const hash = append.hashes[k];
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
    ...[ids, types, data, metadata].map((list) => list.join('\n')),
  ];
}
