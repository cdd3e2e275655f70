import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '@vertrouwd/service-kit';
import { THROTTLE_STORE, type ThrottleStore } from './ports/throttle-store.port';

/** Deletes attempt counters that no longer hold anything back: the table stays as small as the current traffic. */
@Injectable()
export class ThrottleSweepJob extends IntervalJob {
  constructor(@Inject(THROTTLE_STORE) private readonly store: ThrottleStore) {
    super();
  }

  runOnce(): Promise<number> {
    return this.store.sweep();
  }
}
