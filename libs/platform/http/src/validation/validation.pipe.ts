import { ValidationPipe } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import { ValidationFailedException } from '../problem/problem.exception';
import { toFieldErrors } from './field-errors';

/**
 * The global pipe of every service: unknown fields are errors (not silently dropped, so a client's typo fails
 * loudly), every broken rule is reported at once, and DTOs arrive as class instances.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
