import { TooManyAttemptsError } from '@vertrouwd/domain';
import { PostgresEventStore, type StoreTransaction } from '@vertrouwd/event-sourcing';
import { createTestDatabase, eventually, queryOnce, type TestDatabase } from '@vertrouwd/testing';
import { GroupOutcomeUnknownError, GroupRolledBackError, ReportGroups } from './report-groups';

describe('ReportGroups: reports that arrive together share a transaction', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let groups: ReportGroups;
  const rows = async (tag: string) =>
    (await queryOnce<{ name: string; tx: string }>(db.url, 'select name, tx from written where tag = $1 order by name', [tag])).map(
      (r) => r,
    );
  const write = (tag: string, name: string) => async (tx: StoreTransaction) => {
    await tx.query('insert into written (tag, name, tx) values ($1, $2, txid_current())', [tag, name]);
    return name;
  };
  /** A first report whose writes wait until released: the ones after it queue, and share the next transaction. */
  const holdFirst = (tag: string) => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = groups.store('', async (tx) => {
      await released;
      return write(tag, 'first')(tx);
    });
    return { first, release };
  };

  beforeAll(async () => {
    db = await createTestDatabase('report_groups');
    await queryOnce(db.url, 'create table written (tag text, name text, tx bigint)');
    await queryOnce(db.url, 'create table once (v text, constraint once_v unique (v) deferrable initially deferred)');
    store = await PostgresEventStore.create({ connectionString: db.url });
    groups = new ReportGroups({ store }, { deadlineMs: 2_000 });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('commits the reports that waited together in one transaction, each answered with its own result', async () => {
    const { first, release } = holdFirst('together');
    const waiting = ['a', 'b', 'c', 'd'].map((name) => groups.store(name, write('together', name)));
    release();
    expect(await first).toBe('first');
    expect(await Promise.all(waiting)).toEqual(['a', 'b', 'c', 'd']);
    const written = await rows('together');
    expect(written.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd', 'first']);
    expect(new Set(written.filter((r) => r.name !== 'first').map((r) => r.tx)).size).toBe(1);
    expect(written.find((r) => r.name === 'first')!.tx).not.toBe(written[0].tx);
  });

  it('starts the writes of a group in the order given (clients counted in one order in every process)', async () => {
    const started: string[] = [];
    const { first, release } = holdFirst('ordered');
    const waiting = ['c', 'a', 'b'].map((name) =>
      groups.store(name, async (tx) => {
        started.push(name);
        return write('ordered', name)(tx);
      }),
    );
    release();
    await Promise.all([first, ...waiting]);
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('answers a report refused by its count with the refusal, and commits the others', async () => {
    const { first, release } = holdFirst('refused');
    const ok = groups.store('a', write('refused', 'a'));
    const refused = groups.store('b', async () => {
      throw new TooManyAttemptsError(60);
    });
    const alsoOk = groups.store('c', write('refused', 'c'));
    release();
    await first;
    await expect(refused).rejects.toBeInstanceOf(TooManyAttemptsError);
    expect(await Promise.all([ok, alsoOk])).toEqual(['a', 'c']);
    expect((await rows('refused')).map((r) => r.name)).toEqual(['a', 'c', 'first']);
  });

  it('rolls the whole group back when one report fails, and tells each it was not stored', async () => {
    const { first, release } = holdFirst('failed');
    const outcomes = Promise.allSettled([
      groups.store('a', write('failed', 'a')),
      groups.store('b', async (tx) => {
        await write('failed', 'b')(tx);
        throw new Error('a write of b failed');
      }),
      groups.store('c', write('failed', 'c')),
    ]);
    release();
    await first;
    const settled = await outcomes;
    for (const outcome of settled) {
      expect(outcome.status).toBe('rejected');
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(GroupRolledBackError);
    }
    expect(((settled[0] as PromiseRejectedResult).reason as Error).cause).toEqual(new Error('a write of b failed'));
    expect((await rows('failed')).map((r) => r.name)).toEqual(['first']);
  });

  it('rolls the group back when a statement of one report fails in PostgreSQL while the others have theirs in flight', async () => {
    const { first, release } = holdFirst('sql');
    const outcomes = Promise.allSettled([
      groups.store('a', write('sql', 'a')),
      groups.store('b', async (tx) => {
        await Promise.all([write('sql', 'b')(tx), tx.query('select 1 / 0')]);
      }),
      groups.store('c', write('sql', 'c')),
    ]);
    release();
    await first;
    for (const outcome of await outcomes) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(GroupRolledBackError);
    expect((await rows('sql')).map((r) => r.name)).toEqual(['first']);
  });

  it('tells each report the outcome is unknown when the commit itself fails, so none is stored again', async () => {
    const { first, release } = holdFirst('commit');
    const twice = (name: string) => async (tx: StoreTransaction) => {
      await write('commit', name)(tx);
      await tx.query("insert into once (v) values ('same')"); // checked at commit only
    };
    const outcomes = Promise.allSettled([groups.store('a', twice('a')), groups.store('b', twice('b'))]);
    release();
    await first;
    for (const outcome of await outcomes) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(GroupOutcomeUnknownError);
    expect((await rows('commit')).map((r) => r.name)).toEqual(['first']);
  });

  it('gives up on a transaction past its deadline (outcome unknown) and goes on with the next reports', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const stuck = groups.store('', async (tx) => {
      await write('late', 'stuck')(tx);
      await released; // a connection gone silent, say
    });
    await expect(stuck).rejects.toBeInstanceOf(GroupOutcomeUnknownError);
    expect(await groups.store('', write('late', 'next'))).toBe('next');
    release();
    // The stuck transaction may still land: that is why its report was not told it failed.
    await eventually(async () => expect((await rows('late')).map((r) => r.name)).toEqual(['next', 'stuck']));
  });

  it('gives a report alone in its transaction its own error, and writes nothing of it', async () => {
    await expect(
      groups.store('', async (tx) => {
        await write('alone', 'x')(tx);
        throw new Error('its own failure');
      }),
    ).rejects.toThrow('its own failure');
    expect(await rows('alone')).toEqual([]);
  });
});
