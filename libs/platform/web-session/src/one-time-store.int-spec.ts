import { createTestDatabase, queryOnce, type TestDatabase } from '@vertrouwd/testing';
import { OneTimeStore } from './one-time-store';

// What the reporter relies on: the receipt shown after the redirect is shown once, by whichever process answers, and
// what waits in the database cannot be read by anyone holding only the database.
const RECEIPT = { receiptCode: 'K7QW-3MZP-9RTX-2VHB-0001', passphrase: 'AB3DE-FG4HJ-KM5NP-QR6ST-VW7XY-Z8ABC', proof: { signature: 's' } };
type Receipt = typeof RECEIPT;

describe('a value kept for one taking, in PostgreSQL', () => {
  let db: TestDatabase;
  const stores: OneTimeStore<unknown>[] = [];
  const open = async (ttlSeconds = 600) => {
    const store = await OneTimeStore.open<Receipt>({ databaseUrl: db.url, table: 'receipt_views', ttlSeconds });
    stores.push(store);
    return store;
  };
  const sql = <R extends Record<string, unknown>>(text: string, values: unknown[] = []) => queryOnce<R>(db.url, text, values);

  beforeAll(async () => {
    db = await createTestDatabase('one_time');
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await db?.drop();
  });

  it('is taken once, then never again', async () => {
    const store = await open();
    const token = await store.keep(RECEIPT);
    expect(token).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(await store.take(token)).toEqual(RECEIPT);
    expect(await store.take(token)).toBeUndefined();
  });

  it('is kept by one process and taken by another (two stores on one database)', async () => {
    const one = await open();
    const other = await open();
    const token = await one.keep(RECEIPT);
    expect(await other.take(token)).toEqual(RECEIPT);
    expect(await one.take(token)).toBeUndefined();
  });

  it('goes to one of two requests that take it at the same moment, never both', async () => {
    const [one, other] = [await open(), await open()];
    for (let round = 0; round < 20; round++) {
      const token = await one.keep(RECEIPT);
      const taken = await Promise.all([one.take(token), other.take(token), one.take(token)]);
      expect(taken.filter((value) => value !== undefined)).toEqual([RECEIPT]);
    }
  });

  it('leaves the database unable to read it: no receipt code or passphrase in any byte, only the id’s hash', async () => {
    const store = await open();
    const token = await store.keep(RECEIPT);
    const rows = await sql<{ id_hash: Buffer; sealed: Buffer }>('select id_hash, sealed from receipt_views');
    const bytes = Buffer.concat(rows.flatMap((row) => [row.id_hash, row.sealed])).toString('latin1');
    for (const secret of [RECEIPT.receiptCode, RECEIPT.passphrase, token, Buffer.from(token, 'base64url').toString('latin1')])
      expect(bytes).not.toContain(secret);
    await store.take(token);
  });

  it('gives nothing for a token whose key was changed, and deletes the row all the same', async () => {
    const store = await open();
    const token = await store.keep(RECEIPT);
    const bytes = Buffer.from(token, 'base64url');
    bytes[40] ^= 0xff; // in the key, not the id
    expect(await store.take(bytes.toString('base64url'))).toBeUndefined();
    expect(await store.take(token)).toBeUndefined();
  });

  it('gives nothing for a made-up, malformed or missing token', async () => {
    const store = await open();
    await store.keep(RECEIPT);
    for (const token of [undefined, '', 'made-up', 'A'.repeat(86), `${'A'.repeat(85)}!`, "x' or 1=1 --"])
      expect(await store.take(token)).toBeUndefined();
  });

  it('gives nothing once its time is up, and the sweep removes it', async () => {
    await sql('delete from receipt_views');
    const store = await open(1);
    const expired = await store.keep(RECEIPT);
    const swept = await store.keep(RECEIPT);
    await sql(`update receipt_views set expires_at = now() - interval '1 second'`);
    expect(await store.take(expired)).toBeUndefined();
    expect(await store.sweep()).toBe(1);
    expect(await store.take(swept)).toBeUndefined();
    expect(await sql('select count(*)::int as n from receipt_views')).toEqual([{ n: 0 }]);
  });
});
