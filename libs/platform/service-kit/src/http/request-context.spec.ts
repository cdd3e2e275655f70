import type { Principal } from '@vertrouwd/auth';
import { contextOf } from './request-context';

// The command context of an HTTP request: who acts (an opaque id), for which agency, in which flow.

const user = (overrides: Partial<Principal>): Principal => ({ subject: 'sub-1', kind: 'user', roles: [], ...overrides });

describe('contextOf', () => {
  it('acts for the staff member’s own agency, as their advisor id, in the request’s correlation', () => {
    const principal = user({ roles: ['advisor'], agencyId: 'agency-1', advisorId: 'advisor-1' });
    expect(contextOf(principal, { correlationId: 'corr-1' })).toEqual({
      actor: 'advisor-1',
      agencyId: 'agency-1',
      correlationId: 'corr-1',
    });
  });

  it('falls back to the token’s subject when there is no advisor id', () => {
    expect(contextOf(user({ roles: ['coordinator'], agencyId: 'agency-1' }), { correlationId: 'c' }).actor).toBe('sub-1');
  });

  it('gives an admin no agency, so they act across agencies, even when the token names one', () => {
    expect(contextOf(user({ roles: ['admin'] }), { correlationId: 'c' }).agencyId).toBeUndefined();
    expect(contextOf(user({ roles: ['advisor', 'admin'], agencyId: 'agency-1' }), { correlationId: 'c' }).agencyId).toBeUndefined();
  });

  it('never leaves a non-admin without an agency (that would reach every agency): a token without one reaches none', () => {
    for (const principal of [
      user({ roles: ['advisor'] }),
      user({ roles: [] }),
      { subject: 'r', kind: 'reporter', roles: [] } as Principal,
    ]) {
      const { agencyId } = contextOf(principal, { correlationId: 'c' });
      expect(agencyId).toEqual(expect.any(String));
    }
  });

  it('makes a fresh correlation id when the request has none', () => {
    const principal = user({ roles: ['advisor'], agencyId: 'agency-1' });
    const [first, second] = [contextOf(principal, {}), contextOf(principal, {})];
    expect(first.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.correlationId).not.toBe(first.correlationId);
  });

  it('carries the version a conditional write was based on (If-Match), and none without it', () => {
    const principal = user({ roles: ['coordinator'], agencyId: 'agency-1' });
    expect(contextOf(principal, { correlationId: 'c', ifMatch: 3 }).expectedVersion).toBe(3);
    expect(contextOf(principal, { correlationId: 'c' })).not.toHaveProperty('expectedVersion');
  });
});
