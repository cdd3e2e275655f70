import { DEFAULT_INTAKE_LIMITS, IntakeThrottles } from './intake-throttles';

describe('IntakeThrottles', () => {
  it('uses the documented limits by default', () => {
    const throttles = new IntakeThrottles();
    expect(throttles.submissionsPerClient.limit).toEqual({ max: 20, windowMs: 3_600_000 });
    expect(throttles.failedFollowUpsPerReceipt.limit).toEqual({ max: 5, windowMs: 900_000 });
    expect(throttles.failedFollowUpsPerClient.limit).toEqual({ max: 20, windowMs: 900_000 });
  });

  it('replaces only the limits it is given', () => {
    const throttles = new IntakeThrottles({ submissionsPerClient: { max: 2, windowMs: 1_000 } });
    expect(throttles.submissionsPerClient.limit).toEqual({ max: 2, windowMs: 1_000 });
    expect(throttles.failedFollowUpsPerReceipt.limit).toBe(DEFAULT_INTAKE_LIMITS.failedFollowUpsPerReceipt);
    throttles.submissionsPerClient.hit('a');
    throttles.submissionsPerClient.hit('a');
    expect(() => throttles.refuseWhenLimited([throttles.submissionsPerClient, 'a'])).toThrow();
    expect(() => throttles.refuseWhenLimited([throttles.submissionsPerClient, 'b'])).not.toThrow();
  });

  it('checks and counts in one step, and takes back every hit of an attempt that does not count', () => {
    const throttles = new IntakeThrottles({ failedFollowUpsPerReceipt: { max: 2, windowMs: 60_000 } });
    const { failedFollowUpsPerReceipt: perReceipt, failedFollowUpsPerClient: perClient } = throttles;
    throttles.take([perReceipt, 'receipt'], [perClient, 'client']);
    const takeBack = throttles.take([perReceipt, 'receipt'], [perClient, 'client']);
    // Counted before any answer: a third attempt at the same time is refused.
    expect(() => throttles.take([perReceipt, 'receipt'], [perClient, 'client'])).toThrow();
    takeBack();
    expect(perReceipt.retryAfterSeconds('receipt')).toBe(0);
    throttles.take([perReceipt, 'receipt'], [perClient, 'client']);
    expect(() => throttles.take([perReceipt, 'receipt'], [perClient, 'client'])).toThrow();
    // A refused attempt is not counted against the client either: 2 hits stay 2.
    expect((perClient as unknown as { hits: Map<string, number[]> }).hits.get('client')).toHaveLength(2);
  });
});
