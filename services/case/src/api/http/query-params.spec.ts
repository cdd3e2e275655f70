import { ValidationFailedException } from '@vertrouwd/http';
import { dayOf, periodOf, uuidOf } from './query-params';

// An auditor's period (`?from=…&to=…`) is typed by hand: whatever the caller sends is a 400 naming the field, never
// a 500 (`2026-13-45` has the shape of a day and made the check itself throw).

const refusalOf = (check: () => unknown) => {
  try {
    check();
  } catch (error) {
    if (error instanceof ValidationFailedException) return error.problem.errors;
    throw error;
  }
  return undefined;
};

describe('dayOf', () => {
  it('takes a day that exists, and nothing when absent', () => {
    expect(dayOf('from', '2026-02-28')).toBe('2026-02-28');
    expect(dayOf('from', '2024-02-29')).toBe('2024-02-29');
    expect(dayOf('from', undefined)).toBeUndefined();
  });

  it.each(['2026-13-45', '2026-00-10', '2026-02-30', '2025-02-29', '0000-99-99', '2026-1-5', '2026-01-05T00:00:00Z', ''])(
    'refuses %j as a 400 naming the field and rule',
    (text) => {
      expect(refusalOf(() => dayOf('to', text))).toEqual([expect.objectContaining({ field: 'to', rule: 'isDay' })]);
    },
  );

  it('refuses a repeated or bracketed parameter (an array or object in the query)', () => {
    expect(refusalOf(() => dayOf('from', ['2026-01-01', '2026-01-02']))).toEqual([expect.objectContaining({ rule: 'isDay' })]);
    expect(refusalOf(() => dayOf('from', { a: '2026-01-01' }))).toEqual([expect.objectContaining({ rule: 'isDay' })]);
  });
});

describe('periodOf', () => {
  it('refuses an impossible end as a 400 on that end', () => {
    expect(refusalOf(() => periodOf('2026-01-01', '2026-13-45'))).toEqual([expect.objectContaining({ field: 'to', rule: 'isDay' })]);
  });
});

describe('uuidOf', () => {
  it('takes a UUID, and nothing when absent', () => {
    expect(uuidOf('advisorId', '46a843af-5ca5-490d-8839-a84730e4ca31')).toBe('46a843af-5ca5-490d-8839-a84730e4ca31');
    expect(uuidOf('advisorId', undefined)).toBeUndefined();
  });

  // The first two have a UUID's length and characters: a query on a uuid column failed on them (a 500).
  it.each(['a'.repeat(36), '-'.repeat(36), '46a843af5ca5490d8839a84730e4ca31', '', ['46a843af-5ca5-490d-8839-a84730e4ca31']])(
    'refuses %j as a 400 naming the field and rule',
    (value) => {
      expect(refusalOf(() => uuidOf('advisorId', value))).toEqual([
        { field: 'advisorId', rule: 'isUuid', message: 'advisorId must be a UUID' },
      ]);
    },
  );
});
