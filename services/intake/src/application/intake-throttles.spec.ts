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
});
