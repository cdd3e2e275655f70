// The two deadlines of the Whistleblower Protection Act (Wbk, from EU directive 2019/1937, art. 9(1)(b) and (f)):
// acknowledge receipt within 7 days; give feedback within 3 months of the acknowledgement or, when receipt was never
// acknowledged, within 3 months of the end of those 7 days. Days are Dutch calendar days: a report received at any
// time on local day 0 (Europe/Amsterdam) must be acknowledged by the end of local day 7, whatever daylight saving
// time does in between; a period of months ends on the same day number, or on the last day of a shorter month.
// One implementation for every service that shows a deadline (case keeps the clocks, intake shows them to the
// reporter), so the reporter never reads a date the counsellor does not.

/** A deadline's state at an instant; `stopped`: the reporter withdrew or the case was erased while it still ran. */
export type DeadlineState<D extends string = string> =
  | { deadline: D; dueAt: string; state: 'pending' }
  | { deadline: D; dueAt: string; state: 'met'; metAt: string }
  | { deadline: D; dueAt: string; state: 'missed'; metAt?: string }
  | { deadline: D; dueAt: string; state: 'stopped'; stoppedAt: string };

/** A day of the Dutch calendar. */
export interface LocalDay {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

const ZONE = 'Europe/Amsterdam';
const HOUR_MS = 60 * 60 * 1000;
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The wall-clock time in Amsterdam at an instant, as if it were UTC (for offsets and days). */
function wallClock(at: Date): number {
  const p = Object.fromEntries(parts.formatToParts(at).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + at.getUTCMilliseconds();
}

/** The Amsterdam calendar day an instant falls on. */
export function localDayOf(at: Date): LocalDay {
  const wall = new Date(wallClock(at));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** A calendar day moved by whole days. */
export function addDays(day: LocalDay, days: number): LocalDay {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** Calendar months; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: LocalDay, months: number): LocalDay {
  const first = new Date(Date.UTC(day.year, day.month - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(day.day, lastDay) };
}

/** The instant local midnight begins `day` (never in a DST gap: Amsterdam switches at 02:00 and 03:00). */
export function startOfLocalDay(day: LocalDay): Date {
  const midnightAsUtc = Date.UTC(day.year, day.month - 1, day.day);
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(midnightAsUtc - offsetHours * HOUR_MS);
    if (wallClock(candidate) === midnightAsUtc) return candidate;
  }
  throw new Error('Europe/Amsterdam has an offset other than +1 or +2 here');
}

/** The last millisecond of `day` in Amsterdam: a deadline on that day is met up to and including it. */
export function endOfLocalDay(day: LocalDay): Date {
  return new Date(startOfLocalDay(addDays(day, 1)).getTime() - 1);
}

/** Acknowledgement: by the end of the 7th local day after the day of receipt. */
export function acknowledgementDue(receivedAt: Date): Date {
  return endOfLocalDay(addDays(localDayOf(receivedAt), 7));
}

/** Feedback: 3 months after the day of acknowledgement; without one, 3 months after the end of the 7-day period. */
export function feedbackDue(receivedAt: Date, acknowledgedAt?: Date): Date {
  const from = acknowledgedAt ? localDayOf(acknowledgedAt) : addDays(localDayOf(receivedAt), 7);
  return endOfLocalDay(addMonths(from, 3));
}

/**
 * A deadline's state at `now`: met when its step came by the due instant; missed when it came later, or not at
 * all by `now`; stopped when the clock stopped before it was due and before its step. A deadline missed before the
 * stop stays missed.
 */
export function stateOf<D extends string>(deadline: D, due: Date, doneAt: Date | undefined, now: Date, stoppedAt?: Date): DeadlineState<D> {
  const dueAt = due.toISOString();
  const stopped = stoppedAt && stoppedAt <= due && (!doneAt || stoppedAt < doneAt);
  if (stopped) return { deadline, dueAt, state: 'stopped', stoppedAt: stoppedAt.toISOString() };
  if (doneAt && (!stoppedAt || doneAt <= stoppedAt)) {
    return doneAt <= due
      ? { deadline, dueAt, state: 'met', metAt: doneAt.toISOString() }
      : { deadline, dueAt, state: 'missed', metAt: doneAt.toISOString() };
  }
  return now > due ? { deadline, dueAt, state: 'missed' } : { deadline, dueAt, state: 'pending' };
}

/** What a case's two deadlines follow from: the start of its clocks and when each step came, if it did. */
export interface DeadlineInputs {
  /** Receipt of the report, or its resumption after a withdrawal (the clocks start again then). */
  clocksFrom: Date;
  /** The first acknowledgement since `clocksFrom`. */
  acknowledgedAt?: Date;
  /** The first feedback since `clocksFrom`. */
  feedbackAt?: Date;
  /** The reporter's withdrawal or the case's erasure since `clocksFrom`, whichever came first. */
  stoppedAt?: Date;
}

/** Both deadlines at `now`. */
export function deadlinesAt(inputs: DeadlineInputs, now: Date) {
  const { clocksFrom, acknowledgedAt, feedbackAt, stoppedAt } = inputs;
  return {
    acknowledgement: stateOf('acknowledgement', acknowledgementDue(clocksFrom), acknowledgedAt, now, stoppedAt),
    feedback: stateOf('feedback', feedbackDue(clocksFrom, acknowledgedAt), feedbackAt, now, stoppedAt),
  };
}
