import type { ServerResponse } from 'node:http';

/**
 * A web service's Content-Security-Policy: its own stylesheets, fonts and images and nothing from another origin;
 * nothing framed; forms post back to the service (and to `formActions`, e.g. the issuer's logout a redirect goes on
 * to). Without `scripts` no script runs at all (the reporter's site); with it, scripts from this origin only and
 * the inline ones carrying the response's nonce (the portal's hydration, ADR 0044).
 */
export function contentSecurityPolicy({
  scripts,
  formActions = [],
}: {
  scripts?: { nonce?: string };
  formActions?: string[];
} = {}): string {
  return [
    "default-src 'none'",
    ...(scripts ? [scripts.nonce ? `script-src 'self' 'nonce-${scripts.nonce}'` : "script-src 'self'"] : []),
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self'",
    ...(scripts ? ["connect-src 'self'"] : []),
    ['form-action', "'self'", ...formActions].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Every web response's headers but the policy and the referrer policy, which each service chooses. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export interface SecurityHeaders {
  contentSecurityPolicy: string;
  referrerPolicy: 'no-referrer' | 'same-origin';
}

/**
 * Sets the headers on a response before anything writes it (writeHead keeps headers set this way; a page may still
 * replace the policy with one carrying its nonce). Pages show a reporter's own words, cases and reports: never kept
 * by a browser or a proxy. Built assets are named by their content and can be kept for good.
 */
export function applySecurityHeaders(res: ServerResponse, headers: SecurityHeaders, { cacheable }: { cacheable: boolean }): void {
  res.setHeader('Content-Security-Policy', headers.contentSecurityPolicy);
  res.setHeader('Referrer-Policy', headers.referrerPolicy);
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) res.setHeader(name, value);
  res.setHeader('Cache-Control', cacheable ? 'public, max-age=31536000, immutable' : 'no-store');
}
