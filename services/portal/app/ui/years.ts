import { data } from 'react-router';

/** The year of the Dutch calendar day now (Europe/Amsterdam), never the UTC one. */
export function amsterdamYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(now));
}

/** The years a screen offers: this year and the `back` years before it, newest first. */
export function recentYears(back: number, now = new Date()): number[] {
  const year = amsterdamYear(now);
  return Array.from({ length: back + 1 }, (_, i) => year - i);
}

/** `?year=` of a request: one of the offered years, the `fallback` when absent; anything else is no page (404). */
export function yearParam(request: Request, offered: number[], fallback: number): number {
  const raw = new URL(request.url).searchParams.get('year');
  if (raw === null || raw === '') return fallback;
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || !offered.includes(year)) throw data(null, { status: 404 });
  return year;
}
