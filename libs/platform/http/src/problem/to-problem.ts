import { HttpException, NotFoundException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { DomainError, TooManyAttemptsError, type DomainErrorKind } from '@vertrouwd/domain';
import { StaleVersionError, WrongExpectedVersionError } from '@vertrouwd/event-sourcing';
import { AlreadyShreddedError } from '@vertrouwd/privacy';
import { JSON_REFUSALS } from '../app/json-body';
import { pathOf, type HttpRequest } from '../http-types';
import { ProblemType, type Problem, type ProblemResponse } from './problem';
import { ProblemException } from './problem.exception';

interface Default {
  type: string;
  title: string;
  detail: string;
}

const BY_STATUS: Record<number, Default> = {
  400: { type: ProblemType.badRequest, title: 'Bad request', detail: 'The request could not be processed.' },
  401: { type: ProblemType.unauthorized, title: 'Unauthorized', detail: 'A valid bearer token is required.' },
  403: { type: ProblemType.forbidden, title: 'Forbidden', detail: 'You are not allowed to do this.' },
  404: { type: ProblemType.notFound, title: 'Not found', detail: 'The resource does not exist.' },
  405: { type: ProblemType.methodNotAllowed, title: 'Method not allowed', detail: 'This method is not allowed here.' },
  409: { type: ProblemType.conflict, title: 'Conflict', detail: 'The request conflicts with the current state.' },
  413: { type: ProblemType.payloadTooLarge, title: 'Payload too large', detail: 'The request body is too large.' },
  415: { type: ProblemType.unsupportedMediaType, title: 'Unsupported media type', detail: 'Send the body as application/json.' },
  422: { type: ProblemType.unprocessable, title: 'Unprocessable request', detail: 'The request cannot be carried out.' },
  429: { type: ProblemType.tooManyRequests, title: 'Too many requests', detail: 'Too many requests; retry later.' },
  500: {
    type: ProblemType.internal,
    title: 'Internal server error',
    detail: 'An unexpected error occurred; quote the correlation id when reporting it.',
  },
  503: { type: ProblemType.serviceUnavailable, title: 'Service unavailable', detail: 'The service is temporarily unavailable.' },
};

/** What `pg`'s pool throws when no connection came free within its `connectionTimeoutMillis`. */
export const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/** One mapping of domain refusals for every service. */
const STATUS_OF: Record<DomainErrorKind, number> = {
  conflict: 409,
  unprocessable: 422,
  'not-found': 404,
  forbidden: 403,
  unauthenticated: 401,
  'too-many': 429,
  unavailable: 503,
};

/** Fixed details for body-parser failures: their own messages quote the submitted body (JSON.parse does). */
const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'encoding.unsupported': 'Compressed request bodies are not accepted.',
  'charset.unsupported': 'The request body must be UTF-8 encoded JSON.',
};

/**
 * Maps anything thrown while serving a request to the problem it is answered with. Pure, so the idempotency
 * interceptor stores exactly what the exception filter sends.
 */
export function toProblem(exception: unknown, req: HttpRequest): ProblemResponse {
  const context = { ...instanceOf(req), ...(req.correlationId ? { correlationId: req.correlationId } : {}) };
  const refusal = jsonRefusalOf(exception);
  if (refusal) {
    const detail = 'The request body is too complex; see errors.';
    return respond(400, { type: ProblemType.validation, title: 'Invalid request', status: 400, detail, ...context, errors: [refusal] });
  }
  if (exception instanceof ProblemException) {
    const { type, title, status, detail, errors, headers, extensions } = exception.problem;
    const body = { ...extensions, type, title, status, detail, ...context, ...(errors ? { errors } : {}) };
    return respond(status, body, headers);
  }
  if (exception instanceof DomainError) {
    // Domain messages name the rule and never carry content (the domain library's contract): shown as they are.
    const status = STATUS_OF[exception.kind];
    const { type, title } = BY_STATUS[status];
    const headers: Record<string, string> =
      exception instanceof TooManyAttemptsError
        ? { 'Retry-After': String(Math.max(0, Math.ceil(exception.retryAfterSeconds))) }
        : status === 401
          ? { 'WWW-Authenticate': 'Bearer' }
          : {};
    return respond(status, { type, title, status, detail: exception.message, rule: exception.name, ...context }, headers);
  }
  if (exception instanceof AlreadyShreddedError) {
    // Sealing for someone whose keys were shredded: the erasure stands, nothing more is written for them.
    const detail = 'This data was erased: nothing more can be added to it.';
    return respond(409, { type: ProblemType.conflict, title: 'Conflict', status: 409, detail, rule: exception.name, ...context });
  }
  if (exception instanceof WrongExpectedVersionError) {
    const detail = 'The resource was changed by another request; reload it and try again.';
    const title = 'Concurrent modification';
    return respond(409, { type: ProblemType.concurrentModification, title, status: 409, detail, ...context });
  }
  if (exception instanceof StaleVersionError) {
    const detail = 'The resource changed since you read it; read it again and reapply your change.';
    return respond(412, { type: ProblemType.preconditionFailed, title: 'Precondition failed', status: 412, detail, ...context });
  }
  if (exception instanceof Error && exception.message === POOL_TIMEOUT) {
    // No connection of the service's pool came free in time (a burst, or work holding them): try again shortly.
    const detail = 'The service is busy; try again shortly.';
    const body = { type: ProblemType.serviceUnavailable, title: 'Service unavailable', status: 503, detail, ...context };
    return respond(503, body, { 'Retry-After': '1' });
  }
  const allowed = exception instanceof NotFoundException && isRouteMiss(exception, req) ? methodsOf(req) : [];
  if (allowed.length > 0) {
    const detail = 'This path does not take this method; Allow lists those it takes.';
    const body = { type: ProblemType.methodNotAllowed, title: 'Method not allowed', status: 405, detail, ...context };
    return respond(405, body, { Allow: allowed.join(', ') });
  }
  const status = exception instanceof HttpException ? exception.getStatus() : 500;
  const text = STATUS_CODES[status] ?? 'Error';
  const known = BY_STATUS[status] ?? { type: 'about:blank', title: text, detail: text };
  const detail = exception instanceof HttpException ? detailOf(exception, req, known) : known.detail;
  const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
  const type = bodyParserType(exception) ?? known.type;
  return respond(status, { type, title: known.title, status, detail, ...context }, headers);
}

/**
 * The route template (`/intake/:intakeCode/reports`), never the path as sent: a path holds whatever the caller put in
 * it. Before a route matched (a refused body, no route at all) the occurrence is named by its correlation id.
 */
function instanceOf(req: HttpRequest): { instance?: string } {
  // A wildcard is no route of a service's: where Nest mounted module middleware (`{/*splat}`), left on a request
  // that no route matched afterwards (as `routeTemplate` in telemetry reads it).
  const path = req.route?.path;
  if (typeof path === 'string' && !path.includes('*')) return { instance: path };
  return req.correlationId ? { instance: `urn:uuid:${req.correlationId}` } : {};
}

/** A body refused by the parse-time limits (`verifyJsonBytes`), as the field error naming the rule. */
function jsonRefusalOf(exception: unknown): { field: string; rule: string; message: string } | undefined {
  const type = parserErrorType(exception);
  const refusal = type === undefined ? undefined : JSON_REFUSALS[type];
  if (!refusal) return undefined;
  const limit = ((exception as HttpException).cause as { limit?: unknown }).limit;
  return { field: '(body)', rule: refusal.rule, message: refusal.message(typeof limit === 'number' ? limit : 0) };
}

function respond(status: number, body: Problem, headers: Record<string, string> = {}): ProblemResponse {
  return { status, headers, body };
}

/** The app's own message, unless it may quote the request (parser errors, Nest's route miss) or hide a fault (5xx). */
function detailOf(exception: HttpException, req: HttpRequest, known: Default): string {
  const parserType = parserErrorType(exception);
  if (parserType !== undefined) {
    const limit = (exception.cause as { limit?: unknown }).limit;
    if (parserType === 'entity.too.large' && typeof limit === 'number') {
      return `The request body exceeds the limit of ${limit} bytes.`;
    }
    return BODY_PARSER_DETAILS[parserType] ?? known.detail;
  }
  if (exception.getStatus() >= 500) return known.detail;
  // Express's message for a path parameter it cannot decode quotes the parameter.
  if (exception.cause instanceof URIError) return 'The URL is not valid percent-encoded UTF-8.';
  if (exception instanceof NotFoundException && isRouteMiss(exception, req)) return 'No route matches this method and path.';
  const response = exception.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  return typeof message === 'string' && message !== STATUS_CODES[exception.getStatus()] ? message : known.detail;
}

interface RouteLayer {
  route?: { path?: unknown; methods?: Record<string, boolean> };
  match?(path: string): unknown;
}

/**
 * The methods the routes of this path take, when a request missed them by its method alone (RFC 9110: 405 with
 * `Allow`, not 404). Read from the Express router's routes; a wildcard is module middleware's, not a route.
 */
function methodsOf(req: HttpRequest): string[] {
  const stack = (req as { app?: { router?: { stack?: RouteLayer[] } } }).app?.router?.stack ?? [];
  // The path as the router matched it, not normalised (`//x`, `/a/../x` missed the routes as they were sent).
  const path = pathOf(req);
  const methods = new Set<string>();
  for (const layer of stack) {
    const route = layer.route;
    if (!route || typeof route.path !== 'string' || route.path.includes('*') || !layer.match?.(path)) continue;
    for (const method of Object.keys(route.methods ?? {})) if (method !== '_all') methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/** Nest's catch-all handler throws `Cannot GET /path`; with no global prefix no Express route has matched either. */
function isRouteMiss(exception: HttpException, req: HttpRequest): boolean {
  return req.route === undefined || exception.message === `Cannot ${req.method} ${req.originalUrl}`;
}

/** body-parser raises http-errors carrying a `type`; Nest wraps them in an HttpException with that as `cause`. */
function parserErrorType(exception: unknown): string | undefined {
  const cause = exception instanceof HttpException ? exception.cause : undefined;
  const type = typeof cause === 'object' && cause !== null ? (cause as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

function bodyParserType(exception: unknown): string | undefined {
  return parserErrorType(exception) === 'entity.parse.failed' ? ProblemType.malformedJson : undefined;
}
