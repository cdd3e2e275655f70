import { Injectable } from '@nestjs/common';
import { TooManyRequestsException } from '@vertrouwd/http';
import { SlidingWindowThrottle } from '../domain/throttle/sliding-window-throttle';

const MINUTE = 60_000;

/**
 * Limits of the public endpoints. Failed follow-ups: 5 per receipt and 20 per client address per 15
 * minutes (a 150-bit passphrase cannot be guessed, but nobody should be able to try). Submissions: 20 per
 * client address per hour, generous for a shared office connection, a brake on flooding.
 */
@Injectable()
export class IntakeThrottles {
  readonly failedFollowUpsPerReceipt = new SlidingWindowThrottle({ max: 5, windowMs: 15 * MINUTE });
  readonly failedFollowUpsPerClient = new SlidingWindowThrottle({ max: 20, windowMs: 15 * MINUTE });
  readonly submissionsPerClient = new SlidingWindowThrottle({ max: 20, windowMs: 60 * MINUTE });

  /** Throws the 429 problem (with Retry-After) when any of the checks says wait. */
  refuseWhenLimited(...checks: [SlidingWindowThrottle, string][]): void {
    const wait = Math.max(0, ...checks.map(([throttle, key]) => throttle.retryAfterSeconds(key)));
    if (wait > 0) throw new TooManyRequestsException(wait);
  }
}
