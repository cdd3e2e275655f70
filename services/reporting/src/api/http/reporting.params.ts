import { ParseUUIDPipe, type PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '@vertrouwd/http';

export const UUID = new ParseUUIDPipe();

const integerIn = (field: string, pattern: RegExp, message: string): PipeTransform<unknown, number> => ({
  transform(value: unknown): number {
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && pattern.test(text)) return Number(text);
    throw new ValidationFailedException([{ field, rule: 'isInt', message }]);
  },
});

export const YEAR = integerIn('year', /^2[0-9]{3}$/, 'year must be a year like 2026');
export const PUBLICATION = integerIn('publication', /^[1-9][0-9]{0,5}$/, 'publication must be a publication number (1, 2, …)');
