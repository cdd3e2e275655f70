import { createHash } from 'node:crypto';
import { connect, createServer, type AddressInfo } from 'node:net';
import { createTestDatabase, eventually, queryOnce, type TestDatabase } from '@vertrouwd/testing';
import { SessionCache } from './session-cache';
import { SessionStore } from './session-store';

const SECRET = 'web-session-test-secret-of-at-least-32-chars';
const hash = (id: string) => createHash('sha256').update(id).digest();

describe('sessions kept in memory between reads (cacheSeconds)', () => {
  let db: TestDatabase;
  const stores: SessionStore<unknown>[] = [];
  /** A store as one portal process has it: sessions cached for a minute, longer than any wait below. */
  const open = async <T>(table: string) => {
    const store = await SessionStore.open<T>({ databaseUrl: db.url, table, secret: SECRET, ttlSeconds: 900, cacheSeconds: 60 });
    stores.push(store);
    return store;
  };
  const sql = <R extends Record<string, unknown>>(text: string, values: unknown[] = []) => queryOnce<R>(db.url, text, values);
  const gone = (table: string, id: string) => sql(`DELETE FROM ${table} WHERE id_hash = $1`, [hash(id)]);

  beforeAll(async () => {
    db = await createTestDatabase('web_session_cache');
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await db?.drop();
  });

  it('answers a read again from memory: a row removed behind its back is still served', async () => {
    const store = await open<{ n: number }>('cached_sessions');
    const { id } = await store.create({ n: 1 });
    expect(await store.read(id)).toEqual({ n: 1 });
    await gone('cached_sessions', id); // no store did this: no process is told
    expect(await store.read(id)).toEqual({ n: 1 });
  });

  it('gives every caller the same data, which none can change', async () => {
    const store = await open<{ user: { roles: string[] } }>('frozen_cached');
    const { id } = await store.create({ user: { roles: ['advisor'] } });
    const first = (await store.read(id))!;
    expect(() => first.user.roles.push('admin')).toThrow(TypeError);
    expect(() => {
      first.user = { roles: ['admin'] };
    }).toThrow(TypeError);
    expect(await store.read(id)).toEqual({ user: { roles: ['advisor'] } });
  });

  it('drops a session changed or ended by another process (replica) as soon as that change commits', async () => {
    const a = await open<{ n: number }>('shared_cached');
    const b = await open<{ n: number }>('shared_cached');
    const { id } = await a.create({ n: 1 });
    expect(await a.read(id)).toEqual({ n: 1 });
    expect(await b.read(id)).toEqual({ n: 1 });

    expect(await b.update(id, { n: 2 })).toBe(true);
    await eventually(async () => expect(await a.read(id)).toEqual({ n: 2 }), { timeoutMs: 5_000 });

    await b.modify(id, async (data) => ({ n: data.n + 1 }));
    await eventually(async () => expect(await a.read(id)).toEqual({ n: 3 }), { timeoutMs: 5_000 });

    await b.destroy(id);
    await eventually(async () => expect(await a.read(id)).toBeUndefined(), { timeoutMs: 5_000 });
  });

  it('drops a session at once in the process that ends or rotates it', async () => {
    const store = await open<{ n: number }>('own_cached');
    const ended = await store.create({ n: 1 });
    const rotated = await store.create({ n: 2 });
    const signedOut = await store.create({ n: 3 });
    for (const { id } of [ended, rotated, signedOut]) await store.read(id);

    await store.modify(ended.id, async () => undefined);
    expect(await store.read(ended.id)).toBeUndefined();
    const next = await store.rotate(rotated.id);
    expect(await store.read(rotated.id)).toBeUndefined();
    expect(await store.read(next!.id)).toEqual({ n: 2 });
    await store.destroy(signedOut.id);
    expect(await store.read(signedOut.id)).toBeUndefined();
  });

  it('never serves a session past its own end, however recently it was read', async () => {
    const store = await open<{ n: number }>('ending_cached');
    const { id } = await store.create({ n: 1 });
    await sql("UPDATE ending_cached SET expires_at = now() + interval '300 milliseconds' WHERE id_hash = $1", [hash(id)]);
    expect(await store.read(id)).toEqual({ n: 1 });
    await eventually(async () => expect(await store.read(id)).toBeUndefined(), { timeoutMs: 5_000 });
  });

  it('serves nothing from memory while it cannot hear changes, and caches again once it can', async () => {
    const store = await open<{ n: number }>('deaf_cached');
    const { id } = await store.create({ n: 1 });
    expect(await store.read(id)).toEqual({ n: 1 });
    // The listener's connection dies (a restarted database, a network fault): a change now would go unheard.
    await sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'deaf_cached_cache'");
    await gone('deaf_cached', id);
    await eventually(async () => expect(await store.read(id)).toBeUndefined(), { timeoutMs: 5_000 });

    // It reconnects and listens again: what it reads is remembered again.
    await eventually(async () => {
      const again = await store.create({ n: 2 });
      expect(await store.read(again.id)).toEqual({ n: 2 });
      await gone('deaf_cached', again.id);
      expect(await store.read(again.id)).toEqual({ n: 2 });
    });
  });

  it('asks the database again once the idle end it read has passed (the read there may have moved it)', async () => {
    const store = await open<{ n: number }>('idle_cached');
    const { id } = await store.create({ n: 1 });
    await sql("UPDATE idle_cached SET idle_until = now() + interval '300 milliseconds' WHERE id_hash = $1", [hash(id)]);
    expect(await store.read(id)).toEqual({ n: 1 });
    await gone('idle_cached', id); // unheard: only asking the database again shows it
    expect(await store.read(id)).toEqual({ n: 1 });
    await eventually(async () => expect(await store.read(id)).toBeUndefined(), { timeoutMs: 5_000 });
  });

  it('survives its database dropping every connection: the process stays up, reads go on', async () => {
    const store = await open<{ n: number }>('dropped_cached');
    const { id } = await store.create({ n: 1 });
    expect(await store.read(id)).toEqual({ n: 1 });
    await sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await eventually(async () => expect(await store.read(id)).toEqual({ n: 1 }), { timeoutMs: 5_000 });
  });

  describe('what a read may keep', () => {
    const caches: SessionCache[] = [];
    const started = async (maxEntries = 100) => {
      const cache = new SessionCache(db.url, 'bare_cache', 60_000, maxEntries, { reconnectMs: 50 });
      caches.push(cache);
      await cache.start();
      expect(cache.active).toBe(true);
      return cache;
    };
    const ends = () => ({ expiresAt: new Date(Date.now() + 600_000), idleUntil: new Date(Date.now() + 600_000), databaseNow: new Date() });
    const key = (n: number) => hash(`session-${n}`);
    afterAll(async () => {
      for (const cache of caches) await cache.close();
    });

    it('nothing, when a change was heard while it read', async () => {
      const cache = await started();
      const since = cache.generation;
      await sql("SELECT pg_notify('web_session_changes', 'bare_cache:' || $1)", [key(9).toString('hex')]);
      await eventually(() => expect(cache.generation).toBeGreaterThan(since));
      cache.remember(key(1), { n: 1 }, ends(), since);
      expect(cache.get(key(1))).toBeUndefined();
      cache.remember(key(1), { n: 1 }, ends(), cache.generation);
      expect(cache.get(key(1))).toEqual({ n: 1 });
    });

    it('nothing, when it read while the listener was lost and the listener came back (a change then went unheard)', async () => {
      const cache = await started();
      await sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bare_cache_cache'");
      await eventually(() => expect(cache.active).toBe(false));
      const since = cache.generation;
      await eventually(() => expect(cache.active).toBe(true));
      cache.remember(key(2), { n: 2 }, ends(), since);
      expect(cache.get(key(2))).toBeUndefined();
    });

    it('nothing from before the listener was lost, once it is back', async () => {
      const cache = await started();
      cache.remember(key(3), { n: 3 }, ends(), cache.generation);
      expect(cache.get(key(3))).toEqual({ n: 3 });
      await sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bare_cache_cache'");
      await eventually(() => expect(cache.active).toBe(false));
      await eventually(() => expect(cache.active).toBe(true));
      expect(cache.get(key(3))).toBeUndefined();
    });

    it('the newest, up to its size', async () => {
      const cache = await started(2);
      for (const n of [4, 5, 6]) cache.remember(key(n), { n }, ends(), cache.generation);
      expect(cache.get(key(4))).toBeUndefined();
      expect(cache.get(key(5))).toEqual({ n: 5 });
      expect(cache.get(key(6))).toEqual({ n: 6 });
    });

    it('ends on its own clock: a process whose clock runs an hour behind the database keeps nothing past the end', async () => {
      const cache = await started();
      const databaseNow = new Date(Date.now() + 3_600_000);
      cache.remember(
        key(7),
        { n: 7 },
        { expiresAt: new Date(databaseNow.getTime() + 200), idleUntil: new Date(databaseNow.getTime() + 600_000), databaseNow },
        cache.generation,
      );
      expect(cache.get(key(7))).toEqual({ n: 7 });
      await eventually(() => expect(cache.get(key(7))).toBeUndefined(), { timeoutMs: 5_000 });
    });

    it('nothing, while its connection does not answer (a network that dropped it silently)', async () => {
      // The listener reaches PostgreSQL through a relay that can fall silent: its socket stays open, nothing passes.
      const target = new URL(db.url);
      let silent = false;
      const relay = createServer((inbound) => {
        const outbound = connect(Number(target.port), target.hostname);
        inbound.on('data', (chunk) => silent || outbound.write(chunk));
        outbound.on('data', (chunk) => silent || inbound.write(chunk));
        inbound.on('error', () => outbound.destroy());
        outbound.on('error', () => inbound.destroy());
        inbound.on('close', () => outbound.destroy());
        outbound.on('close', () => inbound.destroy());
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
      const relayed = new URL(db.url);
      relayed.port = String((relay.address() as AddressInfo).port);
      // Over TCP to the relay: the embedded server's URL would otherwise name its Unix-domain socket (ADR 0080).
      relayed.searchParams.delete('host');
      const cache = new SessionCache(relayed.toString(), 'silent_cache', 60_000, 100, {
        heartbeatMs: 200,
        heartbeatTimeoutMs: 1_000,
        reconnectMs: 60_000,
      });
      caches.push(cache);
      try {
        await cache.start();
        cache.remember(key(8), { n: 8 }, ends(), cache.generation);
        expect(cache.get(key(8))).toEqual({ n: 8 });
        silent = true;
        await eventually(() => expect(cache.active).toBe(false), { timeoutMs: 5_000 });
        expect(cache.get(key(8))).toBeUndefined();
      } finally {
        await cache.close();
        relay.close();
      }
    });
  });

  it('refuses a cache longer than a minute', async () => {
    await expect(
      SessionStore.open({ databaseUrl: db.url, table: 'refused_cache', secret: SECRET, ttlSeconds: 900, cacheSeconds: 61 }),
    ).rejects.toThrow('cacheSeconds');
  });
});
