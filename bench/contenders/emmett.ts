// The peer: Emmett 0.42 on PostgreSQL, driven through its public API with a pool of the same size.
// Emmett's default pool is `new pg.Pool({ connectionString })` (pg's default max of 10), so we hand it our own.
import { Pool } from 'pg';
import { dumbo, type Dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import type { BenchEvent, Contender, Expected, ReadPage } from './contender';

/**
 * Emmett's stream positions are 1-based (`0n` means "no stream yet": the append inserts the stream row
 * and fails on a duplicate), so our 0-based `expected` maps to `expected + 1`.
 */
function emmettExpected(expected: Expected): bigint {
  return expected === 'no_stream' ? 0n : BigInt(expected + 1);
}

function toEmmett(event: BenchEvent) {
  return { type: event.type, data: event.data, metadata: { messageId: event.id, ...event.metadata } };
}

export class EmmettContender implements Contender {
  readonly name = 'emmett' as const;
  private pool!: Pool;
  private db!: Dumbo;
  private store!: PostgresEventStore;

  async setup(url: string, poolSize: number): Promise<void> {
    this.pool = new Pool({ connectionString: url, max: poolSize });
    this.db = dumbo({ connectionString: url, pool: this.pool });
    this.store = getPostgreSQLEventStore(url, { connectionOptions: { dumbo: this.db } });
    await this.store.schema.migrate();
  }

  async appendOne(streamId: string, expected: Expected, event: BenchEvent): Promise<void> {
    await this.store.appendToStream(streamId, [toEmmett(event)], { expectedStreamVersion: emmettExpected(expected) });
  }

  async appendMany(streamId: string, expected: Expected, events: BenchEvent[]): Promise<void> {
    await this.store.appendToStream(streamId, events.map(toEmmett), {
      expectedStreamVersion: emmettExpected(expected),
    });
  }

  async readStream(streamId: string): Promise<number> {
    const { events } = await this.store.readStream(streamId);
    return events.length;
  }

  /** Emmett's read-all is `readMessagesBatch`, the function its consumers poll with. */
  async readAllPage(after: bigint, max: number): Promise<ReadPage> {
    const { messages, currentGlobalPosition } = await readMessagesBatch(this.db.execute, { after, batchSize: max });
    return {
      count: messages.length,
      lastPosition: currentGlobalPosition,
      streamIds: messages.map((m) => m.metadata.streamName),
    };
  }

  async close(): Promise<void> {
    await this.store?.close();
    await this.pool?.end();
  }
}
