import { backOffMs, intervalMs, retryAfterSeconds, type BackOffPolicy } from './back-off';

const policy: BackOffPolicy = { freeFailures: 5, firstWaitMs: 1_000, maxWaitMs: 60_000, forgetAfterMs: 86_400_000 };

describe('backOffMs', () => {
  it('lets the first failures (typos) cost nothing, then doubles the wait with every failure', () => {
    expect([0, 1, 4].map((failures) => backOffMs(failures, policy))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map((failures) => backOffMs(failures, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
  });

  it('never waits longer than the cap, however many failures (a wait, not a lock)', () => {
    expect(backOffMs(11, policy)).toBe(60_000);
    expect(backOffMs(1_000_000, policy)).toBe(60_000);
    expect(backOffMs(Number.MAX_SAFE_INTEGER, policy)).toBe(60_000);
  });
});

describe('rates', () => {
  it('spaces attempts evenly over the window once the burst is spent', () => {
    expect(intervalMs({ max: 20, windowMs: 3_600_000 })).toBe(180_000);
  });

  it('rounds a wait up to whole seconds, never to 0', () => {
    expect([1, 999, 1_000, 1_001, 0].map(retryAfterSeconds)).toEqual([1, 1, 1, 2, 1]);
  });
});
