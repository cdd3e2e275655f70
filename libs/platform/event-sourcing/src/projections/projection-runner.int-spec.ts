import { Column, DataSource, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { createTestDatabase, eventually, type TestDatabase } from '@vertrouwd/testing';
import type { RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

@Entity({ name: 'stream_totals' })
class StreamTotal {
  @PrimaryColumn('text') streamId!: string;
  @Column('int') events!: number;
  @Column('int') sum!: number;
}

/** Sums `data.n` per stream; can be told to fail on one value to simulate a crash mid-page. */
class TotalsProjection implements Projection {
  readonly name = 'stream-totals';
  readonly filter = { categories: ['tally'] };
  failOn: number | undefined;

  async apply(events: RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      const n = (event.data as { n: number }).n;
      const row = (await manager.findOneBy(StreamTotal, { streamId: event.streamId })) ?? { streamId: event.streamId, events: 0, sum: 0 };
      await manager.save(StreamTotal, { ...row, events: row.events + 1, sum: row.sum + n });
      if (n === this.failOn) throw new Error(`crash while applying ${n}`);
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.clear(StreamTotal);
  }
}

describe('ProjectionRunner', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let dataSource: DataSource;
  const projection = new TotalsProjection();
  const append = (stream: string, ns: number[]) =>
    store.appendToStream(
      stream,
      ns.map((n) => ({ type: 'Tallied', data: { n } })),
      'any',
    );
  const totals = () => dataSource.manager.find(StreamTotal, { order: { streamId: 'ASC' } });

  beforeAll(async () => {
    db = await createTestDatabase('projections');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 4 });
    dataSource = await new DataSource({ type: 'postgres', url: db.url, entities: [StreamTotal], synchronize: true }).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await store.close();
    await db.drop();
  });

  it('reports status on a fresh read model, before it ever started', async () => {
    const status = await new ProjectionRunner(store, dataSource, projection).status();
    expect(status).toEqual({ name: 'stream-totals', running: false, checkpoint: 0n, head: 0n, lag: 0n });
  });

  it('writes rows and checkpoint in one transaction: a crash mid-page applies nothing twice', async () => {
    await append('tally-a', [1, 2, 3]);
    await append('other-x', [1000]);
    await append('tally-b', [10, 20]);
    projection.failOn = 20;
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(store, dataSource, projection, { onError: (e) => errors.push(e) });
    await runner.start();
    await eventually(() => expect(errors.length).toBeGreaterThan(0));
    // The failed page rolled back whole: neither its rows nor the checkpoint moved.
    expect(await totals()).toEqual([]);
    expect((await runner.status()).checkpoint).toBe(0n);
    projection.failOn = undefined;
    await eventually(async () => expect((await runner.status()).lag).toBe(0n));
    await runner.stop();
    expect(await totals()).toEqual([
      { streamId: 'tally-a', events: 3, sum: 6 },
      { streamId: 'tally-b', events: 2, sum: 30 },
    ]);
  });

  it('resumes a restarted runner from its checkpoint, shows the lag meanwhile', async () => {
    await append('tally-a', [4]);
    await append('tally-c', [100, 200]);
    const stopped = new ProjectionRunner(store, dataSource, projection);
    const status = await stopped.status();
    expect(status.running).toBe(false);
    expect(status.lag).toBe(status.head - status.checkpoint);
    expect(status.lag).toBeGreaterThan(0n);

    await stopped.start();
    await stopped.caughtUp();
    expect((await stopped.status()).lag).toBe(0n);
    await append('tally-c', [300]);
    await eventually(async () => expect(await totals()).toContainEqual({ streamId: 'tally-c', events: 3, sum: 600 }));
    await stopped.stop();
    expect(await totals()).toEqual([
      { streamId: 'tally-a', events: 4, sum: 10 },
      { streamId: 'tally-b', events: 2, sum: 30 },
      { streamId: 'tally-c', events: 3, sum: 600 },
    ]);
  });

  it('applies every event once when two runners (replicas) and a double start race', async () => {
    const before = await totals();
    const [one, two] = [
      new ProjectionRunner(store, dataSource, projection, { batchSize: 2 }),
      new ProjectionRunner(store, dataSource, projection, { batchSize: 3 }),
    ];
    await append('tally-d', [1, 2, 3, 4, 5, 6, 7]);
    await Promise.all([one.start(), one.start(), two.start()]);
    await Promise.all([one.caughtUp(), two.caughtUp()]);
    await Promise.all([one.stop(), two.stop()]);
    expect(await totals()).toEqual([...before, { streamId: 'tally-d', events: 7, sum: 28 }]);
  });

  it('rebuilds from zero to the same rows after the read model was damaged', async () => {
    const before = await totals();
    await dataSource.manager.update(StreamTotal, { streamId: 'tally-a' }, { sum: -1 });
    await dataSource.manager.delete(StreamTotal, { streamId: 'tally-b' });
    const runner = new ProjectionRunner(store, dataSource, projection);
    await runner.rebuild();
    expect(await totals()).toEqual(before);
    expect((await runner.status()).lag).toBe(0n);
  });

  it('replays what a rebuild in another process reset, instead of applying only what comes after it', async () => {
    await append('tally-f', [7, 8]);
    const errors: unknown[] = [];
    const replica = new ProjectionRunner(store, dataSource, projection, { onError: (e) => errors.push(e) });
    await replica.start();
    await replica.caughtUp();
    const before = await totals();
    expect(before).toContainEqual({ streamId: 'tally-f', events: 2, sum: 15 });
    // Another process's rebuild: the rows and the checkpoint reset in one transaction, its replay not yet begun.
    await dataSource.transaction(async (manager) => {
      await projection.reset(manager);
      await manager.query('delete from projection_checkpoints where projection = $1', [projection.name]);
    });
    await append('tally-e', [5]);
    const after = [...before, { streamId: 'tally-e', events: 1, sum: 5 }].sort((a, b) => a.streamId.localeCompare(b.streamId));
    await eventually(async () => expect(await totals()).toEqual(after), { timeoutMs: 10_000 });
    await replica.caughtUp();
    await replica.stop();
    expect(await totals()).toEqual(after);
    expect(errors.map((e) => (e as Error).name)).toContain('CheckpointResetError');
  });

  it('applies every event once when two runners take their first page at once (no checkpoint row yet)', async () => {
    const before = await totals();
    await dataSource.transaction(async (manager) => {
      await projection.reset(manager);
      await manager.query('delete from projection_checkpoints where projection = $1', [projection.name]);
    });
    const [one, two] = [
      new ProjectionRunner(store, dataSource, projection, { batchSize: 3 }),
      new ProjectionRunner(store, dataSource, projection, { batchSize: 5 }),
    ];
    await Promise.all([one.start(), two.start()]);
    await Promise.all([one.caughtUp(), two.caughtUp()]);
    await Promise.all([one.stop(), two.stop()]);
    expect(await totals()).toEqual(before);
  });
});
