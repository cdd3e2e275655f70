import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse, NextFunction } from '../http-types';

/** The request and response header carrying the id that ties a problem body to its log lines. */
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

/**
 * Accepted from the caller only as a UUID: the id travels into event metadata and bus messages, which are never
 * erased, so it must not be able to carry a name, an e-mail address or a phone number.
 */
const ACCEPTED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Gives every request a correlation id: the caller's when it is a UUID (lower-cased), else a fresh one. */
export function correlationIdMiddleware(req: HttpRequest, res: HttpResponse, next: NextFunction): void {
  const given = req.headers[CORRELATION_ID_HEADER.toLowerCase()];
  req.correlationId = typeof given === 'string' && ACCEPTED.test(given) ? given.toLowerCase() : randomUUID();
  res.setHeader(CORRELATION_ID_HEADER, req.correlationId);
  next();
}
