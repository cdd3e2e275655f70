import { createHash } from 'node:crypto';
import { createTestDatabase, eventually, queryOnce, type TestDatabase } from '@vertrouwd/testing';
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

  it('refuses a cache longer than a minute', async () => {
    await expect(
      SessionStore.open({ databaseUrl: db.url, table: 'refused_cache', secret: SECRET, ttlSeconds: 900, cacheSeconds: 61 }),
    ).rejects.toThrow('cacheSeconds');
  });
});
