import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { HttpRequest, HttpResponse, NextFunction } from '../http-types';
import { pathOf } from '../http-types';

type Directives = Record<string, string[]>;

const NONE = ["'none'"];

/** A JSON API renders nothing, loads nothing and may be framed by nothing. */
const API_CSP: Directives = { defaultSrc: NONE, frameAncestors: NONE, baseUri: NONE, formAction: NONE };

/** Swagger UI loads its own scripts and styles from /docs and sets inline styles; it calls the API itself. */
const DOCS_CSP: Directives = {
  defaultSrc: NONE,
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  frameAncestors: NONE,
  baseUri: NONE,
  formAction: NONE,
};

// Helmet's defaults, spelled out where the platform relies on the value; its other defaults (Origin-Agent-Cluster,
// X-DNS-Prefetch-Control, X-Download-Options, X-Permitted-Cross-Domain-Policies, X-XSS-Protection: 0) stay on.
const COMMON: HelmetOptions = {
  xContentTypeOptions: true,
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true, preload: false },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  xPoweredBy: true,
};

const withCsp = (directives: Directives) => helmet({ ...COMMON, contentSecurityPolicy: { useDefaults: false, directives } });
const forApi = withCsp(API_CSP);
const forDocs = withCsp(DOCS_CSP);

// Responses carry case data; no browser or proxy may keep a copy. Not a helmet header.
const CACHE_CONTROL = 'Cache-Control';

// The headers helmet sets, read off a dry run so that this list follows helmet's defaults.
function headersSetBy(middleware: typeof forApi): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => (headers[name] = String(value)),
    removeHeader: () => undefined,
  } as unknown as ServerResponse;
  middleware({ headers: {} } as IncomingMessage, res, () => undefined);
  return headers;
}

/** Every header an API answer carries, with its value: for answers written on the socket, outside Express. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = { ...headersSetBy(forApi), [CACHE_CONTROL]: 'no-store' };

/** Lower-cased names of the headers this middleware owns (the idempotency store does not keep them). */
export const SECURITY_HEADER_NAMES: ReadonlySet<string> = new Set(Object.keys(SECURITY_HEADERS).map((name) => name.toLowerCase()));

/**
 * Creates the middleware setting the security headers (helmet) and `Cache-Control: no-store` on every response,
 * errors included (it runs first).
 * @param docsPath the path of the Swagger UI, the one place with a relaxed Content-Security-Policy
 */
export function securityHeadersMiddleware(docsPath: string) {
  return (req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
    res.setHeader(CACHE_CONTROL, 'no-store');
    const path = pathOf(req);
    const isDocs = path === docsPath || path.startsWith(`${docsPath}/`);
    (isDocs ? forDocs : forApi)(req, res, next);
  };
}
