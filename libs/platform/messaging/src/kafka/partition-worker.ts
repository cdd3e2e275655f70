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
  private revoked = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly ctx: WorkerContext,
    readonly topic: string,
    readonly partition: number,
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

  /** Finishes the message in hand (no further retries) and commits what is done; drops the rest. */
  stop(): Promise<void> {
    this.active = false;
    this.queue.length = 0;
    this.pauses.wakeAll();
    return this.running ?? Promise.resolve();
  }

  /**
   * The partition went to another consumer: like stop(), but commits nothing more, so this consumer never
   * moves the offset of a partition it does not own. The new owner starts at the last commit.
   */
  revoke(): Promise<void> {
    this.revoked = true;
    return this.stop();
  }

  private async drain(): Promise<void> {
    // Yield first, so `running` is set before the loop can end, and cleared in the same step as the loop's
    // last look at the queue: a message offered in between would otherwise wait for a drain that is over.
    await undefined;
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
    if (next !== undefined && !this.revoked) {
      this.ctx.commit({ topic: this.topic, partition: this.partition, offset: next, leaderEpoch: raw.leaderEpoch });
    }
  }
}
