import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@vertrouwd/testing';
import { PostgresEventStore } from './postgres-event-store';

const CHILD = join(__dirname, 'fixtures', 'crash-subscriber.child.ts');
const TOTAL = 400;

function startSubscriber(url: string, hangAfter?: number): ChildProcess {
  const args = ['-r', '@swc-node/register', CHILD, url, String(TOTAL), ...(hangAfter ? [String(hangAfter)] : [])];
  return spawn(process.execPath, args, { cwd: join(__dirname, '../../../../..'), stdio: ['ignore', 'pipe', 'inherit'] });
}

function saysHanging(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('hanging') && resolve());
    child.once('exit', (code) => reject(new Error(`subscriber exited (${code}) before hanging`)));
  });
}

describe('a subscription killed mid-stream', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase('es_crash');
    store = await PostgresEventStore.create({ connectionString: db.url, poolSize: 2 });
    for (let s = 0; s < TOTAL / 10; s += 1) {
      const events = Array.from({ length: 10 }, (_, n) => ({ type: 'Counted', data: { n, last: s * 10 + n === TOTAL - 1 } }));
      await store.appendToStream(`crash-${s}`, events, 'no_stream');
    }
    await store.pool.query('create table if not exists handled (seq bigserial primary key, position bigint not null, pid int not null)');
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  const handledCount = async () => Number((await store.pool.query('select count(*) from handled')).rows[0].count);

  it('resumes exactly where it stopped, every event handled once and in order, after repeated SIGKILLs', async () => {
    const committedAtKill: number[] = [];
    for (const hangAfter of [40, 120, 250]) {
      // Killed with a batch half-written in an open transaction, each time further along.
      const child = startSubscriber(db.url, hangAfter);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await saysHanging(child);
      child.kill('SIGKILL');
      await exited;
      committedAtKill.push(await handledCount());
    }
    expect(committedAtKill[0]).toBeGreaterThan(0);
    expect(committedAtKill).toEqual([...committedAtKill].sort((a, b) => a - b));
    expect(committedAtKill[2]).toBeLessThan(TOTAL);
    const last = startSubscriber(db.url);
    const code = await new Promise((resolve) => last.once('exit', resolve));
    expect(code).toBe(0);

    const { rows } = await store.pool.query<{ position: string; pid: number }>('select position, pid from handled order by seq');
    const expected = (await store.readAll({ categories: ['crash'] })).map((e) => String(e.position));
    expect(rows.map((r) => r.position)).toEqual(expected);
    expect(new Set(rows.map((r) => r.pid)).size).toBe(4);
  });
});
