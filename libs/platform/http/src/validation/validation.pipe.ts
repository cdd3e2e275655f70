import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import { canonicalId } from '@vertrouwd/domain';
import type { FieldError } from '../problem/problem';
import { ValidationFailedException } from '../problem/problem.exception';
import { compiledBodyOf } from './compiled-schema';
import { toFieldErrors } from './field-errors';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Nest's pipe, with the shapes class-validator lets through refused: a body that is not an object (an array, a
 * number), and an array where a nested object is declared (`@ValidateNested()` without `each` validates each
 * item of an array and passes an empty one: `contact: []` reached handlers as valid).
 */
class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const checked = metadata.metatype !== undefined && this.toValidate(metadata);
    if (checked && metadata.type === 'body' && value !== undefined && !isObject(value)) {
      throw new ValidationFailedException([{ field: '(body)', rule: 'isObject', message: 'The body must be a JSON object.' }]);
    }
    // A hot route's body checked by its compiled schema (ADR 0057): no class instance, no decorator walk.
    const compiled = metadata.type === 'body' ? compiledBodyOf(metadata.metatype) : undefined;
    if (compiled) {
      const errors = compiled.errors(value ?? {});
      if (errors.length > 0) throw new ValidationFailedException(errors);
      return value;
    }
    const result: unknown = await super.transform(value, metadata);
    if (checked) {
      const errors = nestedShapeErrors(result);
      if (errors.length > 0) throw new ValidationFailedException(errors);
      lowercaseUuids(result);
    }
    return result;
  }
}

/**
 * Every property declared `@IsUUID()` in lowercase, recursing into nested objects: a UUID is one id in either case
 * (RFC 9562), but ids are stored and compared as text, so an advisor named `A1…` in an assignment was another advisor
 * than the `a1…` of their token, and the case reached no one.
 */
function lowercaseUuids(instance: unknown): void {
  if (!isObject(instance)) return;
  const record = instance;
  for (const rule of classValidator.getMetadataStorage().getTargetValidationMetadatas(instance.constructor, '', true, false)) {
    const value = record[rule.propertyName];
    if (rule.type === 'nestedValidation') {
      if (Array.isArray(value)) value.forEach(lowercaseUuids);
      else lowercaseUuids(value);
    } else if (rule.name === 'isUuid') {
      if (typeof value === 'string') record[rule.propertyName] = canonicalId(value);
      else if (Array.isArray(value))
        record[rule.propertyName] = (value as unknown[]).map((item) => (typeof item === 'string' ? canonicalId(item) : item));
    }
  }
}

/** Every property declared `@ValidateNested()` (not `each`) that holds an array or null, by path; recursing into objects. */
function nestedShapeErrors(instance: unknown, path = ''): FieldError[] {
  if (!isObject(instance)) return [];
  const storage = classValidator.getMetadataStorage();
  const nested = storage
    .getTargetValidationMetadatas(instance.constructor, '', true, false)
    .filter((rule) => rule.type === 'nestedValidation');
  return nested.flatMap((rule) => {
    const field = path ? `${path}.${rule.propertyName}` : rule.propertyName;
    const value = instance[rule.propertyName];
    if (rule.each) return Array.isArray(value) ? value.flatMap((item, i) => nestedShapeErrors(item, `${field}[${i}]`)) : [];
    // null is no object either: an optional one is absent, not null.
    if (Array.isArray(value) || value === null) return [{ field, rule: 'isObject', message: `${rule.propertyName} must be an object` }];
    return nestedShapeErrors(value, field);
  });
}

/**
 * The global pipe of every service: unknown fields are errors (not silently dropped, so a client's typo fails
 * loudly), every broken rule is reported at once, DTOs arrive as class instances, and a declared object is an
 * object (not an array, not null). A DTO marked `@CompiledSchema(...)` is checked by that schema instead and
 * arrives as the parsed plain object.
 */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // Leaf values stay on the errors so messages quoting them can be caught; they are never sent.
    validationError: { target: false, value: true },
    // Given, not looked up: Nest's lookup is a dynamic import() that Jest's CommonJS cannot run.
    validatorPackage: classValidator,
    transformerPackage: classTransformer,
    exceptionFactory: (errors) => new ValidationFailedException(toFieldErrors(errors)),
  });
}
