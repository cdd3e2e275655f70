/** One partition's commit: `offset` is the next offset to read (everything below is done). */
export interface PartitionCommit {
  topic: string;
  partition: number;
  offset: bigint;
  /** The leader epoch of the last record done, so the broker can fence a commit from a stale leader. */
  leaderEpoch: number;
}

export interface CommitterOptions {
  /** Stores offsets for the group (one OffsetCommit request). */
  commit(offsets: PartitionCommit[]): Promise<void>;
  /** Told about every failed commit; the offsets are kept and tried again. */
  report(error: unknown): void;
  /** Wait before trying a failed commit again (default 1000 ms). */
  retryMs?: number;
}

const keyOf = (c: { topic: string; partition: number }) => `${c.topic}\u0000${c.partition}`;

/**
 * Commits offsets without holding up the handlers: requests are merged per partition (the highest offset
 * wins, never a lower one), and one commit request is in flight at a time, so two commits for the same
 * partition cannot overtake each other and move its offset back. What piles up while one request is in
 * flight goes in the next.
 */
export class Committer {
  private readonly pending = new Map<string, PartitionCommit>();
  private inflight: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: CommitterOptions) {}

  /** Asks for an offset to be committed, soon. */
  request(commit: PartitionCommit): void {
    this.merge(commit);
    this.kick();
  }

  /** Resolves once everything requested so far was tried (failures are reported, not thrown). */
  async flush(): Promise<void> {
    while (this.inflight) await this.inflight;
    if (this.pending.size === 0) return;
    clearTimeout(this.retryTimer);
    this.kick();
    await this.inflightDrain();
  }

  /** Stops retrying; later requests are ignored. */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
  }

  private merge(commit: PartitionCommit): void {
    const key = keyOf(commit);
    const current = this.pending.get(key);
    if (!current || current.offset < commit.offset) this.pending.set(key, commit);
  }

  // Read through a call: after `while (this.inflight)`, TypeScript keeps `this.inflight` narrowed to undefined
  // across kick(), which sets it.
  private inflightDrain(): Promise<void> | undefined {
    return this.inflight;
  }

  private kick(): void {
    if (this.inflight || this.closed || this.pending.size === 0) return;
    this.inflight = this.drain();
  }

  private async drain(): Promise<void> {
    // Starting a step later gathers what else is requested in this one, and makes sure `inflight` is set
    // before the loop can end; it is cleared in the same step as the loop's last look at `pending`, so a
    // request never waits for a drain that is over.
    await Promise.resolve();
    try {
      while (this.pending.size > 0 && !this.closed) {
        const batch = [...this.pending.values()];
        this.pending.clear();
        try {
          await this.options.commit(batch);
        } catch (error) {
          this.options.report(error);
          // Put the batch back under anything newer requested meanwhile, and try again later rather than
          // hammering a coordinator that just refused.
          batch.forEach((c) => this.merge(c));
          clearTimeout(this.retryTimer);
          this.retryTimer = setTimeout(() => this.kick(), this.options.retryMs ?? 1_000);
          return;
        }
      }
    } finally {
      this.inflight = undefined;
    }
  }
}
