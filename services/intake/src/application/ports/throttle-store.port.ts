import type { StoreTransaction } from '@vertrouwd/event-sourcing';
import type { BackOffPolicy, ThrottleLimit } from '../../domain/throttle/back-off';

/** An attempt that was counted; `release` takes it back when it turns out not to count (a match, nothing stored). */
export interface Granted {
  granted: true;
  release: () => Promise<void>;
}

/** Refused before anything was counted: try again after `waitMs`. */
export interface Refused {
  granted: false;
  waitMs: number;
}

/**
 * The attempt counters every replica shares (one database), keyed by keyed hashes only. Each claim checks and
 * counts in one atomic step, so attempts fired together at several replicas cannot all pass before any is counted.
 */
export interface ThrottleStore {
  /**
   * One from `key`'s rate; refused, and not counted, when it is spent. `tx`: counted in that transaction of the
   * event store (intake's database), so it counts only if the transaction commits; until then, claims on the same key
   * wait for it (and then check again), so claims fired together are still all counted.
   */
  takeRate(key: string, limit: ThrottleLimit, tx?: StoreTransaction): Promise<Granted | Refused>;
  /**
   * One attempt on a receipt from a client, counted as failed until released. Each (receipt, client) pair waits
   * out its own back-off, which grows with the receipt's failures from every client; the client's own rate of
   * failures is taken too. Refused, nothing counted, while either says wait.
   */
  takeAttempt(
    keys: { receipt: string; pair: string; client: string },
    backOff: BackOffPolicy,
    clientLimit: ThrottleLimit,
  ): Promise<Granted | Refused>;
  /** Deletes counters that no longer hold anything back; returns how many. */
  sweep(): Promise<number>;
}
export const THROTTLE_STORE = Symbol('ThrottleStore');
