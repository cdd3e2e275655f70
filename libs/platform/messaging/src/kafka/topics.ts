import { findErrorBy, type Admin } from '@platformatic/kafka';

export interface TopicSettings {
  /** Partitions of a topic this bus creates: the most consumers of one group that can share its work. */
  partitions: number;
  /** Copies of each partition; -1 leaves it to the broker's `default.replication.factor`. */
  replicationFactor: number;
  /** How long to wait for a new topic's partitions to have leaders (default 30 s). */
  readyTimeoutMs?: number;
}

/**
 * Creates the topics the bus publishes to or consumes from, once per topic per process, because brokers
 * commonly run with `auto.create.topics.enable=false` (and auto-creation would pick the broker's partition
 * count, not ours). An existing topic is left as it is: its partition count is never changed, since that
 * would move keys to other partitions and break their order.
 */
export class TopicProvisioner {
  private readonly ready = new Map<string, Promise<void>>();

  constructor(
    private readonly admin: Admin,
    private readonly settings: TopicSettings,
  ) {}

  async ensure(topics: readonly string[]): Promise<void> {
    await Promise.all([...new Set(topics)].map((topic) => this.ensureOne(topic)));
  }

  private ensureOne(topic: string): Promise<void> {
    let ready = this.ready.get(topic);
    if (!ready) {
      ready = this.create(topic).then(() => this.awaitLeaders(topic));
      // A failure is not remembered: the next publish or consume tries again.
      ready.catch(() => this.ready.delete(topic));
      this.ready.set(topic, ready);
    }
    return ready;
  }

  private async create(topic: string): Promise<void> {
    try {
      await this.admin.createTopics({
        topics: [topic],
        partitions: this.settings.partitions,
        replicas: this.settings.replicationFactor,
      });
    } catch (error) {
      // Another process (or an operator) created it first: fine, whatever its settings.
      if (!findErrorBy(error as Error, 'apiId', 'TOPIC_ALREADY_EXISTS')) throw error;
    }
  }

  /** A new topic exists on the controller before every broker knows its leaders; wait for that. */
  private async awaitLeaders(topic: string): Promise<void> {
    const deadline = Date.now() + (this.settings.readyTimeoutMs ?? 30_000);
    for (;;) {
      try {
        const metadata = await this.admin.metadata({ topics: [topic], forceUpdate: true, retries: 0 });
        const found = metadata.topics.get(topic);
        if (found && found.partitionsCount > 0 && found.partitions.every((p) => p && p.leader >= 0)) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topic ${topic}: partitions without a leader after creation`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
