import type { Message } from '@platformatic/kafka';
import type { DeliveredMessage, OutgoingMessage } from '../message-bus.port';
import type { PartitionCommit } from './committer';
import { deliver, type RetryPolicy } from './delivery';
import { decodeHeaders, decodeText } from './headers';
import { PartitionOffsets } from './partition-offsets';
import { Pauses } from './pauses';

/** A record as the client delivers it without deserialisers: bytes, or undefined where Kafka has null. */
export type RawMessage = Pick<Message, 'topic' | 'partition' | 'offset' | 'leaderEpoch' | 'headerEntries'> & {
  key: Buffer | null | undefined;
  value: Buffer | null | undefined;
};

export interface WorkerContext {
  policy: RetryPolicy;
  handle(message: DeliveredMessage): Promise<void>;
  publish(messages: OutgoingMessage[]): Promise<void>;
  report(error: unknown, message?: DeliveredMessage): void;
  commit(commit: PartitionCommit): void;
  /** Called after each message leaves the queue, so the reader can take more. */
  progressed(): void;
}

/**
 * Works through one partition in offset order, one message at a time: handle it (retrying with back-off,
 * then dead-lettering it), then ask for its offset to be committed. Partitions run side by side, each on
 * its own worker; per-key order holds because a key always maps to one partition.
 */
export class PartitionWorker {
  private readonly queue: RawMessage[] = [];
  private readonly offsets = new PartitionOffsets();
  private readonly pauses = new Pauses();
  private active = true;
  private running: Promise<void> | undefined;

  /**
   * `after`: the previous worker of this partition in this process, if it is still finishing a message
   * (the partition went away and came back): this one starts when that one is done, so the two never
   * handle the same partition at once.
   */
  constructor(
    private readonly ctx: WorkerContext,
    readonly topic: string,
    readonly partition: number,
    private readonly after: Promise<void> = Promise.resolve(),
  ) {}

  /** Messages waiting behind the one being handled. */
  get queued(): number {
    return this.queue.length;
  }

  /** Queues a message, unless it is a redelivery of one this worker already holds or handled. */
  offer(message: RawMessage): void {
    if (!this.active || !this.offsets.accept(message.offset)) return;
    this.queue.push(message);
    this.running ??= this.drain();
  }

  /**
   * Finishes the message in hand (no further retries) and commits what is done; drops the rest, which
   * comes again from the committed offset to whoever owns the partition next. Also used when a rebalance
   * gives the partition to another consumer: committing work that is done only spares the new owner a
   * redelivery, and can never skip a message, since it covers nothing that was not handled.
   */
  stop(): Promise<void> {
    this.active = false;
    this.queue.length = 0;
    this.pauses.wakeAll();
    return this.running ?? Promise.resolve();
  }

  private async drain(): Promise<void> {
    // Waiting first also means `running` is set before the loop can end, and it is cleared in the same step
    // as the loop's last look at the queue: a message offered in between never waits for a finished drain.
    await this.after;
    try {
      while (this.active && this.queue.length > 0) await this.work(this.queue.shift() as RawMessage);
    } catch (error) {
      this.ctx.report(error);
    } finally {
      this.running = undefined;
    }
  }

  private async work(raw: RawMessage): Promise<void> {
    const outcome = await deliver(
      {
        topic: this.topic,
        partition: this.partition,
        offset: raw.offset,
        key: decodeText(raw.key),
        value: decodeText(raw.value),
        headers: decodeHeaders(raw.headerEntries),
      },
      {
        policy: this.ctx.policy,
        handle: (m) => this.ctx.handle(m),
        deadLetter: (letter) => this.ctx.publish([letter]),
        report: (error, m) => this.ctx.report(error, m),
        pause: (ms) => this.pauses.sleep(ms),
        active: () => this.active,
      },
    );
    this.ctx.progressed();
    // Abandoned on the way out: not committed, so it comes again, to this group's next owner.
    if (outcome === 'abandoned') return;
    const next = this.offsets.done(raw.offset);
    if (next !== undefined) {
      this.ctx.commit({ topic: this.topic, partition: this.partition, offset: next, leaderEpoch: raw.leaderEpoch });
    }
  }
}
