import type { CaseProgress } from '../ports/intake-read-model.port';
import { reporterDeadlines } from './reporter-deadlines';

// The deadlines the reporter reads, from intake's read model at request time, at the edges of the rules.
const at = (iso: string) => new Date(iso);
const progress = (p: Partial<CaseProgress>): CaseProgress => ({
  receivedAt: null,
  acknowledgedAt: null,
  inProgressAt: null,
  closedAt: null,
  clocksFrom: null,
  clockAcknowledgedAt: null,
  clockFeedbackAt: null,
  ...p,
});
const own = (receivedAt: string, withdrawnAt?: string) => ({ receivedAt, withdrawnAt });
const opened = (receivedAt: string, p: Partial<CaseProgress> = {}) => progress({ receivedAt: at(receivedAt), ...p });

describe("the reporter's deadlines", () => {
  it('count the 7 days from the Amsterdam day of receipt: just before and just after local midnight', () => {
    // 22:59:59 UTC on 7 Dec is 23:59:59 in Amsterdam (7 Dec); a second later it is 8 Dec there.
    const before = reporterDeadlines(opened('2026-12-07T22:59:59.000Z'), own('2026-12-07T22:59:59.000Z'), at('2026-12-08T00:00:00Z'));
    const after = reporterDeadlines(opened('2026-12-07T23:00:00.000Z'), own('2026-12-07T23:00:00.000Z'), at('2026-12-08T00:00:00Z'));
    expect(before.acknowledgement).toEqual({ dueAt: '2026-12-14T22:59:59.999Z', state: 'pending', metAt: null });
    expect(after.acknowledgement).toEqual({ dueAt: '2026-12-15T22:59:59.999Z', state: 'pending', metAt: null });
  });

  it('end on the Amsterdam day across the change to summer time (a 23-hour day)', () => {
    const clocks = reporterDeadlines(opened('2027-03-25T11:00:00.000Z'), own('2027-03-25T11:00:00.000Z'), at('2027-03-26T00:00:00Z'));
    // Received Thursday 25 March (UTC+1); due the end of 1 April, by then UTC+2.
    expect(clocks.acknowledgement.dueAt).toBe('2027-04-01T21:59:59.999Z');
  });

  it("follow intake's own receipt until case opened the case", () => {
    const clocks = reporterDeadlines(undefined, own('2026-12-06T17:30:00.000Z'), at('2026-12-06T17:31:00Z'));
    expect(clocks.acknowledgement).toEqual({ dueAt: '2026-12-13T22:59:59.999Z', state: 'pending', metAt: null });
    expect(clocks.feedback).toEqual({ dueAt: '2027-03-13T22:59:59.999Z', state: 'pending', metAt: null });
  });

  it('without an acknowledgement: the first is missed after its day, feedback due 3 months after the 7 days', () => {
    const clocks = reporterDeadlines(opened('2026-11-24T09:00:00.000Z'), own('2026-11-24T09:00:00.000Z'), at('2026-12-02T00:00:00Z'));
    expect(clocks.acknowledgement).toEqual({ dueAt: '2026-12-01T22:59:59.999Z', state: 'missed', metAt: null });
    expect(clocks.feedback).toEqual({ dueAt: '2027-03-01T22:59:59.999Z', state: 'pending', metAt: null });
  });

  it('acknowledged late: missed with the day it came, and feedback due 3 months after that day', () => {
    const p = opened('2026-11-24T09:00:00.000Z', { clockAcknowledgedAt: at('2026-12-03T10:00:00.000Z') });
    const clocks = reporterDeadlines(p, own('2026-11-24T09:00:00.000Z'), at('2026-12-04T00:00:00Z'));
    expect(clocks.acknowledgement).toEqual({ dueAt: '2026-12-01T22:59:59.999Z', state: 'missed', metAt: '2026-12-03T10:00:00.000Z' });
    expect(clocks.feedback).toEqual({ dueAt: '2027-03-03T22:59:59.999Z', state: 'pending', metAt: null });
  });

  it('feedback given in time meets the feedback deadline', () => {
    const p = opened('2026-11-24T09:00:00.000Z', {
      clockAcknowledgedAt: at('2026-11-25T10:00:00.000Z'),
      clockFeedbackAt: at('2027-01-15T10:00:00.000Z'),
    });
    const clocks = reporterDeadlines(p, own('2026-11-24T09:00:00.000Z'), at('2027-06-01T00:00:00Z'));
    expect(clocks.acknowledgement.state).toBe('met');
    expect(clocks.feedback).toEqual({ dueAt: '2027-02-25T22:59:59.999Z', state: 'met', metAt: '2027-01-15T10:00:00.000Z' });
  });

  it('stop at the withdrawal once case closed the case for it; what was met before stays met', () => {
    const p = opened('2026-11-24T09:00:00.000Z', {
      clockAcknowledgedAt: at('2026-11-25T10:00:00.000Z'),
      closedAt: at('2026-12-01T12:00:00.000Z'),
    });
    const clocks = reporterDeadlines(p, own('2026-11-24T09:00:00.000Z', '2026-12-01T12:00:00.000Z'), at('2027-06-01T00:00:00Z'));
    expect(clocks.acknowledgement.state).toBe('met');
    expect(clocks.feedback).toEqual({ dueAt: '2027-02-25T22:59:59.999Z', state: 'stopped', metAt: null });
  });

  it('do not stop for a withdrawal case ignored (the case was closed before), as the counsellor still owes feedback', () => {
    const p = opened('2026-11-24T09:00:00.000Z', {
      clockAcknowledgedAt: at('2026-11-25T10:00:00.000Z'),
      closedAt: at('2026-11-30T12:00:00.000Z'),
    });
    const clocks = reporterDeadlines(p, own('2026-11-24T09:00:00.000Z', '2026-12-01T12:00:00.000Z'), at('2027-06-01T00:00:00Z'));
    expect(clocks.feedback).toEqual({ dueAt: '2027-02-25T22:59:59.999Z', state: 'missed', metAt: null });
  });

  it('start again at a resumption, as for a report received then', () => {
    const p = opened('2026-11-24T09:00:00.000Z', {
      acknowledgedAt: at('2026-11-25T10:00:00.000Z'),
      clocksFrom: at('2027-01-10T09:00:00.000Z'),
    });
    const clocks = reporterDeadlines(p, own('2026-11-24T09:00:00.000Z'), at('2027-01-11T00:00:00Z'));
    expect(clocks.acknowledgement).toEqual({ dueAt: '2027-01-17T22:59:59.999Z', state: 'pending', metAt: null });
    expect(clocks.feedback.dueAt).toBe('2027-04-17T21:59:59.999Z');
  });
});
