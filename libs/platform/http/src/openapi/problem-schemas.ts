import type { ResponseObject, SchemaObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';

/** JSON Schemas of the error bodies, added to every service's document under `components.schemas`. */
export const PROBLEM_SCHEMAS: Record<string, SchemaObject> = {
  FieldError: {
    type: 'object',
    required: ['field', 'rule', 'message'],
    properties: {
      field: { type: 'string', example: 'contact.email', description: 'Path of the field: dots for objects, [i] for array items' },
      rule: { type: 'string', example: 'isEmail', description: 'The rule the value broke' },
      message: { type: 'string', example: 'email must be an email' },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details. Switch on `type`; never parse `detail`.',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri', example: 'https://vertrouwd.nl/problems/validation' },
      title: { type: 'string', example: 'Invalid request' },
      status: { type: 'integer', example: 400 },
      detail: { type: 'string' },
      instance: { type: 'string', description: 'The request path', example: '/reports' },
      correlationId: { type: 'string', description: 'Quote it when reporting a fault' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
    },
  },
};

/** A response whose body is a problem, for `@ApiResponse` and for the responses added to every operation. */
export function problemResponse(description: string): ResponseObject {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } };
}
