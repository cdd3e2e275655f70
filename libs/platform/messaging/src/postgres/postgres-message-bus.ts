import { Pool } from 'pg';
import { applyMigrations, PgChannel } from '@vertrouwd/event-sourcing';
import type { ConsumeOptions, Consumer, MessageBus, OutgoingMessage } from '../message-bus.port';
import { partitionOf } from '../partitioner';
import { partitionName, topicOfName } from './announcements';
import type { BusConnection } from './bus-connection';
import { busMigrations, PUBLISH_SQL } from './bus-schema';
import { PostgresConsumer } from './postgres-consumer';

export interface PostgresMessageBusOptions {
  connectionString: string;
  poolSize?: number;
  /** Partitions of a topic, fixed when the topic is first used (default 8). */
  partitions?: number;
  /** Fallback poll of consumers if a notification is lost (default 1000 ms). */
  pollIntervalMs?: number;
}

/**
 * The default bus: durable topics in PostgreSQL, per-key order through partitions, consumer groups with
 * committed offsets, at-least-once delivery, retries and a dead-letter topic, LISTEN/NOTIFY for low
 * latency (ADR 0012).
 */
export class PostgresMessageBus implements MessageBus, BusConnection {
  private readonly knownTopics = new Set<string>();
  private readonly consumers = new Set<PostgresConsumer>();
  readonly channel: PgChannel;

  private constructor(
    readonly pool: Pool,
    private readonly options: PostgresMessageBusOptions,
  ) {
    this.channel = new PgChannel(options.connectionString, pool, 'bus_published', topicOfName);
  }

  static async create(options: PostgresMessageBusOptions): Promise<PostgresMessageBus> {
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    pool.on('error', () => undefined); // an idle connection lost: the pool replaces it
    await applyMigrations(pool, { historyTable: 'bus_schema_migrations', lockId: 2, migrations: busMigrations });
    return new PostgresMessageBus(pool, options);
  }

  get connectionString(): string {
    return this.options.connectionString;
  }

  get partitions(): number {
    return this.options.partitions ?? 8;
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    for (const m of messages) checkMessage(m);
    await this.ensureTopics([...new Set(messages.map((m) => m.topic))]);
    const partitions = messages.map((m) => partitionOf(m.key, this.partitions));
    await this.pool.query({
      name: 'bus_publish',
      text: PUBLISH_SQL,
      values: [
        messages.map((m) => m.topic),
        partitions,
        messages.map((m) => m.key),
        messages.map((m) => m.value),
        messages.map((m) => JSON.stringify(m.headers ?? {})),
      ],
    });
    // Each partition written to, not its whole topic: a consumer wakes only the worker with something to read.
    this.channel.announce(messages.map((m, i) => partitionName(m.topic, partitions[i])));
  }

  consume(options: ConsumeOptions): Consumer {
    const consumer = new PostgresConsumer(this, options, {
      pollIntervalMs: this.options.pollIntervalMs ?? 1_000,
      onStopped: (c) => this.consumers.delete(c),
    });
    this.consumers.add(consumer);
    consumer.start();
    return consumer;
  }

  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  /** Creates a topic's partitions once (idempotent across processes). */
  async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((t) => !this.knownTopics.has(t)).sort();
    if (missing.length === 0) return;
    // Rows are inserted (and their keys locked) in one order by every process: two processes creating overlapping
    // topics at once wait for each other instead of deadlocking.
    await this.pool.query(
      `insert into bus_partitions (topic, partition)
       select t, p from unnest($1::text[]) t, generate_series(0, $2 - 1) p order by t, p on conflict do nothing`,
      [missing, this.partitions],
    );
    missing.forEach((t) => this.knownTopics.add(t));
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.stop()));
    await this.channel.close();
    await this.pool.end();
  }
}

function checkMessage(message: OutgoingMessage): void {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(message.topic)) throw new TypeError('topic: 1 to 200 of A-Z a-z 0-9 . _ -');
  if (typeof message.key !== 'string' || message.key.length === 0) throw new TypeError('key: a non-empty string');
  if (typeof message.value !== 'string') throw new TypeError('value: JSON text');
}
