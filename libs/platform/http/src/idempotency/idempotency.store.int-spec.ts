import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { Pool } from 'pg';
import { migrateIdempotency, purgeIdempotencyKeys } from './idempotency.schema';
import { IdempotencyStore } from './idempotency.store';

describe('IdempotencyStore', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: IdempotencyStore;
  const answer = { status: 201, headers: { location: '/x' }, body: { id: 'x', b: 1, a: 2 } };

  beforeAll(async () => {
    db = await createTestDatabase('http_idem_store');
    pool = new Pool({ connectionString: db.url });
    const applied = await Promise.all([migrateIdempotency(pool), migrateIdempotency(pool), migrateIdempotency(pool)]);
    expect(applied.flat()).toEqual([1]);
    store = new IdempotencyStore(pool, 60_000);
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('claims a key once, then reports it in flight, reused or answered', async () => {
    const claim = await store.claim('k1', 'POST /x anonymous', 'h1');
    if (claim.outcome !== 'claimed') throw new Error(claim.outcome);
    await expect(store.claim('k1', 'POST /x anonymous', 'h1')).resolves.toEqual({ outcome: 'in-flight' });
    await expect(store.claim('k1', 'POST /x anonymous', 'h2')).resolves.toEqual({ outcome: 'mismatch' });
    await store.complete('k1', 'POST /x anonymous', claim.claimId, answer);
    const replay = await store.claim('k1', 'POST /x anonymous', 'h1');
    expect(replay).toEqual({ outcome: 'completed', response: answer });
    expect(Object.keys((replay as { response: { body: object } }).response.body)).toEqual(['id', 'b', 'a']);
  });

  it('lets a stale claim be taken over, and ignores the late original', async () => {
    const eager = new IdempotencyStore(pool, 0);
    const original = await eager.claim('k2', 'POST /x anonymous', 'h');
    const takeover = await eager.claim('k2', 'POST /x anonymous', 'h');
    if (original.outcome !== 'claimed' || takeover.outcome !== 'claimed') throw new Error('expected two claims');
    await eager.complete('k2', 'POST /x anonymous', original.claimId, { status: 500, headers: {}, body: undefined });
    await eager.release('k2', 'POST /x anonymous', original.claimId);
    await eager.complete('k2', 'POST /x anonymous', takeover.claimId, answer);
    await expect(store.claim('k2', 'POST /x anonymous', 'h')).resolves.toEqual({ outcome: 'completed', response: answer });
  });

  it('purges keys older than a day', async () => {
    await store.claim('old', 'POST /x anonymous', 'h');
    await pool.query("UPDATE http_idempotency SET created_at = now() - interval '25 hours' WHERE key = 'old'");
    await expect(purgeIdempotencyKeys(pool)).resolves.toBe(1);
    await expect(store.claim('old', 'POST /x anonymous', 'h')).resolves.toMatchObject({ outcome: 'claimed' });
  });
});
