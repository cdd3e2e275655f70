import type { Admin } from '@platformatic/kafka';
import type { ConsumeOptions, Consumer, DeliveredMessage, OutgoingMessage } from '../message-bus.port';
import { catchUpTargets, committedPositions, lagging } from './caught-up';
import { ConsumerSession } from './consumer-session';
import { retryPolicy, type RetryPolicy } from './delivery';
import { Pauses } from './pauses';
import type { TopicProvisioner } from './topics';

export interface KafkaConsumerSettings {
  brokers: string[];
  clientId: string;
  sessionTimeoutMs: number;
  admin: Admin;
  topics: TopicProvisioner;
  publish(messages: OutgoingMessage[]): Promise<void>;
  onStopped(consumer: KafkaConsumer): void;
}

/** Wait before a new session after a failed one (broker unreachable, membership lost). */
const RESTART_DELAY_MS = 1_000;
/** How often caughtUp() looks at the group's committed offsets. */
const CAUGHT_UP_POLL_MS = 200;

/**
 * A consumer of a group on the Kafka bus: creates its topics if missing, then keeps a session with the
 * group (a new one after any failure) until stopped. At least once: whatever was handled and not yet
 * committed when a consumer dies is handled again by the group, so consumers dedupe with the inbox.
 */
export class KafkaConsumer implements Consumer {
  private running = true;
  private session: ConsumerSession | undefined;
  private readonly pauses = new Pauses();
  private readonly policy: RetryPolicy;
  private readonly loop: Promise<void>;

  constructor(
    private readonly settings: KafkaConsumerSettings,
    private readonly options: ConsumeOptions,
  ) {
    if (!options.group) throw new TypeError('group: a non-empty string');
    if (options.topics.length === 0) throw new TypeError('topics: at least one');
    this.policy = retryPolicy(options);
    this.loop = this.run();
  }

  /**
   * Resolves once the group's committed offsets reach the high watermarks the topics had when called (or
   * once stopped). Reads the broker, so it counts what any consumer of the group committed.
   */
  async caughtUp(): Promise<void> {
    await this.settings.topics.ensure(this.options.topics);
    const targets = await catchUpTargets(this.settings.admin, this.options.topics);
    while (this.running) {
      try {
        const committed = await committedPositions(this.settings.admin, this.options.group, targets);
        if (lagging(targets, committed).length === 0) return;
      } catch (error) {
        this.report(error);
      }
      await this.pauses.sleep(CAUGHT_UP_POLL_MS);
    }
  }

  /** Finishes the messages in hand, commits them and leaves the group. */
  async stop(): Promise<void> {
    this.running = false;
    this.pauses.wakeAll();
    this.session?.stop();
    await this.loop;
    this.settings.onStopped(this);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // Before joining: the group cannot be assigned partitions of a topic that does not exist yet.
        await this.settings.topics.ensure(this.options.topics);
        if (!this.running) return;
        this.session = new ConsumerSession(
          { ...this.settings, policy: this.policy, report: (error, message) => this.report(error, message) },
          this.options,
        );
        await this.session.run();
      } catch (error) {
        this.report(error);
      } finally {
        this.session = undefined;
      }
      if (this.running) await this.pauses.sleep(RESTART_DELAY_MS);
    }
  }

  private report(error: unknown, message?: DeliveredMessage): void {
    try {
      this.options.onError?.(error, message);
    } catch {
      // An error handler that throws must not stop the consumer.
    }
  }
}
