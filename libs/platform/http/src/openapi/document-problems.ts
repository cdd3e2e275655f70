import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import { VERSIONED_READ_EXTENSION } from '../conditional/conditional.decorators';
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
 * Puts back the success status of operations that document only their problems (`successOf`, by operationId), and
 * adds the problems every operation can answer with, unless the operation already documents that status:
 * validation (400) where it takes input, 413 and 415 where it takes a body, `Idempotency-Key` and its problems
 * on POST when the app honours it, 401 and 403 where the operation needs a token (`@ApiBearerAuth()`: the access guard
 * answers them before the handler runs), and 500 everywhere. Services document their own 404, 409 and 422 (and a
 * more precise 401 or 403) with `@ApiProblemResponse`.
 */
export function documentProblems(
  document: OpenAPIObject,
  { idempotency, successOf }: { idempotency: boolean; successOf?: (operationId: string) => number | undefined },
): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...PROBLEM_SCHEMAS } };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      addSuccess(operation, successOf);
      addETag(operation);
      addProblems(operation, method, idempotency);
    }
  }
  return document;
}

/**
 * `@nestjs/swagger` documents a handler's success status (its `@HttpCode`, else 201 for POST, 200 otherwise) only
 * when the handler declares no response at all: one `@ApiProblemResponse` and the success vanishes from the document
 * (and a generated client types every answer as an error). It is put back here, without a body schema.
 */
function addSuccess(operation: OperationObject, successOf?: (operationId: string) => number | undefined): void {
  if (Object.keys(operation.responses).some((status) => status.startsWith('2'))) return;
  const status = operation.operationId ? successOf?.(operation.operationId) : undefined;
  if (status !== undefined) operation.responses[String(status)] = { description: status === 204 ? 'Done; no body' : '' };
}

/** A `@VersionedRead()` answers with its version as a strong `ETag`, which its writes take in `If-Match`. */
function addETag(operation: OperationObject): void {
  const marked = operation as OperationObject & Record<string, unknown>;
  if (marked[VERSIONED_READ_EXTENSION] !== true) return;
  delete marked[VERSIONED_READ_EXTENSION];
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!status.startsWith('2') || response === undefined || '$ref' in response) continue;
    const description = 'The version of the answer as a strong entity tag (`"3"`): send it back in `If-Match` to write';
    response.headers = { ...response.headers, ETag: { description, schema: { type: 'string', example: '"3"' } } };
  }
}

function addProblems(operation: OperationObject, method: (typeof METHODS)[number], idempotency: boolean): void {
  const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).length > 0;
  const add = (status: string, description: string, when = true) => {
    if (when && operation.responses[status] === undefined) operation.responses[status] = problemResponse(description);
  };
  add('400', 'Invalid input: `errors` names each field and the rule it broke', takesInput || method === 'post');
  const needsToken = (operation.security ?? []).some((requirement) => Object.keys(requirement).length > 0);
  add('401', 'No token, or one that is invalid or expired', needsToken);
  add('403', 'The token is valid, but its role may not do this', needsToken);
  add('413', 'The body exceeds the size limit', operation.requestBody !== undefined);
  add('415', 'The body is not application/json', operation.requestBody !== undefined);
  if (method === 'post' && idempotency) {
    add('409', 'A concurrent change, or a request with the same Idempotency-Key still in progress');
    add('422', 'The Idempotency-Key was used before with a different body');
    operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY];
  }
  add('500', 'Unexpected failure; quote `correlationId` when reporting it');
}
