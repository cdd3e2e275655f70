import type { Pool } from 'pg';
import { partitionName } from './announcements';
import { deadLetterOf, isUnretryable, type ConsumeOptions, type DeliveredMessage, type OutgoingMessage } from '../message-bus.port';

interface Row {
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface WorkerContext {
  pool: Pool;
  options: ConsumeOptions;
  publish(messages: OutgoingMessage[]): Promise<void>;
  /** Commits on the connection that holds the partition's lock: it fails once the lock is lost. */
  commit(topic: string, partition: number, offset: bigint): Promise<void>;
  onCommitted(): void;
}

const BATCH = 100;

/**
 * Works through one partition for one consumer group, in offset order: handle each message (retrying
 * with back-off, then dead-lettering it), commit the offset after each batch. At least once: a crash
 * before the commit redelivers the batch, and consumers dedupe with the inbox.
 */
export class PartitionWorker {
  private running = true;
  private readonly loop: Promise<void>;
  private wakeUp: (() => void) | undefined;
  private signalled = false;
  private interrupt: (() => void) | undefined;
  /** The offset handled and committed last (-1: none); read from the group's offsets when the work starts. */
  private handledUpTo = -1n;
  /** As announcements name it (`topic/partition`). */
  readonly name: string;

  constructor(
    private readonly ctx: WorkerContext,
    readonly topic: string,
    readonly partition: number,
  ) {
    this.name = partitionName(topic, partition);
    this.loop = this.run().catch((error: unknown) => this.report(error));
  }

  wake(): void {
    this.signalled = true;
    this.wakeUp?.();
  }

  /** Wakes the worker when its partition holds an offset past the one it handled last (`nextOffset`: the next to be given). */
  wakeIfBehind(nextOffset: bigint): void {
    if (nextOffset - 1n > this.handledUpTo) this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    this.interrupt?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.work();
      } catch (error) {
        // The database went away or refused: back off and start again from the committed offset.
        this.report(error);
        await this.pause(1_000);
      }
    }
  }

  private async work(): Promise<void> {
    this.handledUpTo = await this.committed();
    while (this.running) {
      this.signalled = false;
      const rows = await this.read(this.handledUpTo);
      let handled = this.handledUpTo;
      for (const row of rows) {
        if (!(await this.deliver(row))) break;
        handled = BigInt(row.offset);
      }
      if (handled > this.handledUpTo) {
        await this.commit(handled);
        this.handledUpTo = handled;
      }
      if (rows.length < BATCH && this.running) await this.idle();
    }
  }

  private async committed(): Promise<bigint> {
    const { rows } = await this.ctx.pool.query<{ committed: string }>(
      'select committed from bus_group_offsets where group_id = $1 and topic = $2 and partition = $3',
      [this.ctx.options.group, this.topic, this.partition],
    );
    return rows.length ? BigInt(rows[0].committed) : -1n;
  }

  private async read(after: bigint): Promise<Row[]> {
    const { rows } = await this.ctx.pool.query<Row>({
      name: 'bus_read',
      text: `select "offset", key, value, headers from bus_messages
             where topic = $1 and partition = $2 and "offset" > $3 order by "offset" limit $4`,
      values: [this.topic, this.partition, String(after), BATCH],
    });
    return rows;
  }

  private async commit(offset: bigint): Promise<void> {
    await this.ctx.commit(this.topic, this.partition, offset);
    this.ctx.onCommitted();
  }

  /** Handles a message, retrying with back-off, then dead-letters it. False when stopped on the way. */
  private async deliver(row: Row): Promise<boolean> {
    const maxAttempts = this.ctx.options.maxAttempts ?? 5;
    const base = this.ctx.options.backoffMs ?? 100;
    for (let attempt = 1; this.running; attempt += 1) {
      const message: DeliveredMessage = {
        topic: this.topic,
        partition: this.partition,
        offset: BigInt(row.offset),
        key: row.key,
        value: row.value,
        headers: row.headers,
        attempt,
      };
      try {
        await this.ctx.options.handle(message);
        return true;
      } catch (error) {
        this.report(error, message);
        if (attempt >= maxAttempts || isUnretryable(error)) {
          // What was handled before it is committed first: a failing dead letter must not redo that work.
          if (message.offset > 0n) await this.commit(message.offset - 1n);
          await this.deadLetter(message, error);
          return true;
        }
        await this.pause(Math.min(base * 2 ** (attempt - 1), 5_000));
      }
    }
    return false;
  }

  private deadLetter(message: DeliveredMessage, error: unknown): Promise<void> {
    return this.ctx.publish([deadLetterOf(message, error)]);
  }

  private report(error: unknown, message?: DeliveredMessage): void {
    try {
      this.ctx.options.onError?.(error, message);
    } catch {
      // An error handler that throws must not stop the consumer.
    }
  }

  /**
   * Waits to be woken: by a notification of a publish to its topic, by its consumer's claim loop when the partition
   * holds more than it handled (the fallback when a notification was lost), or by `stop`. No timer of its own.
   */
  private idle(): Promise<void> {
    if (this.signalled) return Promise.resolve();
    return new Promise((resolve) => {
      this.wakeUp = () => {
        this.wakeUp = undefined;
        resolve();
      };
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
    });
  }
}
