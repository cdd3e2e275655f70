/**
 * Exponential back-off after failed attempts: the first `freeFailures` cost nothing (typos), then each failure
 * doubles the wait before the next attempt, from `firstWaitMs` up to `maxWaitMs`. A wait, never a lock: once it
 * has passed, the right answer works. Failures are forgotten `forgetAfterMs` after the last one.
 */
export interface BackOffPolicy {
  freeFailures: number;
  firstWaitMs: number;
  maxWaitMs: number;
  forgetAfterMs: number;
}

/** How long to wait before the next attempt, after `failures` failures in a row. */
export function backOffMs(failures: number, policy: BackOffPolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  // 2^31 ms is 24 days: beyond that only the cap matters, and the power stays a safe integer.
  return Math.min(policy.firstWaitMs * 2 ** Math.min(doublings, 31), policy.maxWaitMs);
}

/**
 * A rate: up to `max` at once, refilled evenly over `windowMs` (one every `windowMs / max`), checked as a generic
 * cell rate (GCRA): a refused attempt is not counted, so hammering never makes the wait longer than one interval.
 */
export interface ThrottleLimit {
  max: number;
  windowMs: number;
}

/** The even spacing of a rate: one attempt per this many milliseconds once the burst is spent. */
export function intervalMs(limit: ThrottleLimit): number {
  return limit.windowMs / limit.max;
}

/** Whole seconds for Retry-After: at least 1, so a client never retries at once into the same refusal. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
