import { Inject, Injectable, Optional } from '@nestjs/common';
import type { StoreTransaction } from '@vertrouwd/event-sourcing';
import { TooManyAttemptsError } from '@vertrouwd/domain';
import { retryAfterSeconds, type BackOffPolicy, type ThrottleLimit } from '../domain/throttle/back-off';
import { IntakeKeyring } from './intake-keyring';
import { THROTTLE_STORE, type Granted, type Refused, type ThrottleStore } from './ports/throttle-store.port';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** The limits of the public endpoints; see {@link DEFAULT_INTAKE_LIMITS}. */
export interface IntakeLimits {
  /** Failed follow-ups on one receipt: a back-off per (receipt, client) that grows with the receipt's failures. */
  followUpBackOff: BackOffPolicy;
  /** Failed follow-ups from one client address, on any receipt. */
  failedFollowUpsPerClient: ThrottleLimit;
  /** Reports stored from one client address (an out-of-scope answer stores nothing and is not counted). */
  submissionsPerClient: ThrottleLimit;
}

/**
 * Follow-ups: 5 free failures per receipt, then a wait of 1 s doubling per failure up to 60 s; 20 failures per client
 * address at once, then one per 45 s. Submissions: 20 per client address at once, then one per 3 minutes (20 an
 * hour). No stranger can make the owner wait more than a minute; the arithmetic is in docs/services/intake.md.
 */
export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  followUpBackOff: { freeFailures: 5, firstWaitMs: SECOND, maxWaitMs: MINUTE, forgetAfterMs: 24 * 60 * MINUTE },
  failedFollowUpsPerClient: { max: 20, windowMs: 15 * MINUTE },
  submissionsPerClient: { max: 20, windowMs: 60 * MINUTE },
};

/** Injection token of limits that replace some defaults (`IntakeModule.withLimits`, `configuredIntake`). */
export const INTAKE_LIMITS = Symbol('INTAKE_LIMITS');

/** Takes back an attempt that turned out not to count. */
export type TakeBack = () => Promise<void>;

/** The public endpoints' limits, shared by every replica through the throttle store. */
@Injectable()
export class IntakeThrottles {
  readonly limits: IntakeLimits;

  constructor(
    @Inject(THROTTLE_STORE) private readonly store: ThrottleStore,
    private readonly keyring: IntakeKeyring,
    @Optional() @Inject(INTAKE_LIMITS) overrides?: Partial<IntakeLimits>,
  ) {
    this.limits = { ...DEFAULT_INTAKE_LIMITS, ...overrides };
  }

  /**
   * Counts a submission from `client`; refuses (429 with Retry-After at the edge) when its rate is spent. `tx`: in the
   * report's own transaction, so it counts exactly when the report is stored.
   */
  async takeSubmission(client: string, tx?: StoreTransaction): Promise<TakeBack> {
    return granted(await this.store.takeRate(this.key('submission', client), this.limits.submissionsPerClient, tx));
  }

  /**
   * Counts a follow-up on a receipt (its keyed hash) as failed from the start, before the passphrase is checked, so
   * attempts fired together are all counted; a match takes it back. Refuses while the back-off says wait.
   */
  async takeFollowUp(receiptHash: string, client: string): Promise<TakeBack> {
    const keys = {
      receipt: `receipt:${receiptHash}`,
      pair: this.key('follow-up', `${receiptHash}\u0000${client}`),
      client: this.key('follow-up-client', client),
    };
    return granted(await this.store.takeAttempt(keys, this.limits.followUpBackOff, this.limits.failedFollowUpsPerClient));
  }

  // A client address is personal data: the counters hold only its keyed hash, per purpose.
  private key(purpose: string, value: string): string {
    return `${purpose}:${this.keyring.hash.hash('throttle', `${purpose}\u0000${value}`)}`;
  }
}

function granted(claim: Granted | Refused): TakeBack {
  if (!claim.granted) throw new TooManyAttemptsError(retryAfterSeconds(claim.waitMs));
  return claim.release;
}
