import type { PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '@vertrouwd/http';

const integerIn = (field: string, pattern: RegExp, message: string): PipeTransform<unknown, number> => ({
  transform(value: unknown): number {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && pattern.test(text)) return Number(text);
    throw new ValidationFailedException([{ field, rule: 'isInt', message }]);
  },
});

export const YEAR = integerIn('year', /^2[0-9]{3}$/, 'year must be a year like 2026');
export const PUBLICATION = integerIn('publication', /^[1-9][0-9]{0,5}$/, 'publication must be a publication number (1, 2, …)');

/** A query value out of a fixed list; a missing or other value is a 400 naming the parameter (never the value). */
export const oneOf = <T extends string>(field: string, values: readonly T[]): PipeTransform<unknown, T> => ({
  transform(value: unknown): T {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    throw new ValidationFailedException([{ field, rule: 'isIn', message: `${field} must be one of ${values.join(', ')}` }]);
  },
});
