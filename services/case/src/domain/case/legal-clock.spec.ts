import type { CaseEvent } from './case.events';
import { T0, acknowledged, anna, caseId, opened } from './case.fixtures';
import { addMonths, acknowledgementDue, feedbackDue, legalClocks } from './legal-clock';

const received = (receivedAt: string): CaseEvent => ({ ...opened, receivedAt });
const ack = (acknowledgedAt: string): CaseEvent => ({ type: 'CaseAcknowledged', caseId, advisorId: anna, acknowledgedAt });
const message = (sentAt: string): CaseEvent => ({
  type: 'AdvisorMessageSent',
  caseId,
  messageId: 'm',
  advisorId: anna,
  sealedBody: 'sealed:x',
  sentAt,
});
const iso = (d: Date) => d.toISOString();

describe('legal clock', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(iso(addMonths(new Date('2026-01-31T10:00:00Z'), 1))).toBe('2026-02-28T10:00:00.000Z');
    expect(iso(addMonths(new Date('2028-01-31T10:00:00Z'), 1))).toBe('2028-02-29T10:00:00.000Z');
    expect(iso(addMonths(new Date('2026-11-30T10:00:00Z'), 3))).toBe('2027-02-28T10:00:00.000Z');
    expect(iso(addMonths(new Date('2026-10-31T10:00:00Z'), 3))).toBe('2027-01-31T10:00:00.000Z');
  });

  it('is due 7 days after receipt, and 3 months after acknowledgement', () => {
    expect(iso(acknowledgementDue(new Date('2026-02-25T12:00:00Z')))).toBe('2026-03-04T12:00:00.000Z');
    expect(iso(feedbackDue(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-31T08:00:00Z')))).toBe('2026-04-30T08:00:00.000Z');
  });

  it('gives feedback 3 months and 7 days after receipt when never acknowledged', () =>
    expect(iso(feedbackDue(new Date('2026-11-30T09:00:00Z')))).toBe('2027-03-07T09:00:00.000Z'));

  it('is pending before the due date, missed after it', () => {
    const events = [received('2026-03-01T20:00:00.000Z')];
    expect(legalClocks(events, new Date('2026-03-08T20:00:00.000Z'))!.acknowledgement).toEqual({
      deadline: 'acknowledgement',
      dueAt: '2026-03-08T20:00:00.000Z',
      state: 'pending',
    });
    expect(legalClocks(events, new Date('2026-03-08T20:00:00.001Z'))!.acknowledgement.state).toBe('missed');
    expect(legalClocks(events, new Date('2026-03-09T00:00:00.000Z'))!.feedback).toEqual({
      deadline: 'feedback',
      dueAt: '2026-06-08T20:00:00.000Z',
      state: 'pending',
    });
  });

  it('is met by an acknowledgement on day 7 exactly', () => {
    const clocks = legalClocks([received('2026-03-01T20:00:00.000Z'), ack('2026-03-08T20:00:00.000Z')], new Date('2026-12-31T00:00:00Z'))!;
    expect(clocks.acknowledgement).toEqual({
      deadline: 'acknowledgement',
      dueAt: '2026-03-08T20:00:00.000Z',
      state: 'met',
      metAt: '2026-03-08T20:00:00.000Z',
    });
    expect(clocks.feedback.dueAt).toBe('2026-06-08T20:00:00.000Z');
  });

  it('is missed by a late acknowledgement, saying when it came', () =>
    expect(
      legalClocks([received('2026-03-01T20:00:00.000Z'), ack('2026-03-08T20:00:01.000Z')], new Date('2026-03-10T00:00:00Z'))!
        .acknowledgement,
    ).toEqual({
      deadline: 'acknowledgement',
      dueAt: '2026-03-08T20:00:00.000Z',
      state: 'missed',
      metAt: '2026-03-08T20:00:01.000Z',
    }));

  it('counts a message to the reporter as feedback', () => {
    const clocks = legalClocks([opened, acknowledged, message('2026-04-01T10:00:00.000Z')], new Date('2027-01-01T00:00:00Z'))!;
    expect(clocks.feedback).toEqual({
      deadline: 'feedback',
      dueAt: '2026-06-02T09:00:00.000Z',
      state: 'met',
      metAt: '2026-04-01T10:00:00.000Z',
    });
    expect(clocks.acknowledgement.state).toBe('met');
    expect(T0).toBe('2026-03-02T09:00:00.000Z');
  });

  it('has no clocks before the case is opened', () => expect(legalClocks([], new Date())).toBeUndefined());
});
