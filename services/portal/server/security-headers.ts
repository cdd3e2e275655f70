import { contentSecurityPolicy as webPolicy, type SecurityHeaders } from '@vertrouwd/web-kit/server';

/**
 * The portal's Content-Security-Policy. Scripts come from this origin only; the few inline scripts React Router
 * writes to hydrate a page (its context and the module that imports the entry) run only with the response's nonce
 * (ADR 0044). No other origin is loaded, framed or fetched; forms post back here, and the sign-out form's redirect
 * may go on to the issuer's logout (browsers check form-action on that redirect too).
 */
export function contentSecurityPolicy({ nonce, issuerOrigin }: { nonce?: string; issuerOrigin?: string }): string {
  return webPolicy({ scripts: { nonce }, formActions: issuerOrigin ? [issuerOrigin] : [] });
}

/** The issuer's origin, for form-action: `OIDC_ISSUER`'s scheme, host and port. */
export function issuerOriginOf(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every response's headers (a page's own policy with its nonce, set by app/entry.server.tsx, replaces the
 * script-less default). Addresses name cases: they go to no other site (the portal's own pages still see them, for
 * React Router's checks).
 */
export function securityHeaders(): SecurityHeaders {
  return { contentSecurityPolicy: contentSecurityPolicy({ issuerOrigin: issuerOriginOf() }), referrerPolicy: 'same-origin' };
}
