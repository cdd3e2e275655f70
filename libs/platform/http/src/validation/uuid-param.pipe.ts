import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { canonicalId } from '@vertrouwd/domain';
import { isUUID } from 'class-validator';
import { ValidationFailedException } from '../problem/problem.exception';

/** The rule an id that is not a UUID breaks: class-validator's name for it, as `@IsUUID()` in a body reports it. */
export const UUID_RULE = 'isUuid';

/**
 * A path id that must be a UUID, as `@IsUUID()` reads one (so PostgreSQL's `uuid` type takes it): anything else is a
 * 400 validation problem naming the parameter from its decorator (`@Param('caseId', UUID_PARAM)` names `caseId`)
 * and the rule `isUuid`, never quoting the value. Nest's `ParseUUIDPipe` said only "Validation failed (uuid is
 * expected)", so on a path with two ids the caller could not tell which was wrong.
 */
export const UUID_PARAM: PipeTransform<unknown, string> = { transform: uuidOrRefuse };

/** `@Query('organisationId', OPTIONAL_UUID_PARAM)`: absent is `undefined`; present, it is a UUID or refused as above. */
export const OPTIONAL_UUID_PARAM: PipeTransform<unknown, string | undefined> = {
  transform: (value, metadata) => (value === undefined ? undefined : uuidOrRefuse(value, metadata)),
};

/**
 * The value when it is one UUID, in lowercase (how every id is stored and compared: `A1…` and `a1…` are one id); an
 * array (`?id=a&id=b`), a number or any other text is refused.
 */
function uuidOrRefuse(value: unknown, metadata: ArgumentMetadata): string {
  if (typeof value === 'string' && isUUID(value)) return canonicalId(value);
  const field = metadata.data ?? metadata.type;
  throw new ValidationFailedException([{ field, rule: UUID_RULE, message: `${field} must be a UUID` }]);
}
