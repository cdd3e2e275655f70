import { pooledRandomBytes } from './random';

describe('pooledRandomBytes', () => {
  it('returns exactly the bytes asked for, each call its own buffer', () => {
    for (const size of [0, 1, 12, 16, 32, 255, 256, 257, 5000]) expect(pooledRandomBytes(size)).toHaveLength(size);
    const a = pooledRandomBytes(16);
    const b = pooledRandomBytes(16);
    a.fill(0);
    expect(b.equals(Buffer.alloc(16))).toBe(false);
  });

  it('never changes bytes once handed out: later draws and refills of the pool leave them as they were', () => {
    const key = pooledRandomBytes(32);
    const kept = Buffer.from(key);
    // 600 × 16 bytes: more than two refills of the 4 KiB pool.
    for (let i = 0; i < 600; i += 1) pooledRandomBytes(16);
    expect(key.equals(kept)).toBe(true);
    // Its own memory, not a view of the pool or of Node's shared buffer pool.
    expect(key.buffer.byteLength).toBe(32);
  });

  it('never hands out the same bytes twice, across many refills of the pool', () => {
    // 20,000 × 16 bytes is about 78 refills of a 4 KiB pool, with requests that straddle each boundary.
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) seen.add(pooledRandomBytes(i % 7 === 0 ? 13 : 16).toString('hex'));
    expect(seen.size).toBe(20_000);
  });

  it('gives every byte value about equally often (no zeroed or stale pool slices)', () => {
    const counts = new Array<number>(256).fill(0);
    const draws = 2_000;
    for (let i = 0; i < draws; i += 1) for (const byte of pooledRandomBytes(128)) counts[byte] += 1;
    const expected = (draws * 128) / 256; // 1,000 per value
    // Chi-square with 255 degrees of freedom: a fair source exceeds 400 about once in 10^8 runs (its 0.9999 quantile
    // is about 348); a pool that hands out wiped or repeated slices lands in the thousands.
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(400);
    // A wiped slice handed out again would show as a flood of zero bytes.
    expect(counts[0]).toBeLessThan(expected * 1.2);
  });

  it('refuses a size that is not a whole number of at least 0, naming the rule', () => {
    for (const size of [-1, 1.5, Number.NaN]) expect(() => pooledRandomBytes(size)).toThrow(/whole number of at least 0/);
  });
});
