import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from '../http-types';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** `application/json` and structured `+json` types (`application/merge-patch+json`). */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** The `charset` parameter, unquoted and lower-cased; undefined when absent. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
  return match ? match[1].toLowerCase() : undefined;
}

/** A body is present when it has a length above zero or arrives chunked (RFC 9112 §6.3). */
function hasBody(req: HttpRequest): boolean {
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] !== undefined) return true;
  return length !== undefined && Number(length) > 0;
}

/**
 * Rejects a POST, PUT or PATCH whose body is not JSON, or declares a charset other than UTF-8, with a 415, before
 * anything reads it. Requests without a
 * body pass, so commands that take none (`POST /cases/:id/acknowledge`) need no `Content-Type`.
 */
export function jsonOnlyMiddleware(req: HttpRequest, _res: HttpResponse, next: NextFunction): void {
  if (WITH_BODY.has(req.method) && hasBody(req) && !isJsonMediaType(req.headers['content-type'])) {
    next(new UnsupportedMediaTypeException('Send the body as application/json.'));
    return;
  }
  // Only UTF-8 (RFC 8259 §8.1): body-parser would decode UTF-16 and any other utf-* charset it knows.
  const charset = charsetOf(req.headers['content-type']);
  if (WITH_BODY.has(req.method) && hasBody(req) && charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    next(new UnsupportedMediaTypeException('The request body must be UTF-8 encoded JSON.'));
    return;
  }
  next();
}
