import { Client } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import type { RecordedEvent } from '../event-store.port';
import { InvalidAppendError, WrongExpectedVersionError } from '../errors';
import { GENESIS_HASH } from '../hash-chain';
import { batchParameters } from './append-batcher';
import { APPEND_SQL } from './append.sql';
import { chainHashes, encodeEvents } from './event-rows';
import { migrateEventStore } from './migrate';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const db: TestDatabase = await createTestDatabase('es_contract');
  const store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 4 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await db.drop();
    },
  };
});

describe('PostgresEventStore', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const event = (n: number) => ({ type: 'Counted', data: { n } });

  beforeAll(async () => {
    db = await createTestDatabase('es_pg');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 8 });
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  it("commits a transaction's appends and statements together, or none of them when it throws", async () => {
    await store.pool.query('create table tx_side (id text primary key)');
    const kept = await store.transaction(async (tx) => {
      await tx.query('insert into tx_side values ($1)', ['kept']);
      return tx.appendToStream('tx-kept', [event(1)], 'no_stream');
    });
    expect(kept.nextExpectedVersion).toBe(0);
    await expect(
      store.transaction(async (tx) => {
        await tx.query('insert into tx_side values ($1)', ['lost']);
        await tx.appendToStream('tx-lost', [event(1)], 'no_stream');
        await tx.appendToStream('tx-kept', [event(2)], 0);
        throw new Error('after the last write');
      }),
    ).rejects.toThrow('after the last write');
    expect((await store.pool.query('select id from tx_side')).rows).toEqual([{ id: 'kept' }]);
    expect(await store.readStream('tx-lost')).toEqual([]);
    expect((await store.readStream('tx-kept')).map((e) => e.data)).toEqual([{ n: 1 }]);
    // The head the rolled-back append would have left was never remembered: the chain goes on from the real one.
    await store.transaction((tx) => tx.appendToStream('tx-kept', [event(3)], 0));
    await expect(store.transaction((tx) => tx.appendToStream('tx-kept', [event(4)], 0))).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.verifyStream('tx-kept')).toMatchObject({ valid: true, eventsChecked: 2 });
    // Visible to readers of the global order once committed.
    const all = await store.readAll({ categories: ['tx'] });
    expect(all.map((e) => [e.streamId, e.data])).toEqual([
      ['tx-kept', { n: 1 }],
      ['tx-kept', { n: 3 }],
    ]);
  });

  it('sends statements issued together at once, and keeps none of them when one fails', async () => {
    await store.pool.query('create table tx_together (id text primary key)');
    const [, appended] = await store.transaction((tx) =>
      Promise.all([tx.query('insert into tx_together values ($1)', ['a']), tx.appendToStream('together-a', [event(1)], 'no_stream')]),
    );
    expect(appended.nextExpectedVersion).toBe(0);
    // The second insert breaks the primary key; the append sent after it is refused with the transaction.
    await expect(
      store.transaction((tx) =>
        Promise.all([
          tx.query('insert into tx_together values ($1)', ['b']),
          tx.query('insert into tx_together values ($1)', ['a']),
          tx.appendToStream('together-b', [event(1)], 'no_stream'),
        ]),
      ),
    ).rejects.toThrow();
    expect((await store.pool.query('select id from tx_together order by id')).rows).toEqual([{ id: 'a' }]);
    expect(await store.readStream('together-b')).toEqual([]);
    // The connection went back to the pool clean: the next transaction on it commits.
    await store.transaction((tx) => tx.appendToStream('together-b', [event(2)], 'no_stream'));
    expect((await store.readStream('together-b')).map((e) => e.data)).toEqual([{ n: 2 }]);
  });

  it("sends a turn's appends to streams of their own as one statement, each checked and answered on its own", async () => {
    await store.appendToStream('turn-c', [event(0)], 'no_stream');
    // What the transaction's connection is asked: the appends' statements, by name, with their streams.
    const sent: { name: string; streams: string }[] = [];
    const watched = new WeakSet<object>();
    const watch = (client: { query: (...args: unknown[]) => unknown }) => {
      if (watched.has(client)) return;
      watched.add(client);
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        const config = args[0] as { name?: string; values?: unknown[] };
        if (config?.name?.startsWith('es_append')) sent.push({ name: config.name, streams: String(config.values?.[0]) });
        return query(...args);
      };
    };
    store.pool.on('acquire', watch);
    try {
      const outcomes = await store.transaction((tx) =>
        Promise.allSettled([
          tx.appendToStream('turn-a', [event(1)], 'no_stream'),
          tx.appendToStream('turn-b', [event(1), event(2)], 'no_stream'),
          tx.appendToStream('turn-c', [event(1)], 5),
          tx.appendToStream('turn-a', [event(2)], 0),
        ]),
      );
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.nextExpectedVersion : o.reason))).toEqual([
        0,
        1,
        expect.any(WrongExpectedVersionError),
        1,
      ]);
      expect(((outcomes[2] as PromiseRejectedResult).reason as WrongExpectedVersionError).actualVersion).toBe(0);
    } finally {
      store.pool.off('acquire', watch);
    }
    // The three streams in one statement; the stream's second append of the turn after it, on its own.
    expect(sent[0]).toEqual({ name: 'es_append', streams: 'turn-a\nturn-b\nturn-c' });
    expect(sent.slice(1).every((s) => s.streams === 'turn-a')).toBe(true);
    expect((await store.readStream('turn-a')).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect((await store.readStream('turn-b')).map((e) => e.version)).toEqual([0, 1]);
    expect((await store.readStream('turn-c')).map((e) => e.data)).toEqual([{ n: 0 }]);
    for (const stream of ['turn-a', 'turn-b', 'turn-c']) expect((await store.verifyStream(stream)).valid).toBe(true);
    // The heads the turn learnt were kept: the next appends chain on at once.
    await store.transaction((tx) => Promise.all([tx.appendToStream('turn-a', [event(3)], 1), tx.appendToStream('turn-b', [event(3)], 1)]));
    expect(await store.verifyStream('turn-a')).toMatchObject({ valid: true, eventsChecked: 3 });
  });

  it("sends a turn's append again, alone, when the head it chained onto moved", async () => {
    const other = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    try {
      await store.appendToStream('moved-a', [event(0)], 'no_stream');
      // Another process appends: this store's head of the stream is stale.
      await other.appendToStream('moved-a', [event(1)], 0);
      const [a, b] = await store.transaction((tx) =>
        Promise.all([tx.appendToStream('moved-a', [event(2)], 1), tx.appendToStream('moved-b', [event(0)], 'no_stream')]),
      );
      expect([a.nextExpectedVersion, b.nextExpectedVersion]).toEqual([2, 0]);
      expect(await store.verifyStream('moved-a')).toMatchObject({ valid: true, eventsChecked: 3 });
    } finally {
      await other.close();
    }
  });

  it("prepares a transaction's named statement once per connection and runs it again by name", async () => {
    await store.pool.query('create table tx_named (n int primary key)');
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const prepared = await store.transaction(async (tx) => {
        await tx.query('insert into tx_named values ($1)', [n], 'tx_named_insert');
        return (await tx.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements where name = 'tx_named_insert'"))
          .rows[0].n;
      });
      expect(prepared).toBe(1);
    }
    expect((await store.pool.query('select count(*)::int as n from tx_named')).rows[0].n).toBe(12);
  });

  it('applies its migrations once, however often and concurrently it starts', async () => {
    const applied = await Promise.all([migrateEventStore(store.pool), migrateEventStore(store.pool)]);
    expect(applied).toEqual([[], []]);
    const { rows } = await store.pool.query('select version from es_schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it('shares one commit between concurrent appends, each with its own version check', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.appendToStream(`group-${i}`, [event(0)], 'no_stream')));
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => store.appendToStream(`group-${i}`, [event(1)], i % 4 === 0 ? 7 : 0)),
    );
    const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [i] : []));
    expect(failed).toEqual(Array.from({ length: 10 }, (_, k) => k * 4));
    for (const i of failed) {
      expect((results[i] as PromiseRejectedResult).reason).toEqual(expect.any(WrongExpectedVersionError));
      expect(((results[i] as PromiseRejectedResult).reason as WrongExpectedVersionError).actualVersion).toBe(0);
    }
    const { rows } = await store.pool.query<{ commits: string }>(
      "select count(distinct xmin::text) as commits from es_events where stream_id like 'group-%' and version = 1",
    );
    expect(Number(rows[0].commits)).toBeLessThan(30);
  });

  it('detects a tampered event when verifying the chain', async () => {
    await store.appendToStream('tamper-1', [event(1), event(2), event(3)], 'no_stream');
    expect((await store.verifyStream('tamper-1')).valid).toBe(true);
    await store.pool.query(`update es_events set data = '{"type":"Counted","n":99}' where stream_id = 'tamper-1' and version = 1`);
    expect(await store.verifyStream('tamper-1')).toMatchObject({ valid: false, brokenAt: 1, reason: 'content does not match its hash' });
  });

  it('never lets a reader skip an event whose transaction commits after a higher-positioned one', async () => {
    const slow = new Client(db.url);
    await slow.connect();
    const seen: bigint[] = [];
    const head = await store.headPosition();
    const subscription = store.subscribe({
      subscriptionId: 'out-of-order',
      filter: { categories: ['ooo'] },
      handle: async (events) => void seen.push(...events.map((e) => e.position)),
    });
    try {
      // The slow writer takes the lower position in a transaction it keeps open...
      const events = encodeEvents([{ type: 'Counted', data: { n: 1 } }]);
      const batch = batchParameters([
        { streamId: 'ooo-slow', expected: -2, prevHash: GENESIS_HASH, events, hashes: chainHashes(events, GENESIS_HASH) },
      ]);
      await slow.query('begin');
      const {
        rows: [lower],
      } = await slow.query(APPEND_SQL, batch);
      // ...while a fast writer takes a higher one and commits first.
      const higher = await store.appendToStream('ooo-fast', [event(2)], 'no_stream');
      expect(higher.position).toBeGreaterThan(BigInt(lower.last_position));
      expect(await store.readAll({ after: head, categories: ['ooo'] })).toEqual([]);
      expect(await store.headPosition()).toBeLessThan(BigInt(lower.last_position));
      // caughtUp() waits for everything committed before it, here the higher event, which it cannot
      // deliver before the lower one: it resolves only once the slow writer has committed.
      let caughtUp = false;
      const waiting = subscription.caughtUp().then(() => (caughtUp = true));
      await store.readAll({ after: head, categories: ['ooo'] });
      expect(caughtUp).toBe(false);
      expect(seen).toEqual([]);

      await slow.query('commit');
      await waiting;
      expect(seen).toEqual([BigInt(lower.last_position), higher.position]);
      const all = await store.readAll({ after: head, categories: ['ooo'] });
      expect(all.map((e) => e.streamId)).toEqual(['ooo-slow', 'ooo-fast']);
    } finally {
      await subscription.stop();
      await slow.end();
    }
  });

  it('answers the safe position from the events since a known one, and from the lock table when one is missing (ADR 0081)', async () => {
    const admin = new Client(db.url);
    const writer = new Client(db.url);
    await admin.connect();
    await writer.connect();
    const safe = async (known?: bigint) =>
      BigInt(
        (
          await admin.query<{ safe: string }>(
            known === undefined ? 'select es_safe_position() as safe' : 'select es_safe_position($1::bigint) as safe',
            known === undefined ? [] : [String(known)],
          )
        ).rows[0].safe,
      );
    const allocated = async () => BigInt((await admin.query<{ n: string }>('select last_value as n from es_position_seq')).rows[0].n);
    const appendOpen = async (streamId: string) => {
      const events = encodeEvents([{ type: 'Counted', data: { n: 1 } }]);
      await writer.query('begin');
      const { rows } = await writer.query(
        APPEND_SQL,
        batchParameters([{ streamId, expected: -2, prevHash: GENESIS_HASH, events, hashes: chainHashes(events, GENESIS_HASH) }]),
      );
      return BigInt(rows[0].last_position);
    };
    try {
      await store.appendToStream('safe-a', [event(1)], 'no_stream');
      const known = await safe();
      expect(known).toBe(await allocated());
      // Committed since: the allocated position, without a missing one.
      await store.appendToStream('safe-b', [event(1), event(2), event(3)], 'no_stream');
      expect(await safe(known)).toBe(await allocated());
      // In flight below a committed one: never past it, whatever the caller knew.
      const open = await appendOpen('safe-open');
      await store.appendToStream('safe-c', [event(1)], 'no_stream');
      expect(await safe(known)).toBe(open - 1n);
      expect(await safe()).toBe(open - 1n);
      await writer.query('commit');
      expect(await safe(known)).toBe(await allocated());
      // Rolled back: its positions never come, and the lock table says nothing waits for them.
      const known2 = await safe();
      await appendOpen('safe-gone');
      await writer.query('rollback');
      await store.appendToStream('safe-d', [event(1)], 'no_stream');
      expect(await safe(known2)).toBe(await allocated());
      // Asked inside a transaction that appended and has not committed: not past its own events (it would count them).
      const known3 = await safe();
      const own = await appendOpen('safe-own');
      const asked = BigInt(
        (await writer.query<{ safe: string }>('select es_safe_position($1::bigint) as safe', [String(known3)])).rows[0].safe,
      );
      expect(asked).toBe(own - 1n);
      await writer.query('commit');
      // Nothing allocated since: the known one; too far behind to count: the lock table's answer.
      expect(await safe(await allocated())).toBe(await allocated());
      expect(await safe(0n)).toBe(await safe());
    } finally {
      await writer.query('rollback').catch(() => undefined);
      await writer.end();
      await admin.end();
    }
  });

  it('delivers every event exactly once in position order while many writers commit concurrently', async () => {
    const writers = await Promise.all([1, 2, 3].map(() => PostgresEventStore.create({ connectionString: db.url, poolSize: 4 })));
    const positions: bigint[] = [];
    const head = await store.headPosition();
    const subscription = store.subscribe({
      subscriptionId: 'stress',
      filter: { categories: ['stress'] },
      batchSize: 7,
      handle: async (events: RecordedEvent[]) => void positions.push(...events.map((e) => e.position)),
    });
    try {
      await Promise.all(
        writers.flatMap((writer, w) =>
          Array.from({ length: 10 }, async (_, s) => {
            for (let v = 0; v < 10; v += 2) {
              await writer.appendToStream(`stress-${w}-${s}`, [event(v), event(v + 1)], v === 0 ? 'no_stream' : v - 1);
            }
          }),
        ),
      );
      const events = await store.readAll({ after: head, categories: ['stress'] });
      const all = events.map((e) => e.position);
      expect(all).toHaveLength(300);
      // In global order, each stream's versions come up one by one.
      const next = new Map<string, number>();
      for (const e of events) {
        expect(e.version).toBe(next.get(e.streamId) ?? 0);
        next.set(e.streamId, e.version + 1);
      }
      await eventually(() => expect(positions).toEqual(all));
    } finally {
      await subscription.stop();
      await Promise.all(writers.map((w) => w.close()));
    }
  });

  it('chains concurrent appends to one stream from one process, whatever they expect', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        store.appendToStream('busy-1', [event(n)], n % 2 ? 'any' : n === 0 ? 'no_stream' : 'stream_exists'),
      ),
    );
    expect(results.map((r) => r.nextExpectedVersion).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await store.verifyStream('busy-1')).toEqual({ valid: true, eventsChecked: 8 });
  });

  it('answers a replay of an earlier append as a replay, even at the current version', async () => {
    const x = { ...event(1), id: '01960000-0000-7000-8000-0000000000aa' };
    const first = await store.appendToStream('replay-1', [x], 'no_stream');
    await store.appendToStream('replay-1', [event(2)], 0);
    expect(await store.appendToStream('replay-1', [x], 1)).toEqual(first);
    expect(await store.readStream('replay-1')).toHaveLength(2);
  });

  it('refuses data it could not store and read back unchanged, without failing the appends beside it', async () => {
    const bad = [
      store.appendToStream('bad-1', [{ type: 'X', data: { text: 'a\u0000b' } }], 'no_stream'),
      store.appendToStream('bad-2', [{ type: 'X', data: { text: '\ud800' } }], 'no_stream'),
      store.appendToStream('bad-3', [{ type: 'X', data: () => 1 }], 'no_stream'),
      store.appendToStream('bad-4', [{ type: 'X', data: {}, metadata: { note: 'a\u0000b' } }], 'no_stream'),
    ];
    const good = store.appendToStream('good-1', [{ type: 'X', data: { text: 'ok 😀 \\u0000 literally' } }], 'no_stream');
    for (const attempt of bad) await expect(attempt).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(good).resolves.toEqual(expect.objectContaining({ nextExpectedVersion: 0 }));
    expect((await store.readStream('good-1'))[0].data).toEqual({ text: 'ok 😀 \\u0000 literally' });
  });

  it('does not spin when a failing handler is woken again and again', async () => {
    let attempts = 0;
    const subscription = store.subscribe({
      subscriptionId: 'spin',
      filter: { categories: ['spin'] },
      handle: async () => {
        attempts += 1;
        throw new Error('always');
      },
      onError: () => {
        throw new Error('an error handler that throws');
      },
    });
    await store.appendToStream('spin-1', [event(1)], 'no_stream');
    for (let n = 0; n < 20; n += 1) await store.appendToStream(`spin-wake-${n}`, [event(n)], 'no_stream');
    await eventually(() => expect(attempts).toBeGreaterThanOrEqual(3));
    // Back-off of 100, 200, 400 ms between attempts, however many wake-ups arrived meanwhile.
    expect(attempts).toBeLessThan(6);
    await subscription.stop();
  });

  it('finishes the work under way when closed, then refuses more', async () => {
    const closing = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    const appends = Array.from({ length: 5 }, (_, n) => closing.appendToStream(`closing-${n}`, [event(n)], 'no_stream'));
    const read = closing.readAll({ maxCount: 10 });
    await closing.close();
    await expect(Promise.all(appends)).resolves.toHaveLength(5);
    await expect(read).resolves.toBeDefined();
    await expect(closing.appendToStream('closing-late', [event(9)], 'no_stream')).rejects.toThrow('closed');
  });

  it('reads on from what a subscription has seen, not from the last event its filter let through', async () => {
    const watched = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    // Where each filtered read of the subscription starts.
    const readsAfter: bigint[] = [];
    const query = watched.pool.query.bind(watched.pool) as (...args: unknown[]) => unknown;
    (watched.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
      const { name, values } = (config ?? {}) as { name?: string; values?: unknown[] };
      if (name === 'es_read_all_filtered' && values) readsAfter.push(BigInt(values[0] as string));
      return query(config, ...rest);
    };
    const seen: number[] = [];
    const subscription = watched.subscribe({
      subscriptionId: 'rare',
      filter: { categories: ['rare'] },
      handle: async (events) => void seen.push(...events.map((e) => (e.data as { n: number }).n)),
    });
    try {
      await subscription.caughtUp();
      // Events the filter skips: once read past, never read again.
      const skipped = await store.appendToStream('common-1', [event(1), event(2), event(3)], 'no_stream');
      await subscription.caughtUp();
      readsAfter.length = 0;
      await store.appendToStream('common-2', [event(4)], 'no_stream');
      await subscription.caughtUp();
      await store.appendToStream('rare-1', [event(42)], 'no_stream');
      await eventually(() => expect(seen).toEqual([42]), { timeoutMs: 5_000 });
      expect(readsAfter.length).toBeGreaterThan(0);
      expect(readsAfter.filter((after) => after < skipped.position)).toEqual([]);
      // What it reports as handled is still the last event it handled.
      expect(subscription.position).toBe((await store.readStream('rare-1'))[0].position);
    } finally {
      await watched.close();
    }
  });

  it('wakes a live subscription by NOTIFY, not by its poll', async () => {
    const slowPoll = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2, pollIntervalMs: 600_000 });
    const seen: number[] = [];
    const subscription = slowPoll.subscribe({
      subscriptionId: 'notify',
      filter: { categories: ['notify'] },
      handle: async (events) => void seen.push(...events.map((e) => (e.data as { n: number }).n)),
    });
    try {
      await subscription.caughtUp();
      await store.appendToStream('notify-1', [event(42)], 'no_stream');
      await eventually(() => expect(seen).toEqual([42]), { timeoutMs: 5_000 });
    } finally {
      await slowPoll.close();
    }
  });
});
