import type { EntityManager } from 'typeorm';
import type { EventFilter, RecordedEvent } from '../event-store.port';

/**
 * A read model fed from the event store. `apply` runs inside the transaction that also moves the
 * projection's checkpoint, so a crash between the two can never apply a page twice.
 */
export interface Projection {
  /** Durable name: the checkpoint is kept under it. */
  readonly name: string;
  readonly filter?: EventFilter;
  /** Applies one page of events, in global order, through the transaction's entity manager. */
  apply(events: RecordedEvent[], manager: EntityManager): Promise<void>;
  /** Deletes every row the projection wrote, so `rebuild` can replay from zero. */
  reset(manager: EntityManager): Promise<void>;
}

export interface ProjectionStatus {
  name: string;
  running: boolean;
  /** Global position of the last event applied (0n before the first). */
  checkpoint: bigint;
  /** Global position of the newest event in the store. */
  head: bigint;
  /** Positions behind the store's head while an event it would apply waits; 0n when up to date. */
  lag: bigint;
}
