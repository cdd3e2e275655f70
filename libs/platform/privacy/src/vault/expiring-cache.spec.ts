import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  // A real clock never reads 0, and lru-cache takes a start time of 0 for "none": start later.
  let now = 1_000;
  const clock = () => now;

  it('forgets an entry once its time is up', () => {
    const cache = new ExpiringCache<string>(100, 10, clock);
    cache.set('a', 'A');
    now += 99;
    expect(cache.get('a')).toBe('A');
    // lru-cache counts an entry stale once more than its time to live has passed.
    now += 2;
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

  it('keeps the entry read most recently when it must drop one', () => {
    const cache = new ExpiringCache<string>(1_000, 2, clock);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['A', undefined, 'C']);
  });

  it('keeps nothing with a time to live of 0', () => {
    const cache = new ExpiringCache<string>(0, 10, clock);
    cache.set('a', 'A');
    expect(cache.get('a')).toBeUndefined();
    const noRoom = new ExpiringCache<string>(1_000, 0, clock);
    noRoom.set('a', 'A');
    expect([noRoom.get('a'), noRoom.size]).toEqual([undefined, 0]);
  });
});
