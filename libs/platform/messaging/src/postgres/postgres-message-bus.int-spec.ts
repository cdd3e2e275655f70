import { Pool } from 'pg';
import { createTestDatabase, eventually } from '@vertrouwd/testing';
import { describeConsumerKill } from '../contract/consumer-kill.contract';
import { describeMessageBusContract } from '../contract/message-bus.contract';
import { partitionOf } from '../partitioner';
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

describe('Postgres bus: a publish wakes only the partitions it wrote to', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let publisher: PostgresMessageBus;
  let subscriber: PostgresMessageBus;
  const spies: jest.SpyInstance[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('bus_wakes');
    // No fallback within the test: whatever is delivered came through an announcement.
    const options = { connectionString: db.url, partitions: 8, pollIntervalMs: 60_000 };
    [publisher, subscriber] = await Promise.all([PostgresMessageBus.create(options), PostgresMessageBus.create(options)]);
  });
  afterEach(() => spies.splice(0).forEach((spy) => spy.mockRestore()));
  afterAll(async () => {
    await Promise.all([publisher.close(), subscriber.close()]);
    await db.drop();
  });

  /**
   * A consumer of topics of its own whose workers have each read once and are idle, listening for other processes'
   * notifications; then the partitions it reads of a topic.
   */
  async function idleConsumer(topics: string[], seen: string[]) {
    await subscriber.ensureTopics(topics);
    const reads = jest.spyOn(Pool.prototype, 'query');
    spies.push(reads);
    const partitionsRead = (topic: string) =>
      reads.mock.calls
        .map(([config]) => config as { name?: string; values?: unknown[] } | undefined)
        .filter((config) => config?.name === 'bus_read' && config.values?.[0] === topic)
        .map((config) => Number(config?.values?.[1]));
    const consumer = subscriber.consume({ group: 'wakes', topics, handle: async (m) => void seen.push(m.value) });
    const listening = subscriber.channel.listen(() => undefined);
    await listening.ready;
    listening.stop();
    await eventually(() => topics.forEach((topic) => expect(new Set(partitionsRead(topic)).size).toBe(8)));
    await new Promise((r) => setTimeout(r, 200));
    reads.mockClear();
    return { consumer, partitionsRead };
  }

  it.each([
    ['in the same process', 'local', () => subscriber],
    ['in another process (through the NOTIFY)', 'remote', () => publisher],
  ])('reads one partition, not eight, for a message published %s', async (_where, name, publishing) => {
    const topic = `woken-${name}.noted.v1`;
    const seen: string[] = [];
    const { consumer, partitionsRead } = await idleConsumer([topic], seen);
    try {
      await publishing().publish([{ topic, key: 'case-1', value: '{"n":1}', headers: {} }]);
      await eventually(() => expect(seen).toEqual(['{"n":1}']));
      await new Promise((r) => setTimeout(r, 100));
      const read = partitionsRead(topic);
      expect(read.length).toBeGreaterThanOrEqual(1);
      expect(new Set(read)).toEqual(new Set([partitionOf('case-1', 8)]));
    } finally {
      await consumer.stop();
    }
  });

  it('still wakes every partition for an announcement that names the topic alone (a publisher of an earlier version)', async () => {
    const topic = 'woken-by-topic.noted.v1';
    const seen: string[] = [];
    const { consumer, partitionsRead } = await idleConsumer([topic], seen);
    const other = new Pool({ connectionString: db.url });
    try {
      await other.query(PUBLISH_SQL, [[topic], [5], ['k'], ['{"n":2}'], [{}]]);
      await other.query('select pg_notify($1, $2)', ['bus_published', topic]);
      await eventually(() => expect(seen).toEqual(['{"n":2}']));
      expect(new Set(partitionsRead(topic)).size).toBe(8);
    } finally {
      await other.end();
      await consumer.stop();
    }
  });

  it('names the topics, not "anything", when the partitions written to would not fit in a NOTIFY', async () => {
    // 25 topics with a message in each of their 8 partitions: 200 names, about 5,000 bytes; their topics, about 600.
    const topics = Array.from({ length: 25 }, (_, i) => `woken-many-${String(i).padStart(2, '0')}.noted.v1`);
    const keys: string[] = [];
    for (let k = 0; new Set(keys.map((key) => partitionOf(key, 8))).size < 8; k += 1) {
      if (!keys.some((key) => partitionOf(key, 8) === partitionOf(`k${k}`, 8))) keys.push(`k${k}`);
    }
    const quiet = 'woken-quiet.noted.v1';
    const seen: string[] = [];
    await publisher.ensureTopics(topics);
    const { consumer, partitionsRead } = await idleConsumer([topics[0], quiet], seen);
    try {
      await publisher.publish(topics.flatMap((topic) => keys.map((key) => ({ topic, key, value: `"${topic}/${key}"`, headers: {} }))));
      // Heard (no fallback runs within the test): the first topic's eight messages arrive.
      await eventually(() => expect(seen).toHaveLength(8));
      await new Promise((r) => setTimeout(r, 200));
      // Not "anything": the topic that nothing was published to was not read.
      expect(partitionsRead(quiet)).toEqual([]);
    } finally {
      await consumer.stop();
    }
  });
});
