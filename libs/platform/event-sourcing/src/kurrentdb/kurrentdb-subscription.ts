import { setTimeout as delay } from 'node:timers/promises';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { CheckpointStore, EventFilter, RecordedEvent, Subscription, SubscriptionOptions } from '../event-store.port';

/** What a subscription needs from the store: a live `$all` feed, the port's view of its events, the head. */
export interface SubscriptionSource {
  /** Catch-up then live, from just after `after` (from the start when undefined). */
  open(after: bigint | undefined, filter: EventFilter | undefined): AllStreamSubscription;
  /** The port's event, or undefined when `filter` (or the store) hides it. */
  visible(resolved: AllStreamResolvedEvent, filter: EventFilter | undefined): RecordedEvent | undefined;
  head(filter: EventFilter | undefined): Promise<bigint>;
}

const DEFAULT_BATCH_SIZE = 100;
const MAX_BACK_OFF_MS = 5_000;

/**
 * A catch-up subscription to `$all`: resumes after its checkpoint, hands events to `handle` in batches, and
 * retries a failed batch (or a dropped connection) after a back-off rather than skipping it.
 */
export class KurrentDbSubscription implements Subscription {
  private handled: bigint | undefined;
  private stopped = false;
  private readonly abort = new AbortController();
  private feed: AllStreamSubscription | undefined;
  private waiters: { head: bigint; resolve(): void; reject(error: Error): void }[] = [];
  private readonly loaded: Promise<void>;
  private readonly running: Promise<void>;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscriptionOptions,
    private readonly checkpoints: CheckpointStore,
    private readonly onStopped: (subscription: KurrentDbSubscription) => void = () => undefined,
  ) {
    this.loaded = this.retry(async () => {
      this.handled = await checkpoints.load(options.subscriptionId);
    });
    this.running = this.loaded.then(() => this.run());
  }

  get subscriptionId(): string {
    return this.options.subscriptionId;
  }

  get position(): bigint | undefined {
    return this.handled;
  }

  async caughtUp(): Promise<void> {
    const head = await this.source.head(this.options.filter);
    await this.loaded;
    if ((this.position ?? 0n) >= head) return;
    if (this.stopped) throw new Error(`Subscription ${this.subscriptionId} stopped before it caught up`);
    return new Promise((resolve, reject) => this.waiters.push({ head, resolve, reject }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.feed?.unsubscribe().catch(() => undefined);
    this.feed?.destroy();
    await this.running;
    for (const waiter of this.waiters) waiter.reject(new Error(`Subscription ${this.subscriptionId} stopped before it caught up`));
    this.waiters = [];
    this.onStopped(this);
  }

  /** Reconnects after a dropped feed, from the last handled position, backing off while the server stays away. */
  private async run(): Promise<void> {
    for (let failures = 0; !this.stopped; failures++) {
      const before = this.position;
      try {
        await this.consume();
      } catch (error) {
        if (!this.stopped) this.report(error);
      }
      if (this.position !== before) failures = 0;
      if (!this.stopped) await this.backOff(failures);
    }
  }

  /** Reads one connection's worth of events; returns or throws when the feed ends, errors or is stopped. */
  private async consume(): Promise<void> {
    const feed = this.source.open(this.position, this.options.filter);
    this.feed = feed;
    try {
      for await (const first of feed) {
        const events = withBuffered(feed, first, this.options.batchSize ?? DEFAULT_BATCH_SIZE)
          .map((resolved) => this.source.visible(resolved, this.options.filter))
          .filter((event): event is RecordedEvent => event !== undefined && event.position > (this.position ?? -1n));
        if (events.length > 0) await this.deliver(events);
        if (this.stopped) return;
      }
    } finally {
      await feed.unsubscribe().catch(() => undefined);
    }
  }

  private async deliver(events: RecordedEvent[]): Promise<void> {
    const checkpoint = events[events.length - 1].position;
    await this.retry(async () => {
      await this.options.handle(events, { checkpoint });
      if ((this.options.checkpointing ?? 'store') === 'store') await this.checkpoints.save(this.subscriptionId, checkpoint);
      this.advance(checkpoint);
    });
  }

  private advance(position: bigint): void {
    this.handled = position;
    const done = this.waiters.filter((waiter) => waiter.head <= position);
    this.waiters = this.waiters.filter((waiter) => waiter.head > position);
    for (const waiter of done) waiter.resolve();
  }

  /** Runs `action` until it succeeds or the subscription stops, backing off between failures. */
  private async retry(action: () => Promise<void>): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        return await action();
      } catch (error) {
        this.report(error);
        await this.backOff(attempt);
      }
    }
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error);
    } catch {
      // A failing error callback must not stop the subscription.
    }
  }

  private async backOff(attempt: number): Promise<void> {
    const ms = Math.min(100 * 2 ** attempt, MAX_BACK_OFF_MS);
    await delay(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }
}

/** `first` and whatever the feed has already buffered, up to `size`: `read()` never waits. */
function withBuffered(feed: AllStreamSubscription, first: AllStreamResolvedEvent, size: number): AllStreamResolvedEvent[] {
  const batch = [first];
  while (batch.length < size) {
    const next = feed.read() as AllStreamResolvedEvent | null;
    if (next === null) break;
    batch.push(next);
  }
  return batch;
}
