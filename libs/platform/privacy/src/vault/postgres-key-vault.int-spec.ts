import { randomBytes } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import { createPrivacy, type Privacy } from '../create-privacy';
import { AlreadyShreddedError, KeyUnwrapError, MasterKeyMismatchError, UnknownKeyError } from '../errors';
import { MasterKeyWrapper } from '../keys/master-key-wrapper';
import { caseKey, subjectKey } from './key-ref';
import type { VaultTransaction } from './key-vault.port';
import { migratePrivacy } from './migrate';

/** The vault's statements on one held connection, as a service's transaction runs them. */
function onConnection(client: PoolClient): VaultTransaction {
  return {
    query: async <R>(text: string, values?: unknown[]) => {
      const { rows, rowCount } = await client.query(text, values);
      return { rows: rows as R[], rowCount: rowCount ?? 0 };
    },
  };
}

describe('PostgresKeyVault', () => {
  const masterKey = randomBytes(32);
  let db: TestDatabase;
  const pools: Pool[] = [];
  const opened: Privacy[] = [];

  async function open(options: { wrapper?: MasterKeyWrapper; name?: string } = {}): Promise<Privacy> {
    const pool = new Pool({ connectionString: db.url, max: 12, application_name: options.name ?? 'privacy-test' });
    // The test terminates a LISTEN connection on purpose; a pool must not turn that into an unhandled error.
    pool.on('error', () => undefined);
    pools.push(pool);
    const privacy = await createPrivacy({ pool, wrapper: options.wrapper ?? new MasterKeyWrapper(masterKey) });
    opened.push(privacy);
    return privacy;
  }

  beforeAll(async () => {
    db = await createTestDatabase('privacy');
  });
  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close()));
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  });

  it('migrates once, however often it is opened', async () => {
    const { sealer } = await open();
    expect(await migratePrivacy(pools[0])).toEqual([]);
    expect(await sealer.unseal(await sealer.seal('x', caseKey('case-migrate')))).toEqual({ status: 'ok', value: 'x' });
  });

  it('creates the keys of a new case in one statement: all of them, the same ones later found by ref and id', async () => {
    const { vault, sealer } = await open();
    const refs = [caseKey('case-fresh'), subjectKey('reporter', 'r-fresh', 'case-fresh')];
    const [forCase, forReporter] = await vault.createKeys(refs);
    expect((await vault.keyFor(refs[0])).keyId).toBe(forCase.keyId);
    expect((await vault.keyFor(refs[1])).keyId).toBe(forReporter.keyId);
    expect(await sealer.unseal(sealer.sealWith('hello', forReporter), { caseRef: 'case-fresh' })).toEqual({ status: 'ok', value: 'hello' });
    // A ref with a key already: nothing written, not even the other ref's key.
    await expect(vault.createKeys([subjectKey('witness', 'w-fresh', 'case-fresh'), refs[0]])).rejects.toThrow();
    const { rows } = await pools[0].query("select count(*)::int as n from privacy_keys where case_ref = 'case-fresh'");
    expect(rows[0].n).toBe(2);
  });

  it('creates no key, in one statement or a transaction, for a case or subject already shredded', async () => {
    const { vault } = await open();
    await vault.shredCase('case-gone');
    await vault.shredSubject('reporter', 'r-gone');
    await expect(vault.createKeys([caseKey('case-gone')])).rejects.toBeInstanceOf(AlreadyShreddedError);
    await expect(vault.createKeys([caseKey('case-new'), subjectKey('reporter', 'r-gone', 'case-new')])).rejects.toMatchObject({
      scope: 'subject',
    });
    const client = await pools[0].connect();
    try {
      await client.query('begin');
      const tx = onConnection(client);
      await vault.createKeys([caseKey('case-rolled-back')], tx);
      await client.query('rollback');
    } finally {
      client.release();
    }
    const { rows } = await pools[0].query(
      "select count(*)::int as n from privacy_keys where case_ref in ('case-new', 'case-rolled-back') or subject_ref = 'r-gone' and wrapped_key is not null",
    );
    expect(rows[0].n).toBe(0);
  });

  it('gives callers who create keys at the same moment each their own keys, though they share statements', async () => {
    const { vault, sealer } = await open();
    const cases = Array.from({ length: 40 }, (_, i) => `case-together-${i}`);
    const made = await Promise.all(cases.map((c) => vault.createKeys([caseKey(c), subjectKey('reporter', `r-${c}`, c)])));
    expect(new Set(made.flat().map((k) => k.keyId)).size).toBe(80);
    for (const [i, c] of cases.entries()) {
      expect((await vault.keyFor(caseKey(c))).keyId).toBe(made[i][0].keyId);
      const sealed = sealer.sealWith({ n: i }, made[i][1]);
      expect(await sealer.unseal(sealed, { caseRef: c })).toEqual({ status: 'ok', value: { n: i } });
    }
    const { rows } = await pools[0].query("select count(*)::int as n from privacy_keys where case_ref like 'case-together-%'");
    expect(rows[0].n).toBe(80);
  });

  it('refuses only the caller whose case was shredded, among callers who create keys at the same moment', async () => {
    const { vault } = await open();
    await vault.shredCase('case-shredded-among');
    const cases = Array.from({ length: 12 }, (_, i) => (i === 5 ? 'case-shredded-among' : `case-among-${i}`));
    const outcomes = await Promise.allSettled(cases.map((c) => vault.createKeys([caseKey(c), subjectKey('reporter', `r-${c}`, c)])));
    expect(outcomes.map((o) => o.status)).toEqual(cases.map((c) => (c === 'case-shredded-among' ? 'rejected' : 'fulfilled')));
    expect((outcomes[5] as PromiseRejectedResult).reason).toMatchObject({ scope: 'case' });
    expect((outcomes[5] as PromiseRejectedResult).reason).toBeInstanceOf(AlreadyShreddedError);
    const { rows } = await pools[0].query(
      "select count(*)::int as n from privacy_keys where case_ref like 'case-among-%' and wrapped_key is not null",
    );
    expect(rows[0].n).toBe(22);
    const shredded = await pools[0].query(
      "select count(*)::int as n from privacy_keys where case_ref = 'case-shredded-among' and wrapped_key is not null",
    );
    expect(shredded.rows[0].n).toBe(0);
  });

  it('refuses only the caller naming a ref that has a key already, among callers at the same moment', async () => {
    const { vault } = await open();
    await vault.createKeys([caseKey('case-has-key')]);
    const cases = Array.from({ length: 10 }, (_, i) => (i === 7 ? 'case-has-key' : `case-beside-${i}`));
    const outcomes = await Promise.allSettled(cases.map((c) => vault.createKeys([caseKey(c)])));
    expect(outcomes.map((o) => o.status)).toEqual(cases.map((c) => (c === 'case-has-key' ? 'rejected' : 'fulfilled')));
    const { rows } = await pools[0].query("select count(*)::int as n from privacy_keys where case_ref like 'case-beside-%'");
    expect(rows[0].n).toBe(9);
  });

  it('stores data keys wrapped, one row per case and per subject in a case', async () => {
    const { vault } = await open();
    const reporter = await vault.keyFor(subjectKey('reporter', 'r-1', 'case-rows'));
    const witness = await vault.keyFor(subjectKey('witness', 'w-1', 'case-rows'));
    const narrative = await vault.keyFor(caseKey('case-rows'));
    expect(new Set([reporter.keyId, witness.keyId, narrative.keyId]).size).toBe(3);
    expect((await vault.keyFor(subjectKey('reporter', 'r-1', 'case-rows'))).keyId).toBe(reporter.keyId);
    const { rows } = await pools[0].query(
      "select wrapped_key, subject_kind, subject_ref, case_ref from privacy_keys where case_ref = 'case-rows' order by subject_kind",
    );
    expect(rows.map((r) => [r.subject_kind, r.subject_ref, r.case_ref])).toEqual([
      ['reporter', 'r-1', 'case-rows'],
      ['witness', 'w-1', 'case-rows'],
      [null, null, 'case-rows'],
    ]);
    for (const { wrapped_key } of rows) {
      for (const { key } of [reporter, witness, narrative]) expect((wrapped_key as Buffer).includes(key)).toBe(false);
    }
  });

  it('creates one key for a ref however many processes ask at once', async () => {
    const [a, b] = [await open(), await open()];
    const ref = subjectKey('accused', 'a-race', 'case-race');
    const keys = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).vault.keyFor(ref)));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    expect(new Set(keys.map((k) => k.key.toString('hex'))).size).toBe(1);
    const { rows } = await pools[0].query("select count(*)::int as n from privacy_keys where subject_ref = 'a-race'");
    expect(rows[0].n).toBe(1);
  });

  it("knows each key's case, from the row and from its cache, so a value opens only for its own case", async () => {
    const [a, b] = [await open(), await open()];
    const story = await a.sealer.seal('case X story', caseKey('case-x'));
    const name = await a.sealer.seal('Jan de Vries', subjectKey('reporter', 'r-x', 'case-x'));
    for (const sealer of [a.sealer, b.sealer]) {
      // a has the keys cached from keyFor, b reads their rows
      expect(await sealer.unseal(story, { caseRef: 'case-x' })).toEqual({ status: 'ok', value: 'case X story' });
      expect(await sealer.unseal(name, { caseRef: 'case-x' })).toEqual({ status: 'ok', value: 'Jan de Vries' });
      expect(await sealer.unseal(story, { caseRef: 'case-y' })).toEqual({ status: 'foreign' });
      expect(await sealer.unseal(name, { caseRef: 'case-y' })).toEqual({ status: 'foreign' });
    }
    expect(await b.vault.keyById(story.split(':')[2])).toMatchObject({ status: 'live', caseRef: 'case-x' });
    await a.vault.shredCase('case-x');
    await eventually(async () => expect(await b.sealer.unseal(name, { caseRef: 'case-y' })).toEqual({ status: 'erased' }));
    expect(await b.sealer.unseal(story, { caseRef: 'case-x' })).toEqual({ status: 'erased' });
  });

  it('makes another process see a shred at once, though it had the key cached', async () => {
    const [a, b] = [await open(), await open()];
    const sealed = await a.sealer.seal('Jan de Vries', subjectKey('witness', 'w-cache', 'case-cache'));
    expect(await b.sealer.unseal(sealed)).toEqual({ status: 'ok', value: 'Jan de Vries' });
    await a.vault.shredSubject('witness', 'w-cache');
    await eventually(async () => expect(await b.sealer.unseal(sealed)).toEqual({ status: 'erased' }));
  });

  it('forgets its cache when its LISTEN connection is lost, and listens again', async () => {
    const a = await open();
    const b = await open({ name: 'privacy-dropped' });
    const sealed = await a.sealer.seal('Jan de Vries', subjectKey('witness', 'w-drop', 'case-drop'));
    expect(await b.sealer.unseal(sealed)).toEqual({ status: 'ok', value: 'Jan de Vries' });
    const listener = "select pid from pg_stat_activity where application_name = 'privacy-dropped' and query like 'listen%'";
    expect((await pools[0].query(`select pg_terminate_backend(pid) from (${listener}) l`)).rowCount).toBe(1);
    await a.vault.shredSubject('witness', 'w-drop');
    await eventually(async () => expect(await b.sealer.unseal(sealed)).toEqual({ status: 'erased' }));
    await eventually(async () => expect((await pools[0].query(listener)).rowCount).toBe(1));
  });

  it('refuses to open with another master key, naming neither key', async () => {
    await open();
    const other = randomBytes(32);
    const error = await open({ wrapper: new MasterKeyWrapper(other) }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(MasterKeyMismatchError);
    expect((error as Error).message).toContain('PRIVACY_MASTER_KEY');
    for (const key of [masterKey, other]) {
      expect((error as Error).message).not.toContain(key.toString('base64'));
      expect((error as Error).message).not.toContain(key.toString('hex'));
    }
  });

  it('refuses a corrupted wrapped key with a clear error, and an unknown key id', async () => {
    const { sealer } = await open();
    const sealed = await sealer.seal('x', caseKey('case-corrupt'));
    await pools[0].query(
      "update privacy_keys set wrapped_key = overlay(wrapped_key placing '\\x00'::bytea from 20) where case_ref = 'case-corrupt'",
    );
    const fresh = await open();
    await expect(fresh.sealer.unseal(sealed)).rejects.toThrow(KeyUnwrapError);
    const unknown = sealed.replace(/sealed:v1:[0-9a-f-]{36}/, 'sealed:v1:00000000-0000-4000-8000-000000000000');
    await expect(fresh.sealer.unseal(unknown)).rejects.toThrow(UnknownKeyError);
  });
});

describe('PostgresKeyVault: new keys as the vault grows', () => {
  /**
   * Makes the function's plan on an empty vault (never analyzed, or analyzed while empty), on a connection it holds
   * throughout; adds 6,000 keys; then creates one more case's keys and asks a shredded case for one, each in a
   * transaction whose own table statistics say how many rows of privacy_keys it read, and how (then rolled back).
   */
  async function rowsReadOnceGrown(analyzedWhileEmpty: boolean): Promise<{ created: TableReads; refused: TableReads }> {
    const db = await createTestDatabase(analyzedWhileEmpty ? 'privacy_grown_analyzed' : 'privacy_grown');
    const pool = new Pool({ connectionString: db.url, max: 4 });
    const privacy = await createPrivacy({ pool, wrapper: new MasterKeyWrapper(randomBytes(32)) });
    const client = await pool.connect();
    const tx = onConnection(client);
    const reads = async (work: () => Promise<unknown>): Promise<TableReads> => {
      await client.query('begin');
      try {
        await work();
        const { rows } = await client.query<TableReads>(
          `select seq_scan::int as "sequentialScans", (seq_tup_read + coalesce(idx_tup_fetch, 0))::int as "rowsRead"
           from pg_stat_xact_user_tables where relname = 'privacy_keys'`,
        );
        return rows[0];
      } finally {
        await client.query('rollback');
      }
    };
    try {
      // Autovacuum would replace the plan once it analyzes the grown table; until then, this is what every call runs.
      await client.query('alter table privacy_keys set (autovacuum_enabled = false)');
      if (analyzedWhileEmpty) await client.query('analyze privacy_keys');
      await privacy.vault.createKeys([caseKey('case-first'), subjectKey('reporter', 'r-first', 'case-first')], tx);
      await client.query(
        `insert into privacy_keys (key_id, scope, subject_kind, subject_ref, case_ref, wrapped_key, wrapped_by)
         select gen_random_uuid(), s, case when s = 'subject' then 'reporter' end, case when s = 'subject' then 'r-' || i end,
                'case-' || i, '\\x00', 'mk'
         from generate_series(1, 3000) i, unnest(array['case', 'subject']) s`,
      );
      await client.query('update privacy_keys set wrapped_key = null, wrapped_by = null, shredded_at = now() where case_ref = $1', [
        'case-17',
      ]);
      const created = await reads(() =>
        privacy.vault.createKeys([caseKey('case-late'), subjectKey('reporter', 'r-late', 'case-late')], tx),
      );
      const refused = await reads(async () => {
        await expect(privacy.vault.createKeys([caseKey('case-17')], tx)).rejects.toBeInstanceOf(AlreadyShreddedError);
      });
      return { created, refused };
    } finally {
      client.release();
      await privacy.close();
      await pool.end();
      await db.drop();
    }
  }
  interface TableReads {
    sequentialScans: number;
    rowsRead: number;
  }

  it.each([
    ['never analyzed', false],
    ['analyzed while empty', true],
  ])(
    'reads only the rows of the refs named, not every key, with a plan made while the vault was empty (%s)',
    async (_, analyzedWhileEmpty) => {
      const { created, refused } = await rowsReadOnceGrown(analyzedWhileEmpty);
      // The 6,000 other keys unread: no sequential scan, and a handful of rows fetched (the keys of the refs' own cases).
      for (const call of [created, refused]) {
        expect(call.sequentialScans).toBe(0);
        expect(call.rowsRead).toBeLessThanOrEqual(4);
      }
    },
  );
});
