import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The parts of Express's request this library reads. Typed here because `@types/express` is not a dependency:
 * Express 5 arrives through `@nestjs/platform-express`, and these few members are stable across its versions.
 */
export interface HttpRequest extends IncomingMessage {
  method: string;
  originalUrl: string;
  body?: unknown;
  query?: unknown;
  /** Set by Express when a route matched; absent for Nest's catch-all "no route" handler. */
  route?: { path: string };
  /** Set by the correlation-id middleware of `createHttpApp`. */
  correlationId?: string;
  /** The version a conditional write's `If-Match` names; set by `@ConditionalWrite()`. */
  ifMatch?: number;
  /** Set by `@vertrouwd/auth`'s guard; its `subject` scopes idempotency keys to the caller. */
  principal?: { subject?: unknown };
}

/** The parts of Express's response this library writes. */
export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  type(contentType: string): this;
  send(body?: unknown): this;
}

export type NextFunction = (error?: unknown) => void;

/** The request path without its query string: query strings may carry personal data, paths are ids and names. */
export function pathOf(req: Pick<HttpRequest, 'originalUrl' | 'url'>): string {
  return (req.originalUrl ?? req.url ?? '/').split(/[?#]/)[0];
}
