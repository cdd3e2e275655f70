import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  let now = 0;
  const clock = () => now;

  it('forgets an entry once its time is up', () => {
    const cache = new ExpiringCache<string>(100, 10, clock);
    cache.set('a', 'A');
    now += 99;
    expect(cache.get('a')).toBe('A');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry beyond its bound', () => {
    const cache = new ExpiringCache<string>(1_000, 2, clock);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'B', 'C']);
  });

  it('keeps nothing with a time to live of 0', () => {
    const cache = new ExpiringCache<string>(0, 10, clock);
    cache.set('a', 'A');
    expect(cache.get('a')).toBeUndefined();
  });
});
