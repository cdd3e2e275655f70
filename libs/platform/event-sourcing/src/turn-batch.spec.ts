import { TurnBatch } from './turn-batch';

describe('TurnBatch', () => {
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it("hands one turn's calls to one send, those its promise callbacks make included, and a later turn's to the next", async () => {
    const sends: number[][] = [];
    const batch = new TurnBatch<number, string>(async (inputs) => {
      sends.push(inputs);
      return inputs.map((n) => `answer ${n}`);
    });
    // Callers woken by one answer continue in that turn, some after a few promise callbacks of their own.
    const woken = Promise.resolve();
    const answers = Promise.all([
      batch.add(1),
      woken.then(() => batch.add(2)),
      woken.then(() => Promise.resolve()).then(() => batch.add(3)),
    ]);
    await nextTurn();
    const later = batch.add(4);
    expect(await answers).toEqual(['answer 1', 'answer 2', 'answer 3']);
    expect(await later).toBe('answer 4');
    expect(sends).toEqual([[1, 2, 3], [4]]);
  });

  it("gives a failed send's error to every caller of that batch, and only to them", async () => {
    let calls = 0;
    const batch = new TurnBatch<number, number>((inputs) => {
      calls += 1;
      if (calls === 1) throw new Error('refused at once');
      if (calls === 2) return Promise.reject(new Error('refused later'));
      return Promise.resolve(inputs);
    });
    const first = Promise.allSettled([batch.add(1), batch.add(2)]);
    await nextTurn();
    const second = Promise.allSettled([batch.add(3)]);
    await nextTurn();
    const third = batch.add(4);
    expect((await first).map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).toEqual([
      'refused at once',
      'refused at once',
    ]);
    expect((await second).map((o) => (o.status === 'rejected' ? (o.reason as Error).message : o.value))).toEqual(['refused later']);
    expect(await third).toBe(4);
  });

  it('refuses a send that does not answer every call', async () => {
    const batch = new TurnBatch<number, number>(async (inputs) => inputs.slice(1));
    await expect(Promise.all([batch.add(1), batch.add(2)])).rejects.toThrow('A batch of 2 calls was answered 1 times');
  });
});
