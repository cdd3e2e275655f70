import { FreshRead } from './fresh-read';

/** A read whose answers the test gives, one per read issued, and a clock of turns: when each read was issued. */
function controlledRead() {
  let clock = 0;
  const issued: { at: number; answer: (value: number) => void; fail: (error: Error) => void }[] = [];
  const read = new FreshRead<number>(
    () =>
      new Promise<number>((resolve, reject) => {
        issued.push({ at: clock, answer: resolve, fail: reject });
      }),
  );
  return { read, issued, tick: () => (clock += 1), now: () => clock };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('FreshRead', () => {
  it('lets callers of one turn share one read', async () => {
    const { read, issued } = controlledRead();
    const answers = [read.get(), read.get(), read.get()];
    expect(issued).toHaveLength(1);
    issued[0].answer(7);
    await expect(Promise.all(answers)).resolves.toEqual([7, 7, 7]);
  });

  it('gives a caller of a later turn a read issued after it asked, shared with the others who asked meanwhile', async () => {
    const { read, issued } = controlledRead();
    const first = read.get();
    await turn();
    const later = [read.get(), read.get()];
    await turn();
    const laterStill = read.get();
    expect(issued).toHaveLength(1);
    issued[0].answer(1);
    await expect(first).resolves.toBe(1);
    await turn();
    expect(issued).toHaveLength(2);
    issued[1].answer(2);
    await expect(Promise.all([...later, laterStill])).resolves.toEqual([2, 2, 2]);
  });

  it('issues a new read for a caller that reacts to an answer', async () => {
    const { read, issued } = controlledRead();
    const again = read.get().then(() => read.get());
    issued[0].answer(1);
    await turn();
    expect(issued).toHaveLength(2);
    issued[1].answer(2);
    await expect(again).resolves.toBe(2);
  });

  it('hands a failure to those who shared the read, and reads again for the next caller', async () => {
    const { read, issued } = controlledRead();
    const shared = [read.get(), read.get()];
    issued[0].fail(new Error('connection lost'));
    await expect(Promise.all(shared)).rejects.toThrow('connection lost');
    const next = read.get();
    expect(issued).toHaveLength(2);
    issued[1].answer(3);
    await expect(next).resolves.toBe(3);
  });

  it('never answers a caller from a read issued before it asked (random callers and answers, fixed seed)', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const { read, issued, tick, now } = controlledRead();
    const checks: Promise<void>[] = [];
    // What a caller knows can only be new in a new turn of the event loop: the clock counts turns.
    for (let step = 0; step < 400; step += 1) {
      if (random() < 0.6) {
        const askedAt = now();
        checks.push(read.get().then((issuedAt) => expect(issuedAt).toBeGreaterThanOrEqual(askedAt)));
      }
      // The answer is the moment the read was issued.
      const open = issued.filter((r) => r.at >= 0);
      if (open.length > 0 && random() < 0.4) {
        const r = open[0];
        r.answer(r.at);
        r.at = -1;
      }
      if (random() < 0.5) {
        await turn();
        tick();
      }
    }
    for (let r = issued.find((x) => x.at >= 0); r; r = issued.find((x) => x.at >= 0)) {
      r.answer(r.at);
      r.at = -1;
      await turn();
    }
    await Promise.all(checks);
    expect(checks.length).toBeGreaterThan(100);
    expect(issued.length).toBeLessThan(checks.length);
  });
});
