// The Dutch calendar day. Deadlines, absences, hours and periods are Dutch calendar days: an instant belongs to the
// day it is in Amsterdam, not in UTC (between 23:00 and 01:00 UTC the two differ).

const ZONE = 'Europe/Amsterdam';
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the Netherlands at an instant, as YYYY-MM-DD. */
export function amsterdamDay(at: Date | string): string {
  return DAY.format(typeof at === 'string' ? new Date(at) : at);
}

/** A calendar day (YYYY-MM-DD) moved by whole days. */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Today in the Netherlands (or `days` from today), as YYYY-MM-DD. */
export function amsterdamToday(days = 0, now: Date = new Date()): string {
  return shiftDay(amsterdamDay(now), days);
}
