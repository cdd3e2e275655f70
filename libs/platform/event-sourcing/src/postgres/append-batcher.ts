import type { Pool } from 'pg';

/** One appendToStream call, encoded for `es_append`. */
export interface PendingAppend {
  streamId: string;
  /** >= 0 a version, -1 any, -2 no_stream, -3 stream_exists. */
  expected: number;
  /** The hash the events were chained onto (null: unknown, ask for the stream's). */
  prevHash: string | null;
  /** Chained events: { id, t, d, m }. */
  events: unknown[];
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
}

/**
 * Group commit. Appends that arrive while a batch is being written wait and then go together in the
 * next one: one round trip, one transaction, one WAL flush for all of them, each still checked on its
 * own expected version. A lone append goes at once, so nothing waits on a timer. Appends to the same
 * stream never share a batch, which keeps per-stream order and makes each check independent.
 */
export class AppendBatcher {
  private readonly queue: PendingAppend[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly limits = { maxInFlight: 1, maxEvents: 4_000 },
  ) {}

  submit(append: Omit<PendingAppend, 'resolve' | 'reject'>): Promise<AppendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...append, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.limits.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private takeBatch(): PendingAppend[] {
    const batch: PendingAppend[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length; ) {
      const next = this.queue[i];
      const fits = batch.length === 0 || events + next.events.length <= this.limits.maxEvents;
      if (streams.has(next.streamId) || !fits) {
        i += 1;
        if (!fits) break;
        continue;
      }
      streams.add(next.streamId);
      events += next.events.length;
      batch.push(next);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async write(batch: PendingAppend[]): Promise<void> {
    const payload = JSON.stringify(batch.map((a) => ({ s: a.streamId, e: a.expected, p: a.prevHash, ev: a.events })));
    try {
      const { rows } = await this.pool.query<Row>({ name: 'es_append', text: 'select * from es_append($1::jsonb)', values: [payload] });
      for (const row of rows) {
        batch[row.idx - 1].resolve({
          status: row.status,
          version: Number(row.version),
          position: row.last_position === null ? null : BigInt(row.last_position),
          lastHash: row.last_hash,
        });
      }
    } catch (error) {
      for (const append of batch) append.reject(error);
    }
  }
}
