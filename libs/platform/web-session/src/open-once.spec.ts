import { openOnce } from './open-once';

describe('a store opened once', () => {
  it('is opened on first use and shared after; a failed opening is tried again by the next request', async () => {
    let attempts = 0;
    const open = openOnce(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('the database is not up yet');
      return { store: attempts };
    });
    await expect(open()).rejects.toThrow('not up yet');
    const [one, other] = await Promise.all([open(), open()]);
    expect(one).toBe(other);
    expect(await open()).toBe(one);
    expect(attempts).toBe(2);
  });
});
