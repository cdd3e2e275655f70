import type { PipeTransform } from '@nestjs/common';
import { ValidationFailedException } from '@vertrouwd/http';

/** A path id that must be a UUID: refused as a problem naming the parameter, never echoing the value. */
export const uuidParam = (field: string): PipeTransform<unknown, string> => ({
  transform(value: unknown): string {
    if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return value;
    throw new ValidationFailedException([{ field, rule: 'isUuid', message: `${field} must be a UUID` }]);
  },
});

export const AGENCY_ID = uuidParam('agencyId');
export const ORGANISATION_ID = uuidParam('organisationId');
