import type { CheckpointStore, ReadAllOptions, RecordedEvent, Subscription, SubscriptionOptions } from '../event-store.port';

interface Wakeable {
  listen(listener: () => void): { ready: Promise<void>; stop: () => void };
}

/** What a subscription reads through: pages in global order, each with how far it has seen everything. */
export interface SubscriptionSource {
  /** A page after `after`; when short, `coveredTo` is the position up to which nothing else exists or is in flight. */
  readSettled(options: ReadAllOptions): Promise<{ events: RecordedEvent[]; coveredTo: bigint }>;
  /** Every position handed out so far (committed or not): what caughtUp() must wait for. */
  allocatedPosition(): Promise<bigint>;
}

interface Settings {
  checkpoints: CheckpointStore;
  pollIntervalMs: number;
  onStopped(subscription: PostgresSubscription): void;
}

interface Waiter {
  target: bigint;
  resolve(): void;
}

/**
 * Catch-up, then live. Reads pages after the durable checkpoint in global order; when a read comes back
 * short it is live and sleeps until NOTIFY (or the fallback poll) wakes it. Reads never pass the safe
 * position, so reading `position > checkpoint` never skips an event.
 */
export class PostgresSubscription implements Subscription {
  private current: bigint | undefined;
  /** Up to where reads have seen every event, filtered out or not (see run). */
  private scanned = 0n;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeSleeper: (() => void) | undefined;
  private interruptPause: (() => void) | undefined;
  /** Set by a wake-up that arrives while not sleeping, so the next idle sleep returns at once. */
  private signalled = false;
  private readonly waiters: Waiter[] = [];
  private listening: { ready: Promise<void>; stop: () => void } | undefined;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly notifier: Wakeable,
    private readonly options: SubscriptionOptions,
    private readonly settings: Settings,
  ) {}

  get subscriptionId(): string {
    return this.options.subscriptionId;
  }

  get position(): bigint | undefined {
    return this.current;
  }

  start(): void {
    this.running = true;
    this.listening = this.notifier.listen(() => this.wake());
    this.loop = this.run().catch((error: unknown) => this.report(error));
  }

  /** Resolves once every event appended (committed) before the call has been handled. */
  async caughtUp(): Promise<void> {
    if (!this.running) return;
    const target = await this.source.allocatedPosition();
    if (!this.running) return;
    await new Promise<void>((resolve) => {
      this.waiters.push({ target, resolve });
      this.wake();
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.listening?.stop();
    this.wakeSleeper?.();
    this.interruptPause?.();
    await this.loop;
    this.waiters.splice(0).forEach((w) => w.resolve());
    this.settings.onStopped(this);
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    // Listen before the first read: a commit after that read then always wakes us.
    await this.untilListening(5_000);
    this.current = await this.retrying(() => this.settings.checkpoints.load(this.subscriptionId));
    while (this.running) {
      this.signalled = false;
      const page = await this.retrying(() =>
        this.source.readSettled({ ...this.options.filter, after: this.readFrom(), maxCount: batchSize }),
      );
      if (page === undefined) break;
      const { events } = page;
      if (events.length > 0 && !(await this.deliver(events))) break;
      if (events.length < batchSize) {
        // A short page has seen every event up to its settled position, filtered out or not: the next read starts
        // there, not at the last event this subscription handled (a rarely matching filter would otherwise scan the
        // same skipped events on every wake-up). The stored checkpoint and `position` move with the next event handled.
        if (page.coveredTo > this.scanned) this.scanned = page.coveredTo;
        this.releaseWaiters(page.coveredTo);
        await this.sleep(this.settings.pollIntervalMs);
      }
    }
  }

  private readFrom(): bigint {
    const handled = this.current ?? 0n;
    return handled > this.scanned ? handled : this.scanned;
  }

  private async deliver(events: RecordedEvent[]): Promise<boolean> {
    const checkpoint = events[events.length - 1].position;
    const handled = await this.retrying(async () => {
      await this.options.handle(events, { checkpoint });
      if (this.options.checkpointing !== 'handler') await this.settings.checkpoints.save(this.subscriptionId, checkpoint);
      return true;
    });
    if (!handled) return false;
    this.current = checkpoint;
    return true;
  }

  /** Runs `work` until it succeeds or the subscription stops, backing off between failures. */
  private async retrying<T>(work: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 0; this.running; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        this.report(error);
        // A plain pause: wake-ups (commits, caughtUp calls) must not cut a back-off short.
        await this.pause(Math.min(100 * 2 ** attempt, 5_000));
      }
    }
    return undefined;
  }

  private report(error: unknown): void {
    try {
      this.options.onError?.(error);
    } catch {
      // An error handler that throws must not stop the subscription or crash the process.
    }
  }

  /** A short read has seen everything up to the settled position: waiters at or below it are done. */
  private releaseWaiters(settled: bigint): void {
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      if (this.waiters[i].target <= settled) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  private wake(): void {
    this.signalled = true;
    this.wakeSleeper?.();
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running || this.signalled) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }

  /** Waits for LISTEN to be in place, but not forever: without it the fallback poll still works. */
  private async untilListening(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      this.interruptPause = resolve;
    });
    await Promise.race([this.listening?.ready ?? Promise.resolve(), timeout]);
    clearTimeout(timer);
    this.interruptPause = undefined;
  }

  private pause(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptPause = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interruptPause = done;
    });
  }
}
