import type { DeliveredMessage, OutgoingMessage } from '../message-bus.port';
import type { PartitionCommit } from './committer';
import { encodeHeaders, encodeText } from './headers';
import { PartitionWorker, type RawMessage, type WorkerContext } from './partition-worker';

const raw = (offset: bigint, n: number): RawMessage => ({
  topic: 'a.v1',
  partition: 2,
  offset,
  leaderEpoch: 4,
  key: encodeText('k'),
  value: encodeText(JSON.stringify({ n })),
  headerEntries: [...encodeHeaders({ n: String(n) })],
});

function worker(handle: (m: DeliveredMessage) => Promise<void>, policy = { maxAttempts: 3, backoffMs: 1 }) {
  const seen = { commits: [] as PartitionCommit[], letters: [] as OutgoingMessage[], errors: [] as unknown[] };
  const ctx: WorkerContext = {
    policy,
    handle,
    publish: async (messages) => void seen.letters.push(...messages),
    report: (error) => void seen.errors.push(error),
    commit: (commit) => void seen.commits.push(commit),
    progressed: () => undefined,
  };
  return { worker: new PartitionWorker(ctx, 'a.v1', 2), seen };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('PartitionWorker', () => {
  it('handles one message at a time in offset order, decoded to text, and commits each after its effect', async () => {
    const log: string[] = [];
    const { worker: w, seen } = worker(async (m) => {
      log.push(`start ${m.value}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`end ${m.value} commits=${seen.commits.length}`);
    });
    [raw(7n, 1), raw(8n, 2), raw(9n, 3)].forEach((m) => w.offer(m));
    await until(() => seen.commits.length === 3);
    expect(log).toEqual([
      'start {"n":1}',
      'end {"n":1} commits=0',
      'start {"n":2}',
      'end {"n":2} commits=1',
      'start {"n":3}',
      'end {"n":3} commits=2',
    ]);
    expect(seen.commits).toEqual([8n, 9n, 10n].map((offset) => ({ topic: 'a.v1', partition: 2, offset, leaderEpoch: 4 })));
  });

  it('passes key, headers, partition, offset and attempt to the handler', async () => {
    const got: DeliveredMessage[] = [];
    const { worker: w } = worker(async (m) => void got.push(m));
    w.offer(raw(3n, 1));
    await until(() => got.length === 1);
    expect(got[0]).toEqual({ topic: 'a.v1', partition: 2, offset: 3n, key: 'k', value: '{"n":1}', headers: { n: '1' }, attempt: 1 });
  });

  it('ignores a redelivery of what it already took on', async () => {
    const got: number[] = [];
    const { worker: w, seen } = worker(async (m) => void got.push(Number(m.offset)));
    [raw(1n, 1), raw(2n, 2), raw(1n, 1), raw(2n, 2), raw(3n, 3)].forEach((m) => w.offer(m));
    await until(() => seen.commits.length === 3);
    expect(got).toEqual([1, 2, 3]);
  });

  it('dead-letters a poison message, commits past it and goes on', async () => {
    const got: number[] = [];
    const { worker: w, seen } = worker(async (m) => {
      if (m.offset === 2n) throw new RangeError('cannot handle 2');
      got.push(Number(m.offset));
    });
    [raw(1n, 1), raw(2n, 2), raw(3n, 3)].forEach((m) => w.offer(m));
    await until(() => seen.commits.length === 3);
    expect(got).toEqual([1, 3]);
    expect(seen.letters.map((l) => [l.topic, l.headers?.['x-dead-letter-attempts']])).toEqual([['a.v1.dlq', '3']]);
    expect(seen.errors).toHaveLength(3);
  });

  it('on stop, finishes the message in hand, commits it, and drops the rest', async () => {
    let release: () => void = () => undefined;
    const got: number[] = [];
    const { worker: w, seen } = worker(async (m) => {
      got.push(Number(m.offset));
      await new Promise<void>((resolve) => (release = resolve));
    });
    [raw(1n, 1), raw(2n, 2)].forEach((m) => w.offer(m));
    await until(() => got.length === 1);
    const stopped = w.stop();
    release();
    await stopped;
    expect(got).toEqual([1]);
    expect(seen.commits.map((x) => x.offset)).toEqual([2n]);
    w.offer(raw(3n, 3));
    expect(w.queued).toBe(0);
  });

  it('on stop, abandons a message waiting for its retry, uncommitted', async () => {
    const { worker: w, seen } = worker(async () => Promise.reject(new Error('down')), { maxAttempts: 5, backoffMs: 60_000 });
    w.offer(raw(1n, 1));
    await until(() => seen.errors.length === 1);
    await w.stop();
    expect(seen.commits).toEqual([]);
    expect(seen.letters).toEqual([]);
  });

  it('starts only when the previous worker of its partition has finished', async () => {
    let previousDone: () => void = () => undefined;
    const previous = new Promise<void>((resolve) => (previousDone = resolve));
    const got: number[] = [];
    const seen = { commits: [] as PartitionCommit[] };
    const ctx: WorkerContext = {
      policy: { maxAttempts: 1, backoffMs: 1 },
      handle: async (m) => void got.push(Number(m.offset)),
      publish: async () => undefined,
      report: () => undefined,
      commit: (commit) => void seen.commits.push(commit),
      progressed: () => undefined,
    };
    const w = new PartitionWorker(ctx, 'a.v1', 2, previous);
    w.offer(raw(5n, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(got).toEqual([]);
    previousDone();
    await until(() => got.length === 1);
    expect(seen.commits.map((c) => c.offset)).toEqual([6n]);
  });
});
