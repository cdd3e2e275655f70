import type { CaseEvent, ReportResumed } from './case.events';
import { UNWANTED_BEHAVIOUR_THEMES, type Deadline, type Regime, type Theme } from './case.values';

// Whistleblower Protection Act (Wbk, from EU directive 2019/1937, art. 9(1)(b) and (f)): acknowledge receipt
// within 7 days; give feedback within 3 months of the acknowledgement or, when receipt was never acknowledged,
// within 3 months of the end of those 7 days. Days are Dutch calendar days: a report received at any time on
// local day 0 (Europe/Amsterdam) must be acknowledged by the end of local day 7, whatever daylight saving time
// does in between; a period of months ends on the same day number, or on the last day of a shorter month.

export type DeadlineState =
  | { deadline: Deadline; dueAt: string; state: 'pending' }
  | { deadline: Deadline; dueAt: string; state: 'met'; metAt: string }
  | { deadline: Deadline; dueAt: string; state: 'missed'; metAt?: string }
  /** The reporter withdrew or the case was erased while the deadline still ran: nothing is owed any more. */
  | { deadline: Deadline; dueAt: string; state: 'stopped'; stoppedAt: string };

export interface LegalClocks {
  /** `wbk`: the law's deadlines; `service-standard`: the agency's own standard, the same days, not law. */
  regime: Regime;
  acknowledgement: DeadlineState;
  feedback: DeadlineState;
}

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

/** By the end of the 7th local day after the day of receipt. */
export function acknowledgementDue(receivedAt: Date): Date {
  return endOfLocalDay(addDays(localDayOf(receivedAt), 7));
}

/** 3 months after the day of acknowledgement; without one, 3 months after the end of the 7-day period. */
export function feedbackDue(receivedAt: Date, acknowledgedAt?: Date): Date {
  const from = acknowledgedAt ? localDayOf(acknowledgedAt) : addDays(localDayOf(receivedAt), 7);
  return endOfLocalDay(addMonths(from, 3));
}

/**
 * The regime of a case: the Wbk's deadlines bind reports of a suspected wrong (every theme but unwanted behaviour
 * and "not sure") and any case in which the advisor supports a formal report; for unwanted-behaviour
 * consultations the same days are the agency's service standard.
 */
export function regimeOf(theme: Theme, formalReport: boolean): Regime {
  const consultation = UNWANTED_BEHAVIOUR_THEMES.includes(theme) || theme === 'not-sure';
  return formalReport || !consultation ? 'wbk' : 'service-standard';
}

/** The case's deadlines at `now`, from its events alone (so an auditor's replay gets the same answer as the watch). */
export function legalClocks(events: readonly CaseEvent[], now: Date): LegalClocks | undefined {
  const opened = events.find((e) => e.type === 'CaseOpened');
  if (!opened) return undefined;
  // A report the reporter resumed after withdrawing it starts its clocks again, as if received at the resumption.
  const resumed = events.findLastIndex((e) => e.type === 'ReportResumed');
  const cycle = resumed < 0 ? events : events.slice(resumed + 1);
  const start = resumed < 0 ? opened.receivedAt : (events[resumed] as ReportResumed).resumedAt;
  const acknowledged = cycle.find((e) => e.type === 'CaseAcknowledged');
  const feedback = cycle.find((e) => e.type === 'FeedbackGiven');
  const stop = stopOf(cycle);
  const formalReport = events.some((e) => e.type === 'FormalReportSupported');
  const receivedAt = new Date(start);
  const acknowledgedAt = acknowledged ? new Date(acknowledged.acknowledgedAt) : undefined;
  return {
    regime: regimeOf(opened.theme, formalReport),
    acknowledgement: stateOf('acknowledgement', acknowledgementDue(receivedAt), acknowledgedAt, now, stop),
    feedback: stateOf('feedback', feedbackDue(receivedAt, acknowledgedAt), feedback ? new Date(feedback.givenAt) : undefined, now, stop),
  };
}

/** When the clocks stopped: the reporter's withdrawal or the erasure of the case, whichever came first. */
function stopOf(events: readonly CaseEvent[]): Date | undefined {
  for (const event of events) {
    if (event.type === 'ReportWithdrawn') return new Date(event.withdrawnAt);
    if (event.type === 'CaseErased') return new Date(event.erasedAt);
  }
  return undefined;
}

/**
 * A deadline's state at `now`: met when its step came by the due instant; missed when it came later, or not at
 * all by `now`; stopped when the clock stopped before it was due and before its step. A deadline missed before the
 * stop stays missed.
 */
export function stateOf(deadline: Deadline, due: Date, doneAt: Date | undefined, now: Date, stoppedAt?: Date): DeadlineState {
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
