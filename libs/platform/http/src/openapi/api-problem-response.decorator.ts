import { ApiResponse } from '@nestjs/swagger';
import { problemResponse } from './problem-schemas';

/**
 * Documents an `application/problem+json` answer of one operation (or of every operation of a controller),
 * e.g. `@ApiProblemResponse(409, 'The case was changed by someone else')`.
 */
export function ApiProblemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, ...problemResponse(description) });
}
