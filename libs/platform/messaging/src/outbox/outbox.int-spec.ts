import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  ContractRegistry,
  ContractViolationError,
  contractV1,
  count,
  instant,
  oneOf,
  uuid,
  type IntegrationEvent,
} from '@vertrouwd/contracts';
import { Aggregate } from '@vertrouwd/domain';
import { AggregateRepository, PostgresEventStore, applyMigrations } from '@vertrouwd/event-sourcing';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { handleOnce, inboxMigrations } from '../inbox';
import { PostgresMessageBus } from '../postgres/postgres-message-bus';
import { consumeIntegrationEvents } from './integration-consumer';
import { outboxFor } from './integration-event';
import { OutboxRelay } from './outbox-relay';

type MarkEvent = { type: 'MarkRecorded'; markId: string; topic: string; weight: number; at: string };

class Mark extends Aggregate<MarkEvent, { markId: string }> {
  constructor() {
    super({ markId: '' }, { MarkRecorded: (_state, event) => ({ markId: event.markId }) });
  }
  get id(): string {
    return this.state.markId;
  }
  record(markId: string, topic: string, weight: number): void {
    this.apply({ type: 'MarkRecorded', markId, topic, weight, at: '2026-03-02T09:00:00.000Z' });
  }
}

// A contract of this test only: the outbox and inbox carry any contract the registry knows.
const MarkRecordedV1 = contractV1(
  'test',
  'mark-recorded',
  'A mark was recorded (test only).',
  { markId: uuid, topic: oneOf(['unwanted-behaviour', 'integrity', 'other']), weight: count, recordedAt: instant },
  { markId: 'id', topic: 'enum', weight: 'count', recordedAt: 'timestamp' },
);
const registry = new ContractRegistry([MarkRecordedV1]);
const translate = (e: MarkEvent) => [
  { contract: MarkRecordedV1, payload: { markId: e.markId, topic: e.topic, weight: e.weight, recordedAt: e.at } },
];

describe('outbox: domain events → integration events → bus → inbox', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let bus: PostgresMessageBus;
  let pool: Pool;
  let marks: AggregateRepository<MarkEvent, Mark>;

  beforeAll(async () => {
    db = await createTestDatabase('outbox');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 4 });
    bus = await PostgresMessageBus.create({ connectionString: db.url, partitions: 2, pollIntervalMs: 200 });
    pool = new Pool({ connectionString: db.url, max: 2 });
    await applyMigrations(pool, { historyTable: 'inbox_schema_migrations', lockId: 3, migrations: inboxMigrations });
    await pool.query('create table digest (topic text primary key, marks int not null)');
    marks = new AggregateRepository(store, { category: 'mark', create: () => new Mark() });
  });
  afterAll(async () => {
    await pool.end();
    await bus.close();
    await store.close();
    await db.drop();
  });

  it('writes the integration event with the domain event, relays it, and a consumer applies it once', async () => {
    const mark = new Mark();
    const markId = randomUUID();
    mark.record(markId, 'integrity', 3);
    await marks.save(
      mark,
      { correlationId: 'corr-7', traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` },
      outboxFor(translate, registry),
    );
    const [stored] = await store.readStream(`mark-${markId}`);
    const [outbox] = stored.metadata.outbox as { topic: string; key: string; headers: Record<string, string> }[];
    expect(outbox).toMatchObject({
      topic: 'test.mark-recorded.v1',
      key: markId,
      headers: { 'correlation-id': 'corr-7', 'causation-id': stored.id },
    });

    const relay = new OutboxRelay(store, bus, { name: 'marks' });
    relay.start();
    const received: IntegrationEvent[] = [];
    const handle = async (event: IntegrationEvent) => {
      received.push(event);
      await handleOnce(pool, 'digest', event.eventId, async (tx) => {
        const { topic } = event.payload as { topic: string };
        await tx.query('insert into digest values ($1, 1) on conflict (topic) do update set marks = digest.marks + 1', [topic]);
      });
    };
    const consumer = consumeIntegrationEvents(bus, { group: 'digest', topics: ['test.mark-recorded.v1'], registry, handle });
    await relay.caughtUp();
    await eventually(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({ type: 'test.mark-recorded', key: markId, correlationId: 'corr-7', causationId: stored.id });
    expect(received[0].traceparent).toBe(`00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`);

    // A redelivery (the relay publishing again after a crash) changes nothing.
    await bus.publish([{ topic: 'test.mark-recorded.v1', key: markId, value: JSON.stringify(received[0]) }]);
    await eventually(() => expect(received).toHaveLength(2));
    await consumer.caughtUp();
    expect((await pool.query('select topic, marks from digest')).rows).toEqual([{ topic: 'integrity', marks: 1 }]);
    await Promise.all([consumer.stop(), relay.stop()]);
  });

  it('refuses to save when a translated event breaks its contract: nothing is written', async () => {
    const mark = new Mark();
    const markId = randomUUID();
    mark.record(markId, 'gossip about Jansen', 1);
    await expect(marks.save(mark, {}, outboxFor(translate, registry))).rejects.toBeInstanceOf(ContractViolationError);
    expect(await store.readStream(`mark-${markId}`)).toEqual([]);
  });
});
