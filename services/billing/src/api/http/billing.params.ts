import type { PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '@vertrouwd/http';

/** A document number `2026-000042`: 400 naming the parameter and the rule otherwise (never the value). */
export const DOCUMENT_NUMBER: PipeTransform<unknown, string> = {
  transform(value: unknown): string {
    if (typeof value === 'string' && /^[0-9]{4}-[0-9]{6,9}$/.test(value)) return value;
    throw new ValidationFailedException([
      { field: 'number', rule: 'isDocumentNumber', message: 'number must be a document number like 2026-000042' },
    ]);
  },
};

/** An optional year `2026` in the query. */
export const OPTIONAL_YEAR: PipeTransform<unknown, number | undefined> = {
  transform(value: unknown): number | undefined {
    if (value === undefined) return undefined;
    // The global pipe may have turned the query text into a number already (the parameter is typed `number`).
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text === 'string' && /^2[0-9]{3}$/.test(text)) return Number(text);
    throw new ValidationFailedException([{ field: 'year', rule: 'isYear', message: 'year must be a year like 2026' }]);
  },
};

/** A required year `2026` in the query. */
export const YEAR: PipeTransform<unknown, number> = {
  transform(value: unknown): number {
    const year = OPTIONAL_YEAR.transform(value, { type: 'query' });
    if (year === undefined) throw new ValidationFailedException([{ field: 'year', rule: 'isDefined', message: 'year is required' }]);
    return year;
  },
};
