import { amsterdamDay } from '@vertrouwd/domain';

/** Today in the Netherlands (YYYY-MM-DD). */
export function today(at: Date = new Date()): string {
  return amsterdamDay(at);
}

/** The Monday (YYYY-MM-DD) of the Dutch week of a day: the week a counsellor's weekly hours count in. */
export function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(y, m - 1, d - sinceMonday)).toISOString().slice(0, 10);
}
