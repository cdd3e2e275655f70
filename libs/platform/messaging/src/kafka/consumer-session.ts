import {
  Consumer as KafkaClient,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  type GroupAssignment,
  type Message,
  type MessagesStream,
} from '@platformatic/kafka';
import type { ConsumeOptions, DeliveredMessage, OutgoingMessage } from '../message-bus.port';
import { Committer } from './committer';
import type { RetryPolicy } from './delivery';
import { PartitionWorker } from './partition-worker';

export interface SessionSettings {
  brokers: string[];
  clientId: string;
  sessionTimeoutMs: number;
  policy: RetryPolicy;
  publish(messages: OutgoingMessage[]): Promise<void>;
  report(error: unknown, message?: DeliveredMessage): void;
}

/** Fetched messages waiting across the partitions of one consumer before it stops reading. */
const MAX_QUEUED = 1_000;

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * One membership of a consumer in its group: a client, its message stream, and a worker per partition it
 * was assigned. It lasts until stopped or until the client fails; the consumer then starts a new one, from
 * the committed offsets.
 */
export class ConsumerSession {
  private readonly client: KafkaClient;
  private readonly committer: Committer;
  private readonly workers = new Map<string, PartitionWorker>();
  /** Workers of partitions a rebalance took away, finishing the message in hand. */
  private readonly retiring = new Map<string, Promise<void>>();
  private stream: MessagesStream<Buffer, Buffer, Buffer, Buffer> | undefined;
  private ended = false;
  private fail: ((error: unknown) => void) | undefined;

  constructor(
    private readonly settings: SessionSettings,
    private readonly options: ConsumeOptions,
  ) {
    this.client = new KafkaClient({
      clientId: settings.clientId,
      bootstrapBrokers: settings.brokers,
      groupId: options.group,
      autocommit: false, // commits follow the effects (committer), never the reads
      sessionTimeout: settings.sessionTimeoutMs,
      // Heartbeats run on timers, apart from the handlers, so a slow handler never costs the membership.
      heartbeatInterval: Math.max(Math.floor(settings.sessionTimeoutMs / 3), 100),
      rebalanceTimeout: Math.max(settings.sessionTimeoutMs, 30_000),
      // An idle fetch returns within a second, so a stop never waits on a long poll.
      maxWaitTime: 1_000,
    });
    // A failed rejoin surfaces as 'error': the membership is gone, so this session ends and a new one starts.
    this.client.on('error', (error) => (this.fail ? this.fail(error) : settings.report(error)));
    this.client.on('consumer:group:join', ({ assignments }) => this.reassigned(assignments ?? []));
    this.committer = new Committer({
      commit: (offsets) => this.client.commit({ offsets }),
      report: (error) => settings.report(error),
    });
  }

  /** Joins the group and works until stop() or a failure; always leaves the group before it settles. */
  async run(): Promise<void> {
    try {
      const stream = await this.client.consume({
        topics: this.options.topics,
        mode: MessagesStreamModes.COMMITTED,
        fallbackMode: MessagesStreamFallbackModes.EARLIEST, // a new group starts at the beginning
        autocommit: false,
      });
      this.stream = stream;
      await new Promise<void>((resolve, reject) => {
        this.fail = reject;
        // Listening for errors for good: an error event nobody listens to would end the process.
        stream.on('error', reject);
        stream.once('close', resolve);
        if (this.ended) return resolve(); // stopped while joining
        stream.on('data', (message) => this.dispatch(message));
      });
    } finally {
      await this.close();
    }
  }

  /** Ends the session: run() then finishes the messages in hand, commits and leaves the group. */
  stop(): void {
    this.ended = true;
    this.stream?.close().catch((error: unknown) => this.settings.report(error));
  }

  private dispatch(message: Message<Buffer, Buffer, Buffer, Buffer>): void {
    // Fetched before a rebalance moved the partition away, or after stop(): the owner gets it from the commit.
    if (this.ended || !this.owns(message.topic, message.partition)) return;
    const key = keyOf(message.topic, message.partition);
    let worker = this.workers.get(key);
    if (!worker) {
      worker = new PartitionWorker(this.workerContext(), message.topic, message.partition, this.retiring.get(key));
      this.workers.set(key, worker);
    }
    worker.offer(message);
    if (this.queued() >= MAX_QUEUED) this.stream?.pause();
  }

  private owns(topic: string, partition: number): boolean {
    return this.client.assignments?.some((a) => a.topic === topic && a.partitions.includes(partition)) ?? false;
  }

  /**
   * After a rebalance: workers of partitions now owned by others finish the message in hand, commit, and
   * drop the rest (the new owner reads on from the committed offset). The client offers no hook before the
   * partitions move, so the new owner may get again what was handled here and not yet committed when it
   * read the offsets: at least once, and the inbox dedupes.
   */
  private reassigned(assignments: GroupAssignment[]): void {
    const owned = new Set(assignments.flatMap((a) => a.partitions.map((p) => keyOf(a.topic, p))));
    for (const [key, worker] of this.workers) {
      if (owned.has(key)) continue;
      this.workers.delete(key);
      const retired: Promise<void> = worker.stop().finally(() => this.retiring.get(key) === retired && this.retiring.delete(key));
      this.retiring.set(key, retired);
    }
  }

  private queued(): number {
    return [...this.workers.values()].reduce((total, worker) => total + worker.queued, 0);
  }

  private workerContext() {
    return {
      policy: this.settings.policy,
      handle: (message: DeliveredMessage) => this.options.handle(message),
      publish: (messages: OutgoingMessage[]) => this.settings.publish(messages),
      report: (error: unknown, message?: DeliveredMessage) => this.settings.report(error, message),
      commit: (commit: Parameters<Committer['request']>[0]) => this.committer.request(commit),
      progressed: () => {
        if (this.stream?.isPaused() && !this.ended && this.queued() < MAX_QUEUED / 2) this.stream.resume();
      },
    };
  }

  private async close(): Promise<void> {
    this.ended = true;
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    await Promise.all(this.retiring.values());
    await this.committer.flush(); // while still a member: a commit needs the current generation
    this.committer.close();
    if (this.stream && !this.stream.destroyed) await this.stream.close().catch((error: unknown) => this.settings.report(error));
    // Leaving the group (rather than timing out of it) hands the partitions over at once.
    await this.client.close().catch(async (error: unknown) => {
      this.settings.report(error);
      await this.client.close(true).catch(() => undefined);
    });
  }
}
