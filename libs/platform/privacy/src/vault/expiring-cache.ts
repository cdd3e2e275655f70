import { LRUCache } from 'lru-cache';

/**
 * A small in-memory cache with a time to live and a size bound, on `lru-cache`: beyond the bound the least
 * recently used entry goes first. Holds unwrapped keys and secrets briefly, so a replay does not unwrap the
 * same key for every event. A time to live or a bound of 0 (or less) keeps nothing.
 */
export class ExpiringCache<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V> | undefined;

  /** @param now the clock, for tests; `lru-cache`'s own (`performance.now`) by default */
  constructor(ttlMs: number, maxEntries: number, now?: () => number) {
    // ttlResolution 0: the clock is read on every look-up instead of being cached for a millisecond.
    this.entries =
      ttlMs > 0 && maxEntries > 0
        ? new LRUCache<string, V>({ max: maxEntries, ttl: ttlMs, ttlResolution: 0, ...(now ? { perf: { now } } : {}) })
        : undefined;
  }

  get(key: string): V | undefined {
    return this.entries?.get(key);
  }

  set(key: string, value: V): void {
    this.entries?.set(key, value);
  }

  delete(key: string): void {
    this.entries?.delete(key);
  }

  clear(): void {
    this.entries?.clear();
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
