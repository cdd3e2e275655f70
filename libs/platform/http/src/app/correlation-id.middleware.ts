import { randomUUID } from 'node:crypto';
import type { HttpRequest, HttpResponse, NextFunction } from '../http-types';

/** The request and response header carrying the id that ties a problem body to its log lines. */
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

/** Accepted from the caller only in a shape that cannot smuggle anything into logs or bodies. */
const ACCEPTED = /^[A-Za-z0-9._:-]{8,64}$/;

/** Gives every request a correlation id: the caller's when well formed, else a fresh UUID. */
export function correlationIdMiddleware(req: HttpRequest, res: HttpResponse, next: NextFunction): void {
  const given = req.headers[CORRELATION_ID_HEADER.toLowerCase()];
  req.correlationId = typeof given === 'string' && ACCEPTED.test(given) ? given : randomUUID();
  res.setHeader(CORRELATION_ID_HEADER, req.correlationId);
  next();
}
