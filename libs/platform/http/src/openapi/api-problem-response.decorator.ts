import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { problemResponse } from './problem-schemas';

/**
 * Documents an `application/problem+json` answer of one operation (or of every operation of a controller),
 * e.g. `@ApiProblemResponse(409, 'The case was changed by someone else')`.
 */
export function ApiProblemResponse(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, ...problemResponse(description) });
}

/**
 * Documents a download: a 200 whose body is a file of `mediaType` (a PDF, UBL XML, CSV), e.g.
 * `@ApiFileResponse('application/pdf', 'The invoice as PDF/A')`. Replaces `@ApiProduces` on such a handler.
 */
export function ApiFileResponse(mediaType: string, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiProduces(mediaType), ApiOkResponse({ description, schema: { type: 'string', format: 'binary' } }));
}
