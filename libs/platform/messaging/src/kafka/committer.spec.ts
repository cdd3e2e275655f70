import { Committer, type PartitionCommit } from './committer';

const c = (partition: number, offset: bigint, topic = 'a.v1'): PartitionCommit => ({ topic, partition, offset, leaderEpoch: 0 });

/** A commit function under the test's control: each call waits until the test settles it. */
function controlledCommit() {
  const calls: { offsets: PartitionCommit[]; settle(error?: Error): void }[] = [];
  const commit = (offsets: PartitionCommit[]) =>
    new Promise<void>((resolve, reject) => calls.push({ offsets, settle: (error) => (error ? reject(error) : resolve()) }));
  return { calls, commit };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Committer', () => {
  it('commits what is asked in one step as one request, the highest offset per partition', async () => {
    const { calls, commit } = controlledCommit();
    const committer = new Committer({ commit, report: () => undefined });
    committer.request(c(0, 5n));
    committer.request(c(1, 2n));
    committer.request(c(0, 6n));
    await tick();
    expect(calls.map((x) => x.offsets)).toEqual([[c(0, 6n), c(1, 2n)]]);
    calls[0].settle();
    await committer.flush();
  });

  it('keeps one request in flight and sends what piled up meanwhile in the next, never a lower offset', async () => {
    const { calls, commit } = controlledCommit();
    const committer = new Committer({ commit, report: () => undefined });
    committer.request(c(0, 1n));
    await tick();
    committer.request(c(0, 3n));
    committer.request(c(0, 2n)); // late and lower: must not move the partition back
    committer.request(c(1, 7n));
    await tick();
    expect(calls).toHaveLength(1);
    calls[0].settle();
    await tick();
    expect(calls).toHaveLength(2);
    expect(calls[1].offsets).toEqual([c(0, 3n), c(1, 7n)]);
    calls[1].settle();
    await committer.flush();
    expect(calls).toHaveLength(2);
  });

  it('a request made as a drain ends is still sent', async () => {
    const { calls, commit } = controlledCommit();
    const committer = new Committer({ commit, report: () => undefined });
    committer.request(c(0, 1n));
    await tick();
    calls[0].settle();
    // In the same step as the settled commit's continuation, before anything else runs.
    await Promise.resolve().then(() => committer.request(c(0, 2n)));
    await tick();
    expect(calls.map((x) => x.offsets)).toEqual([[c(0, 1n)], [c(0, 2n)]]);
    calls[1].settle();
    await committer.flush();
  });

  it('reports a failed commit and tries it again later, under anything newer', async () => {
    const { calls, commit } = controlledCommit();
    const errors: unknown[] = [];
    const committer = new Committer({ commit, report: (e) => void errors.push(e), retryMs: 10 });
    committer.request(c(0, 4n));
    committer.request(c(1, 9n));
    await tick();
    committer.request(c(1, 11n)); // while the first request is in flight
    calls[0].settle(new Error('coordinator moved'));
    await tick();
    expect(errors).toHaveLength(1);
    expect(calls).toHaveLength(1); // waits before trying again
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls[1].offsets).toEqual([c(1, 11n), c(0, 4n)]);
    calls[1].settle();
    await committer.flush();
    committer.close();
  });

  it('flush waits for the request in flight and sends what is left', async () => {
    const { calls, commit } = controlledCommit();
    const committer = new Committer({ commit, report: () => undefined });
    committer.request(c(0, 1n));
    await tick();
    committer.request(c(0, 2n));
    let flushed = false;
    const flushing = committer.flush().then(() => (flushed = true));
    await tick();
    expect(flushed).toBe(false);
    calls[0].settle();
    await tick();
    calls[1].settle();
    await flushing;
    expect(calls.map((x) => x.offsets)).toEqual([[c(0, 1n)], [c(0, 2n)]]);
  });

  it('flush after a failure tries once more at once, and reports rather than throws', async () => {
    const { calls, commit } = controlledCommit();
    const errors: unknown[] = [];
    const committer = new Committer({ commit, report: (e) => void errors.push(e), retryMs: 60_000 });
    committer.request(c(0, 1n));
    await tick();
    calls[0].settle(new Error('down'));
    await tick();
    const flushing = committer.flush();
    await tick();
    calls[1].settle(new Error('still down'));
    await flushing;
    expect(errors.map((e) => (e as Error).message)).toEqual(['down', 'still down']);
    committer.close(); // clears the retry timer
  });

  it('flush with nothing asked resolves at once, and a closed committer sends nothing', async () => {
    const { calls, commit } = controlledCommit();
    const committer = new Committer({ commit, report: () => undefined });
    await committer.flush();
    committer.close();
    committer.request(c(0, 1n));
    await committer.flush();
    expect(calls).toHaveLength(0);
  });
});
