import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { CaseEvent } from './case.events';
import { acknowledged, anna, caseId, opened, openedWith, sealed } from './case.fixtures';
import { acknowledgementDue, addMonths, feedbackDue, legalClocks, regimeOf, stateOf } from './legal-clock';

// The Wbk's deadlines in Dutch calendar days (Europe/Amsterdam). Examples at the edges, then properties over
// random instants from 2024 to 2032 against an independent implementation (Luxon's zone arithmetic): the two
// must agree on every due instant, across daylight saving time, leap years and month ends.

const received = (receivedAt: string): CaseEvent => ({ ...opened, receivedAt });
const ack = (acknowledgedAt: string): CaseEvent => ({ type: 'CaseAcknowledged', caseId, advisorId: anna, acknowledgedAt });
const feedback = (givenAt: string): CaseEvent => ({
  type: 'FeedbackGiven',
  caseId,
  feedbackId: 'f',
  advisorId: anna,
  sealedFeedback: sealed('f'),
  givenAt,
});
const message = (sentAt: string): CaseEvent => ({
  type: 'AdvisorMessageSent',
  caseId,
  messageId: 'm',
  advisorId: anna,
  sealedBody: sealed('m'),
  sentAt,
});
const shared = (sharedAt: string): CaseEvent => ({
  type: 'SummaryShared',
  caseId,
  summaryId: 's',
  advisorId: anna,
  sealedSummary: sealed('s'),
  sharedAt,
});
const closed = (closedAt: string): CaseEvent => ({ type: 'CaseClosed', caseId, advisorId: anna, outcome: 'settled-informally', closedAt });
const withdrawn = (withdrawnAt: string): CaseEvent => ({ type: 'ReportWithdrawn', caseId, withdrawnAt });
const iso = (d: Date) => d.toISOString();
/** A local Amsterdam wall-clock time as an instant, by the independent implementation. */
const amsterdam = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Amsterdam' }).toJSDate();

/** The independent implementation: Luxon's calendar arithmetic in the Amsterdam zone. */
const reference = {
  acknowledgementDue: (r: Date) =>
    DateTime.fromJSDate(r, { zone: 'Europe/Amsterdam' }).startOf('day').plus({ days: 7 }).endOf('day').toJSDate(),
  feedbackDue: (r: Date, a?: Date) =>
    (a
      ? DateTime.fromJSDate(a, { zone: 'Europe/Amsterdam' }).startOf('day')
      : DateTime.fromJSDate(r, { zone: 'Europe/Amsterdam' }).startOf('day').plus({ days: 7 })
    )
      .plus({ months: 3 })
      .endOf('day')
      .toJSDate(),
};

describe('legal clock: Dutch calendar days', () => {
  it('adds calendar months to a day, clamping to the month end', () => {
    expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths({ year: 2026, month: 11, day: 30 }, 3)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 10, day: 31 }, 3)).toEqual({ year: 2027, month: 1, day: 31 });
  });

  it('acknowledges by the end of local day 7, however late on day 0 the report came', () => {
    expect(iso(acknowledgementDue(amsterdam('2026-02-25T00:00:00')))).toBe(iso(amsterdam('2026-03-04T23:59:59.999')));
    expect(iso(acknowledgementDue(amsterdam('2026-02-25T23:59:59')))).toBe(iso(amsterdam('2026-03-04T23:59:59.999')));
    // 23:30 UTC on 24 Feb is already 25 Feb in Amsterdam: day 0 is the Dutch day.
    expect(iso(acknowledgementDue(new Date('2026-02-24T23:30:00Z')))).toBe('2026-03-04T22:59:59.999Z');
  });

  it('counts calendar days across the change to summer time and back, not 24-hour blocks', () => {
    // Summer time starts 29 March 2026 (a 23-hour day): due at the end of 2 April, 21:59:59.999 UTC.
    expect(iso(acknowledgementDue(amsterdam('2026-03-26T12:00:00')))).toBe('2026-04-02T21:59:59.999Z');
    // Winter time returns 25 October 2026 (a 25-hour day): due at the end of 29 October, 22:59:59.999 UTC.
    expect(iso(acknowledgementDue(amsterdam('2026-10-22T00:30:00')))).toBe('2026-10-29T22:59:59.999Z');
  });

  it('gives feedback 3 months after the end of the 7 days when never acknowledged (received 24 Nov: by 1 March)', () => {
    // The old rule (3 months, then 7 days) gave 3 March: a reply on 2 March counted as in time.
    expect(iso(feedbackDue(amsterdam('2026-11-24T10:00:00')))).toBe(iso(amsterdam('2027-03-01T23:59:59.999')));
    const late = legalClocks(
      [received(iso(amsterdam('2026-11-24T10:00:00'))), feedback(iso(amsterdam('2027-03-02T09:00:00')))],
      new Date('2028-01-01'),
    );
    expect(late!.feedback.state).toBe('missed');
  });

  it('gives feedback by the end of the same day number 3 months after the acknowledgement, or the month end', () => {
    // Acknowledged 31 Jan 00:30 in Amsterdam (30 Jan in UTC): by the end of 30 April, not 1 May 01:30.
    expect(iso(feedbackDue(amsterdam('2026-01-20T10:00:00'), amsterdam('2026-01-31T00:30:00')))).toBe(
      iso(amsterdam('2026-04-30T23:59:59.999')),
    );
    // A leap year: acknowledged 30 Nov 2027, feedback by the end of 29 Feb 2028.
    expect(iso(feedbackDue(amsterdam('2027-11-25T10:00:00'), amsterdam('2027-11-30T16:00:00')))).toBe(
      iso(amsterdam('2028-02-29T23:59:59.999')),
    );
  });

  it('is met up to the last millisecond of the due day, missed one millisecond later', () => {
    const events = [received(iso(amsterdam('2026-03-01T21:00:00')))];
    const due = amsterdam('2026-03-08T23:59:59.999');
    expect(legalClocks(events, due)!.acknowledgement).toEqual({ deadline: 'acknowledgement', dueAt: iso(due), state: 'pending' });
    expect(legalClocks(events, new Date(due.getTime() + 1))!.acknowledgement.state).toBe('missed');
    expect(legalClocks([...events, ack(iso(due))], new Date('2027-01-01'))!.acknowledgement).toEqual({
      deadline: 'acknowledgement',
      dueAt: iso(due),
      state: 'met',
      metAt: iso(due),
    });
    expect(legalClocks([...events, ack(iso(new Date(due.getTime() + 1)))], new Date('2027-01-01'))!.acknowledgement).toMatchObject({
      state: 'missed',
      metAt: iso(new Date(due.getTime() + 1)),
    });
  });

  it('has no clocks before the case is opened', () => expect(legalClocks([], new Date())).toBeUndefined());
});

describe('legal clock: what meets the feedback deadline', () => {
  const afterAll = new Date('2027-01-01T00:00:00Z');

  it('only explicit feedback, or a closure that carries it', () => {
    const clocks = legalClocks([opened, acknowledged, feedback('2026-04-01T10:00:00.000Z')], afterAll)!;
    expect(clocks.feedback).toEqual({
      deadline: 'feedback',
      dueAt: '2026-06-02T21:59:59.999Z',
      state: 'met',
      metAt: '2026-04-01T10:00:00.000Z',
    });
  });

  it.each([
    ['a "thanks, received" message', message('2026-03-01T22:00:00.000Z')],
    ['a message after the acknowledgement', message('2026-04-01T10:00:00.000Z')],
    ['an Art. 18 summary shared for approval', shared('2026-04-01T10:00:00.000Z')],
    ['a silent closure', closed('2026-04-01T10:00:00.000Z')],
  ])('not %s', (_what, step) => {
    expect(legalClocks([opened, acknowledged, step], afterAll)!.feedback).toEqual({
      deadline: 'feedback',
      dueAt: '2026-06-02T21:59:59.999Z',
      state: 'missed',
    });
  });
});

describe('legal clock: withdrawal and erasure stop the clocks', () => {
  it('shows nothing missed for a case withdrawn on day 2, however long after', () => {
    const clocks = legalClocks([opened, withdrawn('2026-03-03T10:00:00.000Z')], new Date('2030-01-01'))!;
    expect(clocks.acknowledgement).toEqual({
      deadline: 'acknowledgement',
      dueAt: '2026-03-08T22:59:59.999Z',
      state: 'stopped',
      stoppedAt: '2026-03-03T10:00:00.000Z',
    });
    expect(clocks.feedback.state).toBe('stopped');
  });

  it('keeps a deadline missed before the stop, and one met before it', () => {
    const late = legalClocks([opened, withdrawn('2026-03-20T10:00:00.000Z')], new Date('2030-01-01'))!;
    expect(late.acknowledgement.state).toBe('missed');
    expect(late.feedback.state).toBe('stopped');
    const erased: CaseEvent = { type: 'CaseErased', caseId, reason: 'request', erasedAt: '2026-04-01T00:00:00.000Z' };
    const done = legalClocks([opened, acknowledged, erased], new Date('2030-01-01'))!;
    expect(done.acknowledgement.state).toBe('met');
    expect(done.feedback.state).toBe('stopped');
  });
});

describe('legal clock: regimes', () => {
  it('keeps the Wbk for integrity themes and the Wbk misstand, the agency standard for unwanted behaviour and "not sure"', () => {
    for (const theme of ['theft-or-fraud', 'corruption', 'extortion', 'conflict-of-interest'] as const)
      expect(regimeOf(theme, false)).toBe('wbk');
    for (const theme of ['bullying', 'sexual-harassment', 'discrimination', 'not-sure'] as const)
      expect(regimeOf(theme, false)).toBe('service-standard');
  });

  it('puts a case under the Wbk once the advisor supports a formal report', () => {
    expect(legalClocks([opened], new Date(0))!.regime).toBe('service-standard');
    expect(legalClocks([openedWith('corruption')], new Date(0))!.regime).toBe('wbk');
    const formal: CaseEvent = { type: 'FormalReportSupported', caseId, advisorId: anna, supportedAt: '2026-03-05T10:00:00.000Z' };
    expect(legalClocks([opened, formal], new Date(0))!.regime).toBe('wbk');
  });
});

describe('legal clock: properties against an independent calendar implementation', () => {
  // Any instant from 2024 to the end of 2032, to the millisecond; DST nights and month ends are forced in often.
  const from = Date.UTC(2024, 0, 1);
  const to = Date.UTC(2033, 0, 1);
  const anyInstant = fc.integer({ min: from, max: to }).map((ms) => new Date(ms));
  const dstNight = fc
    .tuple(
      fc.integer({ min: 2024, max: 2032 }),
      fc.constantFrom(3, 10),
      fc.integer({ min: 24, max: 31 }),
      fc.integer({ min: 0, max: 4 * 3_600_000 }),
    )
    .map(([year, month, day, ms]) => new Date(Date.UTC(year, month - 1, day) + ms - 3_600_000));
  const monthEnd = fc
    .tuple(
      fc.integer({ min: 2024, max: 2032 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: -2, max: 1 }),
      fc.integer({ min: 0, max: 86_399_999 }),
    )
    .map(([year, month, offset, ms]) => new Date(Date.UTC(year, month, offset) + ms - 3_600_000));
  const instant = fc.oneof(anyInstant, dstNight, monthEnd);
  const runs = { numRuns: 2000 };

  it('agrees on the acknowledgement deadline', () =>
    fc.assert(
      fc.property(instant, (r) => iso(acknowledgementDue(r)) === iso(reference.acknowledgementDue(r))),
      runs,
    ));

  it('agrees on the feedback deadline without an acknowledgement', () =>
    fc.assert(
      fc.property(instant, (r) => iso(feedbackDue(r)) === iso(reference.feedbackDue(r))),
      runs,
    ));

  it('agrees on the feedback deadline after an acknowledgement within 30 days', () =>
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 * 86_400_000 }), (r, later) => {
        const a = new Date(r.getTime() + later);
        return iso(feedbackDue(r, a)) === iso(reference.feedbackDue(r, a));
      }),
      runs,
    ));

  it('always ends a deadline at the last millisecond of an Amsterdam day', () =>
    fc.assert(
      fc.property(instant, (r) => {
        const due = DateTime.fromJSDate(acknowledgementDue(r), { zone: 'Europe/Amsterdam' });
        return due.toFormat('HH:mm:ss.SSS') === '23:59:59.999' && due.plus({ milliseconds: 1 }).toFormat('HH:mm:ss.SSS') === '00:00:00.000';
      }),
      runs,
    ));

  it('meets a deadline exactly when its step comes by the due instant, and never misses a clock that stopped before it', () =>
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        fc.option(fc.integer({ min: 0, max: 20 * 86_400_000 })),
        (r, doneAfter, stopAfter) => {
          const due = acknowledgementDue(r);
          const done = new Date(r.getTime() + doneAfter);
          const stop = stopAfter === null ? undefined : new Date(r.getTime() + stopAfter);
          const state = stateOf('acknowledgement', due, done, new Date(Date.UTC(2040, 0, 1)), stop);
          if (stop && stop <= due && stop < done) return state.state === 'stopped';
          return state.state === (done <= due ? 'met' : 'missed');
        },
      ),
      runs,
    ));
});

describe('legal clock: a resumed report', () => {
  it('starts both clocks again from the resumption, as a report received then', () => {
    const resumed: CaseEvent = { type: 'ReportResumed', caseId, resumedAt: '2026-03-20T10:00:00.000Z' };
    const clocks = legalClocks([opened, acknowledged, withdrawn('2026-03-03T10:00:00.000Z'), resumed], new Date('2026-03-25T00:00:00Z'))!;
    expect(clocks.acknowledgement).toEqual({ deadline: 'acknowledgement', dueAt: '2026-03-27T22:59:59.999Z', state: 'pending' });
    expect(clocks.feedback.dueAt).toBe('2026-06-27T21:59:59.999Z');
  });
});
