/** Milliseconds since the epoch; injectable so tests move time without waiting. */
export type Clock = () => number;

export interface ThrottleLimit {
  /** How many hits a key may have inside the window. */
  max: number;
  windowMs: number;
}

/**
 * An in-memory sliding window per key (a receipt, a client address). Per process: replicas each keep
 * their own, which multiplies the limit by the replica count; a shared store is the step after.
 * A key keeps at most `max` hits, all inside the window, oldest first: a check is cheap however busy the key.
 */
export class SlidingWindowThrottle {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: ThrottleLimit,
    private readonly clock: Clock = Date.now,
    /** Bounds memory under a flood of distinct keys: the oldest keys are dropped first. */
    private readonly maxKeys = 100_000,
  ) {}

  /** Seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit.max) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.limit.max] + this.limit.windowMs - this.clock()) / 1000));
  }

  /** Counts one hit against `key`; returns its time, which `forgive` takes back. */
  hit(key: string): number {
    const recent = this.recent(key);
    const at = this.clock();
    recent.push(at);
    // Only the newest `max` hits can decide a wait.
    if (recent.length > this.limit.max) recent.splice(0, recent.length - this.limit.max);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return at;
  }

  /** Takes back one hit counted at `at` (an attempt that turned out not to count); nothing if it has gone. */
  forgive(key: string, at: number): void {
    const hits = this.hits.get(key);
    const index = hits?.lastIndexOf(at) ?? -1;
    if (index >= 0) hits!.splice(index, 1);
  }

  /** The key's hits inside the window, pruned in place (hits are appended in time order). */
  private recent(key: string): number[] {
    const hits = this.hits.get(key);
    if (!hits) return [];
    const since = this.clock() - this.limit.windowMs;
    let expired = 0;
    while (expired < hits.length && hits[expired] <= since) expired += 1;
    if (expired > 0) hits.splice(0, expired);
    return hits;
  }
}
