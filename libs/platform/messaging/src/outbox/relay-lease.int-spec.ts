import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NO_STREAM, PostgresEventStore } from '@vertrouwd/event-sourcing';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import type { MessageBus, OutgoingMessage } from '../message-bus.port';
import { OUTBOX_KEY } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { PostgresRelayLease } from './relay-lease';

// Two replicas of one service relay its outbox from one event store: with the lease only one publishes, and the
// other takes over when the first stops or its connection dies. The bus is a recorder (what each replica publishes
// is the question here; the relay against a real bus is outbox.int-spec.ts).

function recordingBus(): MessageBus & { published: string[] } {
  const published: string[] = [];
  return {
    published,
    publish: async (messages: OutgoingMessage[]) => {
      published.push(...messages.map((m) => m.key));
    },
  } as unknown as MessageBus & { published: string[] };
}

describe('the outbox relay lease', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('relay_lease');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 4 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const ping = async () => {
    const pingId = randomUUID();
    const outbox: OutgoingMessage[] = [{ topic: 'test.pinged.v1', key: pingId, value: '{}', headers: {} }];
    await store.appendToStream(`ping-${pingId}`, [{ type: 'Pinged', data: { pingId }, metadata: { [OUTBOX_KEY]: outbox } }], NO_STREAM);
    return pingId;
  };
  const replica = (name: string, bus: MessageBus, leaseRetryMs = 100) =>
    new OutboxRelay(store, bus, { name: 'pings', lease: new PostgresRelayLease({ connectionString: db.url }, name), leaseRetryMs });

  it('lets one replica publish, and the other take over when it stops', async () => {
    const [busA, busB] = [recordingBus(), recordingBus()];
    const [a, b] = [replica('outbox-relay:pings', busA), replica('outbox-relay:pings', busB)];
    a.start();
    await a.caughtUp();
    b.start();
    await b.caughtUp();
    expect([a.relaying, b.relaying]).toEqual([true, false]);

    const first = await ping();
    await eventually(() => expect(busA.published).toContain(first));
    expect(busB.published).toEqual([]);

    await a.stop();
    await eventually(() => expect(b.relaying).toBe(true), { timeoutMs: 5_000 });
    const second = await ping();
    await eventually(() => expect(busB.published).toContain(second));
    expect(busA.published).not.toContain(second);
    await b.stop();
  });

  it("takes over when the holder's connection dies without a word (a replica killed)", async () => {
    const [busA, busB] = [recordingBus(), recordingBus()];
    // A killed replica never asks again: the holder here retries only after a minute, so the takeover is the other's
    // (with equal retry times the holder, its connection gone but its process alive, could win the lease back first).
    const [a, b] = [replica('outbox-relay:killed', busA, 60_000), replica('outbox-relay:killed', busB)];
    a.start();
    await a.caughtUp();
    b.start();
    await b.caughtUp();
    expect([a.relaying, b.relaying]).toEqual([true, false]);

    // The server ends the holder's session, as it does when a killed replica's socket closes.
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objsubid = 2 and objid = hashtext('outbox-relay:killed')::oid`,
    );
    await admin.end();
    await eventually(() => expect([a.relaying, b.relaying]).toEqual([false, true]), { timeoutMs: 5_000 });
    const pingId = await ping();
    await eventually(() => expect(busB.published).toContain(pingId));
    await Promise.all([a.stop(), b.stop()]);
  });

  it('relays on every replica without a lease, as before', async () => {
    const bus = recordingBus();
    const relay = new OutboxRelay(store, bus, { name: 'unleased' });
    relay.start();
    const pingId = await ping();
    await relay.caughtUp();
    expect(bus.published).toContain(pingId);
    await relay.stop();
  });
});
