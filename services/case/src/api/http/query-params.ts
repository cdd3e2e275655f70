import { OPTIONAL_UUID_PARAM, ValidationFailedException } from '@vertrouwd/http';

// Query parameters checked at the edge: a bad one is a 400 problem naming the field, never a guess.

const refuse = (field: string, rule: string, message: string): never => {
  throw new ValidationFailedException([{ field, rule, message }]);
};

/** One of a closed list, or undefined when absent. */
export function oneOf(field: string, value: unknown, allowed: readonly string[]): string | undefined {
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return value;
  return refuse(field, 'isIn', `${field} must be one of: ${allowed.join(', ')}`);
}

/** A UUID (as the HTTP kit's path ids), or undefined when absent: anything else would fail a query on a uuid column. */
export function uuidOf(field: string, value: unknown): string | undefined {
  return OPTIONAL_UUID_PARAM.transform(value, { type: 'query', data: field });
}

/** A calendar day `YYYY-MM-DD` that exists. */
export function dayOf(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' && isDay(value) ? value : refuse(field, 'isDay', `${field} must be a day YYYY-MM-DD`);
}

/** `2026-02-30` rolls over to another day; `2026-13-45` is an Invalid Date, whose toISOString() throws. */
function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(text);
}

/** A period of days, both ends included; `from` after `to` is refused. */
export function periodOf(from: unknown, to: unknown): { from?: string; to?: string } {
  const period = { from: dayOf('from', from), to: dayOf('to', to) };
  if (period.from && period.to && period.from > period.to) refuse('to', 'isNotBeforeFrom', 'to must not be before from');
  return Object.fromEntries(Object.entries(period).filter(([, v]) => v !== undefined));
}

export function booleanOf(field: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return refuse(field, 'isBoolean', `${field} must be true or false`);
}

export interface Page {
  limit: number;
  offset: number;
}

/** `limit` 1–200 (default 50) and `offset` from 0. */
export function pageOf(limit: unknown, offset: unknown): Page {
  const int = (field: string, value: unknown, min: number, max: number, fallback: number): number => {
    if (value === undefined) return fallback;
    const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    return n >= min && n <= max ? n : refuse(field, 'isInt', `${field} must be a whole number from ${min} to ${max}`);
  };
  return { limit: int('limit', limit, 1, 200, 50), offset: int('offset', offset, 0, 1e9, 0) };
}
