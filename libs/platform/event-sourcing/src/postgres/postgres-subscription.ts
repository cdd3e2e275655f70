import type { CheckpointStore, EventStore, RecordedEvent, Subscription, SubscriptionOptions } from '../event-store.port';

interface Wakeable {
  listen(listener: () => void): { ready: Promise<void>; stop(): void };
}

interface Settings {
  checkpoints: CheckpointStore;
  pollIntervalMs: number;
  onStopped(subscription: PostgresSubscription): void;
}

interface Waiter {
  afterRead: number;
  resolve(): void;
}

/**
 * Catch-up, then live. Reads pages after the durable checkpoint in global order; when a read comes back
 * short it is live and sleeps until NOTIFY (or the fallback poll) wakes it. Positions are visible in
 * commit order, so reading `position > checkpoint` never skips an event.
 */
export class PostgresSubscription implements Subscription {
  private current: bigint | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeSleeper: (() => void) | undefined;
  /** Set by a wake-up that arrives while not sleeping, so the next sleep returns at once. */
  private signalled = false;
  private readsStarted = 0;
  private readonly waiters: Waiter[] = [];
  private listening: { ready: Promise<void>; stop(): void } | undefined;

  constructor(
    private readonly store: Pick<EventStore, 'readAll'>,
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
    this.loop = this.run();
  }

  caughtUp(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ afterRead: this.readsStarted, resolve });
      this.wake();
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.listening?.stop();
    this.wake();
    await this.loop;
    this.waiters.splice(0).forEach((w) => w.resolve());
    this.settings.onStopped(this);
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    // Listen before the first read: a commit after that read then always wakes us.
    await this.listening?.ready;
    this.current = await this.retrying(() => this.settings.checkpoints.load(this.subscriptionId));
    while (this.running) {
      const readNumber = ++this.readsStarted;
      this.signalled = false;
      const events = await this.retrying(() =>
        this.store.readAll({ ...this.options.filter, after: this.current ?? 0n, maxCount: batchSize }),
      );
      if (events === undefined) break;
      if (events.length > 0) {
        if (!(await this.deliver(events))) break;
      }
      if (events.length < batchSize) {
        this.releaseWaiters(readNumber);
        await this.sleep(this.settings.pollIntervalMs);
      }
    }
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
        this.options.onError?.(error);
        await this.sleep(Math.min(100 * 2 ** attempt, 5_000));
      }
    }
    return undefined;
  }

  private releaseWaiters(readNumber: number): void {
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      if (this.waiters[i].afterRead < readNumber) this.waiters.splice(i, 1)[0].resolve();
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
}
