import type { ServerResponse } from 'node:http';

/**
 * The reporter's pages need their own stylesheets, fonts and images and nothing else: no script, no frame, no other
 * origin; forms post only back to this site; no address leaves in a Referer.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** Sets the headers on a response before anything writes it (writeHead keeps headers set this way). */
export function applySecurityHeaders(res: ServerResponse, { cacheable }: { cacheable: boolean }): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  // Pages may hold a receipt or a reporter's own words: never kept by a browser or a proxy. Built assets are
  // named by their content and can be kept for good.
  res.setHeader('Cache-Control', cacheable ? 'public, max-age=31536000, immutable' : 'no-store');
}
