import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first result of a probe that stops failing', async () => {
    let calls = 0;
    const result = await eventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'ready';
      },
      { intervalMs: 1 },
    );
    expect(result).toBe('ready');
    expect(calls).toBe(3);
  });

  it('rethrows the last failure after the timeout', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('never ready');
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow('never ready');
  });
});
