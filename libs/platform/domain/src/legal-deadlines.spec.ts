import { acknowledgementDue, deadlinesAt, feedbackDue } from './legal-deadlines';

// The rules at their edges; case's legal-clock.spec.ts checks them against an independent implementation (Luxon)
// over random instants, and what of a case's history starts, meets and stops them.
const at = (iso: string) => new Date(iso);

describe('the legal deadlines in Dutch calendar days', () => {
  it('acknowledges by the end of the 7th Amsterdam day, the day being Dutch, not UTC', () => {
    // 22:59 UTC on 30 Nov is still 30 Nov in Amsterdam; 23:00 UTC is already 1 Dec.
    expect(acknowledgementDue(at('2026-11-30T22:59:59.999Z')).toISOString()).toBe('2026-12-07T22:59:59.999Z');
    expect(acknowledgementDue(at('2026-11-30T23:00:00.000Z')).toISOString()).toBe('2026-12-08T22:59:59.999Z');
  });

  it('gives feedback 3 months after the acknowledgement day, or after the end of the 7 days without one', () => {
    expect(feedbackDue(at('2026-11-24T09:00:00Z'), at('2026-11-30T10:00:00Z')).toISOString()).toBe('2027-02-28T22:59:59.999Z');
    expect(feedbackDue(at('2026-11-24T09:00:00Z')).toISOString()).toBe('2027-03-01T22:59:59.999Z');
  });

  it('tells both deadlines from the start of the clocks and the steps', () => {
    const clocksFrom = at('2026-12-01T09:00:00Z');
    expect(deadlinesAt({ clocksFrom }, at('2026-12-02T00:00:00Z'))).toEqual({
      acknowledgement: { deadline: 'acknowledgement', dueAt: '2026-12-08T22:59:59.999Z', state: 'pending' },
      feedback: { deadline: 'feedback', dueAt: '2027-03-08T22:59:59.999Z', state: 'pending' },
    });
    const late = deadlinesAt({ clocksFrom, acknowledgedAt: at('2026-12-10T09:00:00Z') }, at('2026-12-11T00:00:00Z'));
    expect(late.acknowledgement).toMatchObject({ state: 'missed', metAt: '2026-12-10T09:00:00.000Z' });
    expect(late.feedback).toMatchObject({ dueAt: '2027-03-10T22:59:59.999Z', state: 'pending' });
  });

  it('stops what was not yet due at a withdrawal, and keeps what was missed before it', () => {
    const clocks = deadlinesAt(
      { clocksFrom: at('2026-12-01T09:00:00Z'), stoppedAt: at('2026-12-20T09:00:00Z') },
      at('2027-06-01T00:00:00Z'),
    );
    expect(clocks.acknowledgement.state).toBe('missed');
    expect(clocks.feedback).toMatchObject({ state: 'stopped', stoppedAt: '2026-12-20T09:00:00.000Z' });
  });
});
