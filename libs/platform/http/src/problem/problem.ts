/** The media type of every error body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Base of every problem `type` URI; each type is documented in `docs/platform/http.md`. */
export const PROBLEM_TYPE_BASE = 'https://vertrouwd.nl/problems/';

/**
 * The problem types this platform answers with. Clients switch on `type`, never on `title` or `detail`,
 * so these URIs are a published contract: add new ones, never rename.
 */
export const ProblemType = {
  validation: `${PROBLEM_TYPE_BASE}validation`,
  malformedJson: `${PROBLEM_TYPE_BASE}malformed-json`,
  badRequest: `${PROBLEM_TYPE_BASE}bad-request`,
  unauthorized: `${PROBLEM_TYPE_BASE}unauthorized`,
  forbidden: `${PROBLEM_TYPE_BASE}forbidden`,
  notFound: `${PROBLEM_TYPE_BASE}not-found`,
  methodNotAllowed: `${PROBLEM_TYPE_BASE}method-not-allowed`,
  conflict: `${PROBLEM_TYPE_BASE}conflict`,
  concurrentModification: `${PROBLEM_TYPE_BASE}concurrent-modification`,
  preconditionFailed: `${PROBLEM_TYPE_BASE}precondition-failed`,
  idempotencyKeyInUse: `${PROBLEM_TYPE_BASE}idempotency-key-in-use`,
  payloadTooLarge: `${PROBLEM_TYPE_BASE}payload-too-large`,
  unsupportedMediaType: `${PROBLEM_TYPE_BASE}unsupported-media-type`,
  unprocessable: `${PROBLEM_TYPE_BASE}unprocessable`,
  idempotencyKeyReused: `${PROBLEM_TYPE_BASE}idempotency-key-reused`,
  tooManyRequests: `${PROBLEM_TYPE_BASE}too-many-requests`,
  requestTimeout: `${PROBLEM_TYPE_BASE}request-timeout`,
  requestHeaderFieldsTooLarge: `${PROBLEM_TYPE_BASE}request-header-fields-too-large`,
  internal: `${PROBLEM_TYPE_BASE}internal`,
  serviceUnavailable: `${PROBLEM_TYPE_BASE}service-unavailable`,
  notReady: `${PROBLEM_TYPE_BASE}not-ready`,
} as const;

/** One failed rule of one field. `field` is a path (`contact.email`, `items[0].name`); values are never echoed. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

/** An RFC 9457 problem details body, with the members this platform adds. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The route template (`/cases/:caseId`), or `urn:uuid:<correlationId>` before a route matched; never the sent path. */
  instance?: string;
  correlationId?: string;
  errors?: FieldError[];
  /** Extension members (RFC 9457 §3.2), e.g. `checks` of the readiness problem. */
  [extension: string]: unknown;
}

/** A problem together with the headers its status requires (`Retry-After`, `WWW-Authenticate`). */
export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: Problem;
}
