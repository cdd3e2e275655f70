/**
 * Plain calendar dates (`YYYY-MM-DD`, the Dutch calendar day: Europe/Amsterdam) and the invoicing periods built on
 * them. No clock and no time zone arithmetic here: a day is a day number, so leap years and month lengths come from
 * the Gregorian calendar alone.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** An invoicing period: a calendar month, quarter or year; `start` and `end` inclusive. */
export interface Period {
  kind: PeriodKind;
  /** `2026-11`, `2026-Q4` or `2026`. */
  key: string;
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The calendar date of a day number. */
export function dayOf(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

/** Days from `first` to `last`, both included (0 when `last` is before `first`). */
export function daysInclusive(first: string, last: string): number {
  return Math.max(0, dayNumber(last) - dayNumber(first) + 1);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** How many periods of a kind make a year: 12, 4 or 1. */
export function periodsPerYear(kind: PeriodKind): number {
  return kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The period of a kind that contains `day`. */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const [year, month] = day.split('-').map(Number) as [number, number];
  if (kind === 'year') return { kind, key: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
  if (kind === 'month') {
    return {
      kind,
      key: `${year}-${pad(month)}`,
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${lastDayOfMonth(year, month)}`,
    };
  }
  const quarter = Math.ceil(month / 3);
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return {
    kind,
    key: `${year}-Q${quarter}`,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${lastDayOfMonth(year, last)}`,
  };
}

/** The period after `period`, of the same kind. */
export function nextPeriod(period: Period): Period {
  return periodContaining(period.kind, addDays(period.end, 1));
}

/** The position of a period in its year: 0–11 for months, 0–3 for quarters, 0 for the year. */
export function indexInYear(period: Period): number {
  const month = Number(period.start.slice(5, 7));
  return period.kind === 'month' ? month - 1 : period.kind === 'quarter' ? (month - 1) / 3 : 0;
}

/** The period a key names (`2026-11`, `2026-Q4`, `2026`), or undefined for anything else. */
export function periodOfKey(key: string): Period | undefined {
  let match = /^(\d{4})$/.exec(key);
  if (match) return periodContaining('year', `${match[1]}-01-01`);
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) return periodContaining('quarter', `${match[1]}-${pad((Number(match[2]) - 1) * 3 + 1)}-01`);
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (match) return periodContaining('month', `${match[1]}-${match[2]}-01`);
  return undefined;
}
