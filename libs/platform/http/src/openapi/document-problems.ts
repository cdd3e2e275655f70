import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import { PROBLEM_SCHEMAS, problemResponse } from './problem-schemas';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Makes a retried POST safe: the same key and body return the first response (1–200 visible ASCII).',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

/**
 * Adds the problems every operation can answer with, unless the operation already documents that status:
 * validation (400) where it takes input, 413 and 415 where it takes a body, `Idempotency-Key` and its problems
 * on POST when the app honours it, and 500 everywhere. Services document their own 401, 403, 404, 409 and 422
 * with `@ApiProblemResponse`.
 */
export function documentProblems(document: OpenAPIObject, { idempotency }: { idempotency: boolean }): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...PROBLEM_SCHEMAS } };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) addProblems(operation, method, idempotency);
    }
  }
  return document;
}

function addProblems(operation: OperationObject, method: (typeof METHODS)[number], idempotency: boolean): void {
  const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).length > 0;
  const add = (status: string, description: string, when = true) => {
    if (when && operation.responses[status] === undefined) operation.responses[status] = problemResponse(description);
  };
  add('400', 'Invalid input: `errors` names each field and the rule it broke', takesInput || method === 'post');
  add('413', 'The body exceeds the size limit', operation.requestBody !== undefined);
  add('415', 'The body is not application/json', operation.requestBody !== undefined);
  if (method === 'post' && idempotency) {
    add('409', 'A concurrent change, or a request with the same Idempotency-Key still in progress');
    add('422', 'The Idempotency-Key was used before with a different body');
    operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY];
  }
  add('500', 'Unexpected failure; quote `correlationId` when reporting it');
}
