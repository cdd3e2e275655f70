import type { EventStore, Subscription } from '@vertrouwd/event-sourcing';
import type { MessageBus } from '../message-bus.port';
import { outboxOf } from './outbox';
import type { RelayLease } from './relay-lease';

export interface OutboxRelayOptions {
  /** Durable name of the relay's subscription (one per service). */
  name: string;
  onError?: (error: unknown) => void;
  /** With a lease, only the replica holding it relays (RelayLease); without one, every replica does. */
  lease?: RelayLease;
  /** How often a replica without the lease tries to take it (default 5 s). */
  leaseRetryMs?: number;
}

/**
 * Publishes the outbox: follows the event store in global order and publishes the integration events
 * stored with each domain event, then moves its checkpoint. At least once: a crash between publishing and
 * the checkpoint publishes again, and consumers dedupe by event id (inbox).
 */
export class OutboxRelay {
  private subscription: Subscription | undefined;
  private running = false;
  private retry: NodeJS.Timeout | undefined;
  /** The first attempt at the lease, so caughtUp() waits for a relay that is about to start. */
  private firstAttempt: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly bus: MessageBus,
    private readonly options: OutboxRelayOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const lease = this.options.lease;
    if (!lease) {
      this.follow();
      return;
    }
    lease.onLost(() => {
      // Another replica may hold it now: stop publishing at once, then try again like any replica without it.
      void this.unfollow().then(() => this.scheduleAttempt());
    });
    this.firstAttempt = this.attempt();
  }

  /** Resolves once everything appended before the call is published (here; at once where another replica relays). */
  async caughtUp(): Promise<void> {
    await this.firstAttempt;
    await this.subscription?.caughtUp();
  }

  /** Whether this replica relays now. */
  get relaying(): boolean {
    return this.subscription !== undefined;
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retry);
    await this.firstAttempt;
    await this.unfollow();
    await this.options.lease?.release();
  }

  private async attempt(): Promise<void> {
    if (!this.running) return;
    try {
      if (await this.options.lease!.tryAcquire()) {
        if (this.running) this.follow();
        else await this.options.lease!.release();
        return;
      }
    } catch (error) {
      this.options.onError?.(error);
    }
    this.scheduleAttempt();
  }

  private scheduleAttempt(): void {
    if (!this.running) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.attempt(), this.options.leaseRetryMs ?? 5_000);
    this.retry.unref();
  }

  private follow(): void {
    this.subscription ??= this.store.subscribe({
      subscriptionId: `outbox-relay:${this.options.name}`,
      onError: this.options.onError,
      handle: async (events) => {
        const messages = outboxOf(events);
        if (messages.length > 0) await this.bus.publish(messages);
      },
    });
  }

  private async unfollow(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}
