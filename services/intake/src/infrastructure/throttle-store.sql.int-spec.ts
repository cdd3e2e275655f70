import { DataSource } from 'typeorm';
import type { StoreTransaction } from '@vertrouwd/event-sourcing';
import type { ReadModels } from '@vertrouwd/service-kit';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import type { BackOffPolicy } from '../domain/throttle/back-off';
import type { Granted, Refused } from '../application/ports/throttle-store.port';
import { Throttle1796500000030 } from './migrations/1796500000030-throttle';
import { SqlThrottleStore } from './throttle-store.sql';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const backOff: BackOffPolicy = { freeFailures: 5, firstWaitMs: MINUTE, maxWaitMs: 16 * MINUTE, forgetAfterMs: 24 * HOUR };
const roomy = { max: 1_000, windowMs: HOUR };

describe('SqlThrottleStore', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: SqlThrottleStore;
  // Two stores on one database stand for two replicas.
  let replica: SqlThrottleStore;
  let replicaSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('throttle_store');
    const open = async () => {
      const source = new DataSource({ type: 'postgres', url: db.url, migrations: [Throttle1796500000030] });
      await source.initialize();
      return source;
    };
    dataSource = await open();
    await dataSource.runMigrations();
    replicaSource = await open();
    store = new SqlThrottleStore({ dataSource } as ReadModels);
    replica = new SqlThrottleStore({ dataSource: replicaSource } as ReadModels);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await replicaSource?.destroy();
    await db?.drop();
  });

  const waitOf = (claim: Granted | Refused) => (claim.granted ? 0 : claim.waitMs);
  const attempt = (receipt: string, client: string, on = store) =>
    on.takeAttempt({ receipt: `r:${receipt}`, pair: `p:${receipt}:${client}`, client: `c:${client}` }, backOff, roomy);

  describe('rates', () => {
    it('grants the burst to claims fired together at two replicas, exactly, and refuses the rest uncounted', async () => {
      const limit = { max: 5, windowMs: HOUR };
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? store : replica).takeRate('burst', limit)));
      expect(claims.filter((claim) => claim.granted)).toHaveLength(5);
      // One is due every 12 minutes; hammering while refused does not push it further away.
      const waits = claims.map(waitOf).filter((wait) => wait > 0);
      for (const wait of waits) expect(wait).toBeLessThanOrEqual(12 * MINUTE);
      expect(waitOf(await store.takeRate('burst', limit))).toBeGreaterThan(11 * MINUTE);
    });

    it("answers claims made together in a report group's transaction each on its own, in as few statements as keys allow", async () => {
      const limit = { max: 2, windowMs: HOUR };
      const runner = dataSource.createQueryRunner();
      await runner.startTransaction();
      const statements: unknown[][] = [];
      const tx: StoreTransaction = {
        query: async <R>(text: string, values?: unknown[]) => {
          statements.push(values ?? []);
          const rows = (await runner.query(text, values)) as R[];
          return { rows, rowCount: rows.length };
        },
        appendToStream: () => Promise.reject(new Error('not in this test')),
      };
      try {
        const claims = await Promise.all(
          ['group-a', 'group-b', 'group-a', 'group-a', 'group-c'].map((key) => store.takeRate(key, limit, tx)),
        );
        // A key claimed three times in one turn is counted three times: its third claim is over the limit.
        expect(claims.map((claim) => claim.granted)).toEqual([true, true, true, false, true]);
        expect(waitOf(claims[3])).toBeGreaterThan(29 * MINUTE);
        expect(statements.map((values) => values[0])).toEqual([['group-a', 'group-b', 'group-c'], 'group-a', 'group-a']);
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
      expect((await replica.takeRate('group-b', limit)).granted).toBe(true);
      expect((await replica.takeRate('group-b', limit)).granted).toBe(false);
      expect((await replica.takeRate('group-a', limit)).granted).toBe(false);
    });

    it('gives a released claim back', async () => {
      const limit = { max: 2, windowMs: HOUR };
      await store.takeRate('released', limit);
      const second = await store.takeRate('released', limit);
      expect((await store.takeRate('released', limit)).granted).toBe(false);
      if (second.granted) await second.release();
      expect((await replica.takeRate('released', limit)).granted).toBe(true);
    });
  });

  describe('follow-up attempts', () => {
    it("grows every client's wait with the receipt's failures from all of them: doubling from the 5th, capped", async () => {
      const clients = Array.from({ length: 12 }, (_, i) => `client-${i}`);
      for (const client of clients) expect((await attempt('grows', client)).granted).toBe(true);
      const waits = [];
      for (const client of clients) waits.push(waitOf(await attempt('grows', client)));
      const expected = [0, 0, 0, 0, 1, 2, 4, 8, 16, 16, 16, 16].map((minutes) => minutes * MINUTE);
      waits.forEach((wait, i) => {
        expect(wait).toBeLessThanOrEqual(expected[i]);
        expect(wait).toBeGreaterThan(expected[i] - MINUTE / 2);
      });
    });

    it("refuses a client while its wait lasts without counting, and never holds up another client's first attempt", async () => {
      for (let i = 0; i < 5; i += 1) expect((await attempt('stranger', 'stranger')).granted).toBe(true);
      const refused = await Promise.all(Array.from({ length: 50 }, () => attempt('stranger', 'stranger', replica)));
      expect(refused.every((claim) => !claim.granted)).toBe(true);
      // 50 refusals counted nothing: the receipt still has 5 failures, so the 6th (another client) waits 2 minutes.
      const owner = await attempt('stranger', 'owner');
      expect(owner.granted).toBe(true);
      expect(waitOf(await attempt('stranger', 'owner'))).toBeGreaterThan(1.5 * MINUTE);
    });

    it('takes a matched attempt back: the pair may come again at once and the receipt counts one failure less', async () => {
      for (let i = 0; i < 4; i += 1) await attempt('matched', 'owner');
      const match = await attempt('matched', 'owner');
      expect(match.granted).toBe(true);
      if (match.granted) await match.release();
      expect((await attempt('matched', 'owner')).granted).toBe(true); // 5 failures now: this one sets a wait
      expect(waitOf(await attempt('matched', 'owner'))).toBeGreaterThan(0);
    });

    it('refuses, uncounted, a client whose failures on any receipt spent its own rate', async () => {
      const tight = { max: 3, windowMs: HOUR };
      const take = (receipt: string) =>
        store.takeAttempt({ receipt: `r:${receipt}`, pair: `p:${receipt}:x`, client: 'c:sprayer' }, backOff, tight);
      for (const receipt of ['a', 'b', 'c']) expect((await take(receipt)).granted).toBe(true);
      expect(waitOf(await take('d'))).toBeGreaterThan(19 * MINUTE);
      const [{ failures }] = await dataSource.query(`select failures from intake_throttle where key = 'r:d'`);
      expect(failures).toBe(0); // the refused attempt counted nothing against the receipt either
    });
  });

  it('sweeps counters that hold nothing back any more, and keeps the rest', async () => {
    await store.takeRate('short-lived', { max: 1, windowMs: 1 });
    await store.takeRate('long-lived', { max: 1, windowMs: HOUR });
    const keys = async () => (await dataSource.query('select key from intake_throttle')).map((row: { key: string }) => row.key);
    await eventually(async () => {
      await store.sweep();
      expect(await keys()).not.toContain('short-lived');
    });
    expect(await keys()).toContain('long-lived');
  });
});
