import type { Pool } from 'pg';
import type { PgChannel } from '@vertrouwd/event-sourcing';
import type { OutgoingMessage } from '../message-bus.port';

/**
 * What a consumer uses of the PostgreSQL bus it belongs to: its pool and notification channel, a way to
 * its own connection, publishing (retries and dead letters) and the topics' partitions. The bus implements
 * it, so the consumer does not import the bus (and the bus imports the consumer without a cycle).
 */
export interface BusConnection {
  readonly pool: Pool;
  readonly channel: PgChannel;
  readonly connectionString: string;
  publish(messages: OutgoingMessage[]): Promise<void>;
  /** Creates a topic's partitions once (idempotent across processes). */
  ensureTopics(topics: string[]): Promise<void>;
}
