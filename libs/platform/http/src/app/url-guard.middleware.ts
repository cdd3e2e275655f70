import { BadRequestException } from '@nestjs/common';
import type { HttpRequest, HttpResponse, NextFunction } from '../http-types';

/**
 * Refuses a URL whose percent-escapes do not decode to UTF-8, or that decodes to a NUL character (which no database
 * text can hold: `GET /intake/%00` would otherwise reach SQL), with a 400 that quotes nothing of it.
 */
export function urlGuardMiddleware(req: HttpRequest, _res: HttpResponse, next: NextFunction): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.originalUrl ?? req.url ?? '/');
  } catch {
    next(new BadRequestException('The URL is not valid percent-encoded UTF-8.'));
    return;
  }
  if (decoded.includes('\u0000')) {
    next(new BadRequestException('The URL must not contain a NUL character.'));
    return;
  }
  next();
}
