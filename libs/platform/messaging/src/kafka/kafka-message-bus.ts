import { Admin, ProduceAcks, Producer, compatibilityPartitioner } from '@platformatic/kafka';
import type { ConsumeOptions, Consumer, MessageBus, OutgoingMessage } from '../message-bus.port';
import { encodeHeaders, encodeText } from './headers';
import { KafkaConsumer } from './kafka-consumer';
import { TopicProvisioner } from './topics';

export interface KafkaMessageBusOptions {
  /** Bootstrap brokers, `host:port`. */
  brokers: string[];
  /** Names this process to the brokers (quotas, logs); consumers and the admin client add a suffix. */
  clientId: string;
  /** Partitions of each topic the bus creates (default 8). Existing topics keep theirs. */
  partitions?: number;
  /** Replicas of each partition of a topic the bus creates (default: the broker's `default.replication.factor`). */
  replicationFactor?: number;
  /**
   * How long the group waits for a silent consumer before giving its partitions to the others
   * (default 6000 ms, the broker's usual minimum `group.min.session.timeout.ms`).
   */
  sessionTimeoutMs?: number;
}

/**
 * The production bus (ADR 0003): one idempotent producer (acks from all in-sync replicas, so a retried send
 * never duplicates or reorders a partition), Kafka consumer groups with offsets committed after the effect,
 * retries with back-off and a dead-letter topic, like the Postgres bus and against the same contract suite.
 * Keys are partitioned as Java clients do, so every client of a topic puts a key in the same partition.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly consumers = new Set<KafkaConsumer>();
  private readonly topics: TopicProvisioner;

  private constructor(
    private readonly options: KafkaMessageBusOptions,
    private readonly producer: Producer,
    private readonly admin: Admin,
  ) {
    this.topics = new TopicProvisioner(admin, { partitions: options.partitions ?? 8, replicationFactor: options.replicationFactor ?? -1 });
  }

  /** Connects and registers the idempotent producer, so a broker that cannot be reached fails here. */
  static async connect(given: KafkaMessageBusOptions): Promise<KafkaMessageBus> {
    // `KAFKA_BROKERS=a:9092, b:9092` is split on commas by the factory: drop the spaces.
    const options = { ...given, brokers: given.brokers.map((b) => b.trim()).filter((b) => b !== '') };
    if (options.brokers.length === 0) throw new TypeError('brokers: at least one host:port');
    const admin = new Admin({ clientId: `${options.clientId}-admin`, bootstrapBrokers: options.brokers });
    const producer = new Producer({
      clientId: options.clientId,
      bootstrapBrokers: options.brokers,
      idempotent: true,
      acks: ProduceAcks.ALL,
      partitioner: compatibilityPartitioner,
      // Bounded: the idempotent producer would otherwise retry for ever, and the outbox relay must see
      // an outage to back off and publish again later.
      retries: 10,
    });
    try {
      await producer.initIdempotentProducer({});
      return new KafkaMessageBus(options, producer, admin);
    } catch (error) {
      await Promise.allSettled([producer.close(), admin.close()]);
      throw error;
    }
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    messages.forEach(checkMessage);
    await this.topics.ensure(messages.map((m) => m.topic));
    // One request: messages for one partition keep the order they have here.
    await this.producer.send({
      messages: messages.map((m) => ({
        topic: m.topic,
        key: encodeText(m.key),
        value: encodeText(m.value),
        headers: encodeHeaders(m.headers),
      })),
    });
  }

  consume(options: ConsumeOptions): Consumer {
    const consumer = new KafkaConsumer(
      {
        brokers: this.options.brokers,
        clientId: `${this.options.clientId}-${options.group}`,
        sessionTimeoutMs: this.options.sessionTimeoutMs ?? 6_000,
        admin: this.admin,
        topics: this.topics,
        publish: (messages) => this.publish(messages),
        onStopped: (c) => this.consumers.delete(c),
      },
      options,
    );
    this.consumers.add(consumer);
    return consumer;
  }

  /** Readiness: a broker of the cluster answers a metadata request (no retries: a probe must not hang). */
  async ping(): Promise<void> {
    await this.admin.metadata({ topics: [], forceUpdate: true, retries: 0 });
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await Promise.allSettled([this.producer.close(), this.admin.close()]);
  }
}

/** Kafka's own limits on topic names, and the port's on keys and values. */
function checkMessage(message: OutgoingMessage): void {
  if (!/^[A-Za-z0-9._-]{1,249}$/.test(message.topic) || message.topic === '.' || message.topic === '..') {
    throw new TypeError('topic: 1 to 249 of A-Z a-z 0-9 . _ -');
  }
  if (typeof message.key !== 'string' || message.key.length === 0) throw new TypeError('key: a non-empty string');
  if (typeof message.value !== 'string') throw new TypeError('value: JSON text');
}
