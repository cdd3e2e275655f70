import { Pool } from 'pg';
import { createTestDatabase } from '@vertrouwd/testing';
import { describeConsumerKill } from '../contract/consumer-kill.contract';
import { describeMessageBusContract } from '../contract/message-bus.contract';
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
