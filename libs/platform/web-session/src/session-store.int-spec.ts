import { createHash } from 'node:crypto';
import { createTestDatabase, queryOnce, type TestDatabase } from '@vertrouwd/testing';
import { SessionStore } from './session-store';

const SECRET = 'web-session-test-secret-of-at-least-32-chars';
const PLANTED = 'PLANTED-bearer-token-value';
const hash = (id: string) => createHash('sha256').update(id).digest();

describe('server-side sessions in PostgreSQL', () => {
  let db: TestDatabase;
  const stores: SessionStore<unknown>[] = [];
  const open = async <T>(options: Partial<Parameters<typeof SessionStore.open>[0]> = {}) => {
    const store = await SessionStore.open<T>({ databaseUrl: db.url, table: 'sessions', secret: SECRET, ttlSeconds: 900, ...options });
    stores.push(store);
    return store;
  };
  const sql = <R extends Record<string, unknown>>(text: string, values: unknown[] = []) => queryOnce<R>(db.url, text, values);

  beforeAll(async () => {
    db = await createTestDatabase('web_session');
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await db?.drop();
  });

  it('keeps the data server-side and gives the browser only a random id', async () => {
    const store = await open<{ token: string }>();
    const { id, expiresAt } = await store.create({ token: PLANTED });
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 890_000);
    expect(await store.read(id)).toEqual({ token: PLANTED });
  });

  it('stores neither the id nor the data readably', async () => {
    const store = await open<{ token: string }>();
    const { id } = await store.create({ token: PLANTED });
    const rows = await sql("SELECT encode(id_hash, 'hex') AS id_hash, encode(sealed, 'escape') AS sealed FROM sessions");
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(id);
    expect(dump).not.toContain(PLANTED);
    expect(dump).not.toContain(Buffer.from(PLANTED).toString('hex'));
  });

  it('is shared: another store on the same table (another replica) reads it', async () => {
    const a = await open<{ n: number }>();
    const b = await open<{ n: number }>();
    const { id } = await a.create({ n: 1 });
    expect(await b.read(id)).toEqual({ n: 1 });
    expect(await b.update(id, { n: 2 })).toBe(true);
    expect(await a.read(id)).toEqual({ n: 2 });
  });

  it('does not open with another secret', async () => {
    const a = await open<{ n: number }>();
    const other = await open<{ n: number }>({ secret: 'another-secret-that-is-long-enough-to-use' });
    const { id } = await a.create({ n: 1 });
    expect(await other.read(id)).toBeUndefined();
  });

  it('does not open a sealed value moved to another row', async () => {
    const store = await open<{ who: string }>();
    const alice = await store.create({ who: 'alice' });
    const mallory = await store.create({ who: 'mallory' });
    await sql('UPDATE sessions SET sealed = (SELECT sealed FROM sessions WHERE id_hash = $1) WHERE id_hash = $2', [
      hash(alice.id),
      hash(mallory.id),
    ]);
    expect(await store.read(mallory.id)).toBeUndefined();
    expect(await store.read(alice.id)).toEqual({ who: 'alice' });
  });

  it('rotates: the same data under a new id, and the old id stops working at once', async () => {
    const store = await open<{ n: number }>();
    const { id } = await store.create({ n: 7 });
    const rotated = await store.rotate(id);
    expect(rotated?.id).not.toBe(id);
    expect(await store.read(id)).toBeUndefined();
    expect(await store.read(rotated!.id)).toEqual({ n: 7 });
    expect(await store.rotate(id)).toBeUndefined();
  });

  it('ends at its expiry, and when destroyed; a sweep removes what ended', async () => {
    const store = await open<{ n: number }>();
    const ended = await store.create({ n: 1 });
    const live = await store.create({ n: 2 });
    const destroyed = await store.create({ n: 3 });
    await sql("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1", [hash(ended.id)]);
    await store.destroy(destroyed.id);
    expect(await store.read(ended.id)).toBeUndefined();
    expect(await store.update(ended.id, { n: 9 })).toBe(false);
    expect(await store.read(destroyed.id)).toBeUndefined();
    expect(await store.read(live.id)).toEqual({ n: 2 });
    expect(await store.sweep()).toBeGreaterThanOrEqual(1);
    const rows = await sql('SELECT count(*)::int AS n FROM sessions WHERE expires_at <= now()');
    expect(rows[0].n).toBe(0);
  });

  it('ends early when idle, and use keeps it alive', async () => {
    const store = await open<{ n: number }>({ table: 'idle_sessions', ttlSeconds: 3600, idleSeconds: 60 });
    const idle = await store.create({ n: 1 });
    const used = await store.create({ n: 2 });
    // Both were last used 61 s ago…
    await sql("UPDATE idle_sessions SET idle_until = now() - interval '1 second' WHERE id_hash = $1", [hash(idle.id)]);
    // …but this one was read 30 s ago, which moved its idle end to 30 s from now.
    await sql("UPDATE idle_sessions SET idle_until = now() + interval '30 seconds' WHERE id_hash = $1", [hash(used.id)]);
    expect(await store.read(idle.id)).toBeUndefined();
    expect(await store.read(used.id)).toEqual({ n: 2 });
    const [row] = await sql('SELECT extract(epoch from idle_until - now())::int AS left FROM idle_sessions WHERE id_hash = $1', [
      hash(used.id),
    ]);
    expect(row.left).toBeGreaterThan(55);
  });

  it('writes a read as use only when it moves the idle end by more than a tenth of the idle time', async () => {
    const store = await open<{ n: number }>({ table: 'touch_sessions', ttlSeconds: 3600, idleSeconds: 600 });
    const session = await store.create({ n: 3 });
    const idleUntil = async () =>
      (
        await sql<{ idle_until: Date }>('SELECT idle_until FROM touch_sessions WHERE id_hash = $1', [hash(session.id)])
      )[0].idle_until.getTime();
    // Used 30 s ago: its idle end is 570 s away; a read moves it by 30 s, less than the 60 s step: no write.
    await sql("UPDATE touch_sessions SET idle_until = now() + interval '570 seconds' WHERE id_hash = $1", [hash(session.id)]);
    const before = await idleUntil();
    expect(await store.read(session.id)).toEqual({ n: 3 });
    expect(await idleUntil()).toBe(before);
    // Used 90 s ago: the read moves it by 90 s, and it is written.
    await sql("UPDATE touch_sessions SET idle_until = now() + interval '510 seconds' WHERE id_hash = $1", [hash(session.id)]);
    const stale = await idleUntil();
    expect(await store.read(session.id)).toEqual({ n: 3 });
    expect((await idleUntil()) - stale).toBeGreaterThan(85_000);
  });

  it('is changed by one process at a time: a second change waits for the first and sees what it wrote', async () => {
    const one = await open<{ refresh: string; uses: number }>({ table: 'modified_sessions' });
    const other = await open<{ refresh: string; uses: number }>({ table: 'modified_sessions' });
    const session = await one.create({ refresh: 'r0', uses: 0 });
    const redeemed: string[] = [];
    // Each change redeems the refresh token it finds, as the portal's refresh does with an issuer that rotates them.
    const redeem = (store: SessionStore<{ refresh: string; uses: number }>) =>
      store.modify(session.id, async (data) => {
        redeemed.push(data.refresh);
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { refresh: `r${data.uses + 1}`, uses: data.uses + 1 };
      });
    await Promise.all([redeem(one), redeem(other), redeem(one), redeem(other)]);
    expect(redeemed).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(await other.read(session.id)).toEqual({ refresh: 'r4', uses: 4 });
  });

  it('is ended by a change that answers nothing, left as it is by one that answers the same, and not changed once ended', async () => {
    const store = await open<{ n: number }>({ table: 'modified_sessions' });
    const session = await store.create({ n: 1 });
    expect(await store.modify(session.id, (data) => Promise.resolve(data))).toEqual({ n: 1 });
    await expect(store.modify(session.id, () => Promise.reject(new Error('the issuer is down')))).rejects.toThrow('the issuer is down');
    expect(await store.read(session.id)).toEqual({ n: 1 });
    expect(await store.modify(session.id, () => Promise.resolve(undefined))).toBeUndefined();
    expect(await store.read(session.id)).toBeUndefined();
    let called = false;
    expect(await store.modify(session.id, (data) => ((called = true), Promise.resolve(data)))).toBeUndefined();
    expect(called).toBe(false);
  });

  it('refuses unsafe settings', async () => {
    await expect(open({ table: 'sessions; DROP TABLE x' })).rejects.toThrow('table name');
    await expect(open({ secret: 'short' })).rejects.toThrow('32 characters');
    await expect(open({ ttlSeconds: 60, idleSeconds: 120 })).rejects.toThrow('idleSeconds');
  });
});
