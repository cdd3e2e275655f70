import { Inject, Injectable, Optional } from '@nestjs/common';
import { TooManyAttemptsError } from '@vertrouwd/domain';
import { SlidingWindowThrottle, type ThrottleLimit } from '../domain/throttle/sliding-window-throttle';

const MINUTE = 60_000;

/** The limits of the public endpoints; see {@link DEFAULT_INTAKE_LIMITS}. */
export interface IntakeLimits {
  failedFollowUpsPerReceipt: ThrottleLimit;
  failedFollowUpsPerClient: ThrottleLimit;
  submissionsPerClient: ThrottleLimit;
}

/**
 * Failed follow-ups: 5 per receipt and 20 per client address per 15 minutes (a 150-bit passphrase cannot be
 * guessed, but nobody should be able to try). Submissions: 20 per client address per hour, generous for a
 * shared office connection, a brake on flooding.
 */
export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  failedFollowUpsPerReceipt: { max: 5, windowMs: 15 * MINUTE },
  failedFollowUpsPerClient: { max: 20, windowMs: 15 * MINUTE },
  submissionsPerClient: { max: 20, windowMs: 60 * MINUTE },
};

/** Injection token of limits that replace some defaults (`IntakeModule.withLimits`, `configuredIntake`). */
export const INTAKE_LIMITS = Symbol('INTAKE_LIMITS');

@Injectable()
export class IntakeThrottles {
  readonly failedFollowUpsPerReceipt: SlidingWindowThrottle;
  readonly failedFollowUpsPerClient: SlidingWindowThrottle;
  readonly submissionsPerClient: SlidingWindowThrottle;

  constructor(@Optional() @Inject(INTAKE_LIMITS) overrides?: Partial<IntakeLimits>) {
    const limits = { ...DEFAULT_INTAKE_LIMITS, ...overrides };
    this.failedFollowUpsPerReceipt = new SlidingWindowThrottle(limits.failedFollowUpsPerReceipt);
    this.failedFollowUpsPerClient = new SlidingWindowThrottle(limits.failedFollowUpsPerClient);
    this.submissionsPerClient = new SlidingWindowThrottle(limits.submissionsPerClient);
  }

  /**
   * Checks and counts at once, before any await: attempts fired together cannot all pass the check before
   * any of them is counted. Returns what takes the hits back, for an attempt that turns out not to count.
   */
  take(...checks: [SlidingWindowThrottle, string][]): () => void {
    this.refuseWhenLimited(...checks);
    const taken = checks.map(([throttle, key]) => [throttle, key, throttle.hit(key)] as const);
    return () => taken.forEach(([throttle, key, at]) => throttle.forgive(key, at));
  }

  /** Refuses (429 with Retry-After at the edge) when any of the checks says wait. */
  refuseWhenLimited(...checks: [SlidingWindowThrottle, string][]): void {
    const wait = Math.max(0, ...checks.map(([throttle, key]) => throttle.retryAfterSeconds(key)));
    if (wait > 0) throw new TooManyAttemptsError(wait);
  }
}
