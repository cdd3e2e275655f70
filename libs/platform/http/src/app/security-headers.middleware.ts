import type { HttpRequest, HttpResponse, NextFunction } from '../http-types';
import { pathOf } from '../http-types';

/** A JSON API renders nothing, loads nothing and may be framed by nothing. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI loads its own scripts and styles from /docs and sets inline styles; it calls the API itself. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const COMMON: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  // Responses carry case data; no browser or proxy may keep a copy.
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Lower-cased names of the headers this middleware owns (the idempotency store does not keep them). */
export const SECURITY_HEADER_NAMES: ReadonlySet<string> = new Set(
  [...Object.keys(COMMON), 'Content-Security-Policy'].map((name) => name.toLowerCase()),
);

/**
 * Creates the middleware setting the security headers on every response, errors included (it runs first).
 * @param docsPath the path of the Swagger UI, the one place with a relaxed Content-Security-Policy
 */
export function securityHeadersMiddleware(docsPath: string) {
  return (req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
    for (const [name, value] of Object.entries(COMMON)) res.setHeader(name, value);
    const path = pathOf(req);
    const isDocs = path === docsPath || path.startsWith(`${docsPath}/`);
    res.setHeader('Content-Security-Policy', isDocs ? DOCS_CSP : API_CSP);
    next();
  };
}
