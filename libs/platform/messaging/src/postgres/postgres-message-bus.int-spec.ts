import { Pool } from 'pg';
import { createTestDatabase, eventually } from '@vertrouwd/testing';
import { describeConsumerKill } from '../contract/consumer-kill.contract';
import { describeMessageBusContract } from '../contract/message-bus.contract';
import { PUBLISH_SQL } from './bus-schema';
import { PostgresMessageBus } from './postgres-message-bus';

describeMessageBusContract('Postgres bus', async () => {
  const db = await createTestDatabase('bus_contract');
  const bus = await PostgresMessageBus.create({ connectionString: db.url, partitions: 4, pollIntervalMs: 200 });
  return { bus, cleanup: async () => (await bus.close(), await db.drop()) };
});

describeConsumerKill('Postgres bus', async () => {
  const db = await createTestDatabase('bus_kill');
  const bus = await PostgresMessageBus.create({ connectionString: db.url, partitions: 4 });
  return { bus, busEnv: { BUS: 'postgres', BUS_DATABASE_URL: db.url }, cleanup: async () => (await bus.close(), await db.drop()) };
});

describe('Postgres bus: creating topics from several processes at once', () => {
  it('never deadlocks when two processes create overlapping topics in opposite orders', async () => {
    const db = await createTestDatabase('bus_topics');
    const buses = await Promise.all([1, 2, 3, 4].map(() => PostgresMessageBus.create({ connectionString: db.url, partitions: 8 })));
    try {
      for (let round = 0; round < 25; round += 1) {
        const topics = Array.from({ length: 6 }, (_, i) => `round-${round}.topic-${i}.v1`);
        await Promise.all(buses.map((bus, i) => bus.ensureTopics(i % 2 === 0 ? topics : [...topics].reverse())));
      }
      const pool = new Pool({ connectionString: db.url });
      const { rows } = await pool.query<{ n: string }>('select count(*) as n from bus_partitions');
      await pool.end();
      expect(Number(rows[0].n)).toBe(25 * 6 * 8);
    } finally {
      await Promise.all(buses.map((bus) => bus.close()));
      await db.drop();
    }
  });
});

describe('Postgres bus: the fallback when a notification never comes', () => {
  const topic = 'fallback.noted.v1';
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let bus: PostgresMessageBus;
  beforeAll(async () => {
    db = await createTestDatabase('bus_fallback');
    bus = await PostgresMessageBus.create({ connectionString: db.url, partitions: 8, pollIntervalMs: 200 });
    await bus.ensureTopics([topic]);
  });
  afterAll(async () => {
    await bus.close();
    await db.drop();
  });

  it('delivers a message published without a NOTIFY, by its consumer’s claim loop, within a few intervals', async () => {
    const seen: string[] = [];
    const consumer = bus.consume({ group: 'fallback', topics: [topic], handle: async (m) => void seen.push(m.value) });
    try {
      // Every partition's worker claimed, caught up and idle, waiting to be woken.
      await bus.publish([{ topic, key: 'k', value: '{"n":0}', headers: {} }]);
      await eventually(() => expect(seen).toHaveLength(1));
      await new Promise((r) => setTimeout(r, 100));
      // As a publisher whose NOTIFY was lost: the bus's own statement on a connection of its own, and no notification.
      const other = new Pool({ connectionString: db.url });
      try {
        await other.query(PUBLISH_SQL, [[topic], [3], ['k'], ['{"n":1}'], [{}]]);
      } finally {
        await other.end();
      }
      await eventually(() => expect(seen).toEqual(['{"n":0}', '{"n":1}']), { timeoutMs: 5_000 });
    } finally {
      await consumer.stop();
    }
  });

  it('reads no partition while nothing is published: one claim statement per interval, not a poll per partition', async () => {
    const reads = jest.spyOn(Pool.prototype, 'query');
    const partitionReads = () => reads.mock.calls.filter(([config]) => (config as { name?: string } | undefined)?.name === 'bus_read');
    const consumer = bus.consume({ group: 'idle', topics: [topic], handle: async () => undefined });
    try {
      // Every partition's worker has read once and the group has handled what the topic holds: then all are idle.
      await eventually(() => expect(partitionReads().length).toBeGreaterThanOrEqual(8));
      await consumer.caughtUp();
      await new Promise((r) => setTimeout(r, 300));
      reads.mockClear();
      await new Promise((r) => setTimeout(r, 1_000));
      // Eight partitions polled every 200 ms would be about 40 reads in that second.
      expect(partitionReads()).toHaveLength(0);
    } finally {
      reads.mockRestore();
      await consumer.stop();
    }
  });
});
