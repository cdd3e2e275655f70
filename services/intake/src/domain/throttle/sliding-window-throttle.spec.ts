import { SlidingWindowThrottle } from './sliding-window-throttle';

describe('SlidingWindowThrottle', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('lets a key through until it reaches the limit, then says how long to wait', () => {
    const throttle = new SlidingWindowThrottle({ max: 3, windowMs: 60_000 }, clock);
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.retryAfterSeconds('r')).toBe(0);
      throttle.hit('r');
      now += 10_000;
    }
    expect(throttle.retryAfterSeconds('r')).toBe(30);
    expect(throttle.retryAfterSeconds('other')).toBe(0);
  });

  it('slides: old hits stop counting once the window has passed them', () => {
    const throttle = new SlidingWindowThrottle({ max: 2, windowMs: 60_000 }, clock);
    throttle.hit('r');
    now += 30_000;
    throttle.hit('r');
    expect(throttle.retryAfterSeconds('r')).toBe(30);
    now += 30_001;
    expect(throttle.retryAfterSeconds('r')).toBe(0);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const throttle = new SlidingWindowThrottle({ max: 1, windowMs: 60_000 }, clock, 2);
    throttle.hit('a');
    throttle.hit('b');
    throttle.hit('c');
    expect(throttle.retryAfterSeconds('a')).toBe(0);
    expect(throttle.retryAfterSeconds('c')).toBe(60);
  });

  it('keeps no more than max hits per key, pruning what left the window', () => {
    const throttle = new SlidingWindowThrottle({ max: 3, windowMs: 60_000 }, clock);
    for (let i = 0; i < 1_000; i += 1) {
      throttle.hit('busy');
      now += 10;
    }
    expect((throttle as unknown as { hits: Map<string, number[]> }).hits.get('busy')).toHaveLength(3);
    expect(throttle.retryAfterSeconds('busy')).toBe(60);
    now += 60_000;
    expect(throttle.retryAfterSeconds('busy')).toBe(0);
    expect((throttle as unknown as { hits: Map<string, number[]> }).hits.get('busy')).toHaveLength(0);
  });

  it('takes back a hit it is told was forgiven, and only that one', () => {
    const throttle = new SlidingWindowThrottle({ max: 2, windowMs: 60_000 }, clock);
    throttle.hit('r');
    now += 1_000;
    const at = throttle.hit('r');
    expect(throttle.retryAfterSeconds('r')).toBe(59);
    throttle.forgive('r', at);
    expect(throttle.retryAfterSeconds('r')).toBe(0);
    throttle.forgive('r', at); // already gone: nothing else is taken back
    throttle.hit('r');
    expect(throttle.retryAfterSeconds('r')).toBe(59);
    throttle.forgive('unknown', at);
  });
});
