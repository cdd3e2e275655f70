import type { ServerResponse } from 'node:http';

/**
 * The portal's Content-Security-Policy. Scripts come from this origin only; the few inline scripts React Router
 * writes to hydrate a page (its context and the module that imports the entry) run only with the response's nonce
 * (ADR 0044). No other origin is loaded, framed or fetched; forms post back here, and the sign-out form's redirect
 * may go on to the issuer's logout (browsers check form-action on that redirect too).
 */
export function contentSecurityPolicy({ nonce, issuerOrigin }: { nonce?: string; issuerOrigin?: string }): string {
  return [
    "default-src 'none'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    ['form-action', "'self'", ...(issuerOrigin ? [issuerOrigin] : [])].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The issuer's origin, for form-action: `OIDC_ISSUER`'s scheme, host and port. */
export function issuerOriginOf(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : undefined;
  } catch {
    return undefined;
  }
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // Addresses name cases: they go to no other site (the portal's own pages still see them, for React Router's checks).
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/**
 * Sets the headers on a response before anything writes it (writeHead keeps headers set this way, and a page's own
 * Content-Security-Policy with its nonce, set by app/entry.server.tsx, replaces the script-less default).
 */
export function applySecurityHeaders(res: ServerResponse, { cacheable }: { cacheable: boolean }): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy({ issuerOrigin: issuerOriginOf() }));
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  // Pages show cases, messages and reports: never kept by a browser or a proxy. Built assets are named by their
  // content and can be kept for good.
  res.setHeader('Cache-Control', cacheable ? 'public, max-age=31536000, immutable' : 'no-store');
}
